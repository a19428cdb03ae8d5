import { describe, expect, it } from 'vitest';
import { signedInAdmin } from '../../test/support/accounts';
import { callback, copyOfDemoOrganization, emulator, install, startConnect, syncUntil } from '../../test/support/github-connection';
import { signIn, useBrowser } from './support/browser';

/**
 * A sync that cannot finish yet: the installation's GitHub budget is spent
 * before the organization connects, so the first sync waits for the limit to
 * renew, and the GitHub page shows it going on rather than done.
 */
const browsing = useBrowser();

describe('sync progress in the web app', () => {
  it('shows a progress bar and why the sync waits, while it waits for the rate limit', async () => {
    const sarah = await signedInAdmin();
    const githubOrganization = await copyOfDemoOrganization();
    const setup = await install(await startConnect(sarah), githubOrganization);
    const spent = await emulator(`/_emulator/installations/${setup.searchParams.get('installation_id')}/rate-limit`, { method: 'POST', json: { remaining: 0 } });
    expect(spent.status).toBe(200);
    expect((await callback(setup)).status).toBe(200);
    await syncUntil(sarah, (sync) => sync.status === 'waiting_for_rate_limit');

    const page = await browsing.page();
    await signIn(page, sarah.input.email, sarah.input.password, '/login?next=/settings/github');

    await expect.poll(() => page.getByRole('progressbar').count()).toBe(1);
    await expect.poll(() => page.getByRole('status').filter({ hasText: "Waiting for GitHub's rate limit to renew" }).count()).toBe(1);
    expect(await page.getByText('Still running').count()).toBe(1);
  });
});
