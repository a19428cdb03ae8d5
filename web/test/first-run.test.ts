import { describe, expect, it } from 'vitest';
import { newSignup, verificationCodeFor } from '../../test/support/accounts';
import { copyOfDemoOrganization } from '../../test/support/github-connection';
import { signIn, useBrowser } from './support/browser';

/** Sarah's first morning in the browser: from the sign-up form to her team's dashboard. */
const browsing = useBrowser();

describe('a new admin in the web app', () => {
  it('signs up, verifies with the emailed code, connects GitHub, watches the sync and reaches the team dashboard', async () => {
    const sarah = newSignup();
    const githubOrganization = await copyOfDemoOrganization();
    const page = await browsing.page();

    await page.goto('/signup');
    await page.getByLabel('Your name').fill(sarah.name);
    await page.getByLabel('Email').fill(sarah.email);
    await page.getByLabel('Password').fill(sarah.password);
    await page.getByLabel('Organization name').fill(sarah.organizationName);
    await page.getByLabel('GitHub username (optional)').fill('sarah-em');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByLabel('Verification code').fill(await verificationCodeFor(sarah.email));
    await page.getByRole('button', { name: 'Verify email' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('verified');
    await signIn(page, sarah.email, sarah.password, page.url());

    expect(new URL(page.url()).pathname).toBe('/dashboard');
    await page.getByRole('link', { name: 'GitHub' }).first().click();
    await page.getByRole('button', { name: 'Connect GitHub' }).click();
    // GitHub's own page asks where to install; the emulator asks the same.
    await page.getByRole('link', { name: `Install on ${githubOrganization}`, exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/settings/github');
    await expect.poll(() => page.getByRole('heading', { level: 2, name: `Connected to ${githubOrganization}` }).count()).toBe(1);
    await expect.poll(() => page.locator('#sync-title').locator('..').textContent(), { timeout: 60_000 }).toMatch(/up to date/i);

    await page.getByRole('link', { name: 'Dashboard' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Team health' }).count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.getByRole('heading', { name: 'Hiring justification' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('heading', { name: 'Flow and delivery' }).count()).toBe(1);
  });
});
