import { describe, expect, it } from 'vitest';
import { signedInAdmin, unique } from '../../test/support/accounts';
import { invitationLinkFor } from '../../test/support/team';
import { signIn, useBrowser } from './support/browser';

/** Bob's 9:30: Sarah invites him from the team page, he follows the emailed link and is in. */
const browsing = useBrowser();

describe('an invitation in the web app', () => {
  it('goes from the team page to the email link to a joined member the team page lists', async () => {
    const sarah = await signedInAdmin();
    const bobEmail = `${unique('bob')}@techstartup.test`;
    const sarahsPage = await browsing.page();
    await signIn(sarahsPage, sarah.input.email, sarah.input.password, '/login?next=/team');
    await sarahsPage.getByLabel('Email').fill(bobEmail);
    await sarahsPage.getByLabel('Name', { exact: true }).fill('Bob Senior');
    await sarahsPage.getByLabel('GitHub username (optional)').fill('bob-senior');
    await sarahsPage.getByRole('button', { name: 'Invite', exact: true }).click();
    await expect.poll(() => sarahsPage.getByRole('button', { name: `Revoke the invitation of ${bobEmail}` }).count()).toBe(1);

    const { url } = await invitationLinkFor(bobEmail);
    const bobsPage = await browsing.page();
    await bobsPage.goto(url);
    await expect.poll(() => bobsPage.getByRole('heading', { name: `Join ${sarah.input.organizationName}` }).count()).toBe(1);
    await bobsPage.getByLabel('Password').fill('BobSecure456');
    await bobsPage.getByRole('button', { name: 'Accept invitation' }).click();
    await bobsPage.waitForURL((address) => address.pathname === '/people/bob-senior');

    await sarahsPage.reload();
    const bobsRow = sarahsPage.getByRole('row').filter({ hasText: bobEmail });
    await expect.poll(() => bobsRow.count()).toBe(1);
    expect(await bobsRow.textContent()).toContain('member');
    expect(await sarahsPage.getByRole('button', { name: `Revoke the invitation of ${bobEmail}` }).count()).toBe(0);
  });

  it('tells a person whose link was already used to ask for a new one', async () => {
    const sarah = await signedInAdmin();
    const email = `${unique('used')}@techstartup.test`;
    const page = await browsing.page();
    await signIn(page, sarah.input.email, sarah.input.password, '/login?next=/team');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Name', { exact: true }).fill('Once Only');
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    const { url } = await invitationLinkFor(email);
    const first = await browsing.page();
    await first.goto(url);
    await first.getByLabel('Password').fill('OnceOnly123');
    await first.getByRole('button', { name: 'Accept invitation' }).click();
    await first.waitForURL((address) => address.pathname !== '/invite/accept');

    const again = await browsing.page();
    await again.goto(url);

    await expect.poll(() => again.getByRole('alert').textContent()).toContain('expired, was revoked or was already used');
  });
});
