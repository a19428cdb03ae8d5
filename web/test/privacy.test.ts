import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { storyTeam, type StoryTeam } from '../../test/support/story';
import { api } from '../../test/support/stack';
import { PHONE, signIn, useBrowser } from './support/browser';

/**
 * The privacy rules on every screen, as the API answers them (default
 * settings: burnout risk for admins only). The browser never asks for what
 * the reader may not see, so nothing hidden travels to it.
 */
const browsing = useBrowser();
let team: StoryTeam;

beforeAll(async () => {
  team = await storyTeam();
}, 180_000);

/** Every API path the page asked for, to show what it never fetched. */
function requestedPaths(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (request) => paths.push(new URL(request.url()).pathname));
  return paths;
}

describe('a member in the web app', () => {
  it('lands on their own analysis, with burnout risk and who viewed it', async () => {
    const page = await browsing.page();
    await signIn(page, team.bob.email, team.bob.password);

    expect(new URL(page.url()).pathname).toBe('/people/bob-senior');
    await expect.poll(() => page.getByRole('heading', { name: 'Burnout risk' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('heading', { name: 'Who viewed my analysis' }).count()).toBe(1);
  });

  it("does not see another engineer's burnout risk, and is told why", async () => {
    const page = await browsing.page();
    const paths = requestedPaths(page);
    await signIn(page, team.bob.email, team.bob.password);
    await page.goto('/people/charlie-junior');

    await expect.poll(() => page.getByText('Burnout risk is visible to admins only').count()).toBeGreaterThan(0);
    expect(await page.getByText(/\b(high|medium|low) risk\b/i).count()).toBe(0);
    expect(paths.some((path) => path.startsWith('/ai/team-performance'))).toBe(false);
  });

  it('has no dashboard link, and the dashboard address neither fetches nor shows burnout risks', async () => {
    const page = await browsing.page();
    const paths = requestedPaths(page);
    await signIn(page, team.bob.email, team.bob.password);

    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).count()).toBe(0);
    await page.goto('/dashboard');
    await expect.poll(() => page.getByText('The team dashboard is for admins').count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Burnout risks' }).count()).toBe(0);
    expect(paths.some((path) => path.startsWith('/ai/team-performance'))).toBe(false);
  });
});

describe('a viewer in the web app', () => {
  it('reads an executive report made with individuals, without any engineer named in it', async () => {
    const generated = await api(`/ai/generate-report/${team.sarah.organizationId}`, { method: 'POST', token: team.sarah.accessToken, json: { reportType: 'executive', includeIndividuals: true } });
    expect(generated.status).toBe(201);
    const names = ['Bob Senior', 'Charlie Junior', 'Alice Dev', 'bob-senior', 'charlie-junior', 'alice-dev', 'sarah-em'];
    const sarahsPage = await browsing.page();
    await signIn(sarahsPage, team.sarah.input.email, team.sarah.input.password, `/login?next=/reports/${generated.body.reportId}`);
    await expect.poll(() => sarahsPage.getByRole('heading', { name: 'Summary' }).count()).toBe(1);
    // The same report names people for its admin, so what the viewer misses was there to miss.
    expect(await sarahsPage.locator('main').textContent()).toMatch(/Bob Senior|Charlie Junior|Alice Dev/);
    const page = await browsing.page();
    await signIn(page, team.diana.email, team.diana.password);

    expect(new URL(page.url()).pathname).toBe('/reports');
    await page.goto(`/reports/${generated.body.reportId}`);
    await expect.poll(() => page.getByRole('heading', { name: 'Summary' }).count()).toBe(1);
    const text = (await page.locator('main').textContent()) ?? '';
    for (const name of names) expect(text).not.toContain(name);
    expect(await page.getByRole('button', { name: 'Email report' }).count()).toBe(0);
  });
});

describe('the team page', () => {
  it("offers a viewer no one's analysis, and a member everyone's where the organization lets members view each other", async () => {
    const dianasPage = await browsing.page();
    await signIn(dianasPage, team.diana.email, team.diana.password, '/login?next=/team');
    await expect.poll(() => dianasPage.getByRole('row').filter({ hasText: 'charlie-junior' }).count()).toBe(1);
    const bobsPage = await browsing.page();
    await signIn(bobsPage, team.bob.email, team.bob.password, '/login?next=/team');
    await expect.poll(() => bobsPage.getByRole('link', { name: /Analysis of Charlie Junior/ }).count()).toBe(1);

    expect(await dianasPage.getByRole('link', { name: /^Analysis of / }).count()).toBe(0);
  });
});

describe('an admin in the web app', () => {
  it('exports the report for the CTO from the dashboard and downloads its PDF', async () => {
    const page = await browsing.page();
    await signIn(page, team.sarah.input.email, team.sarah.input.password);
    await page.getByRole('button', { name: 'Export report for CTO' }).click();
    await page.waitForURL((url) => /^\/reports\/[^/]+$/.test(url.pathname));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF' }).click()]);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);

    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('reads the whole dashboard at phone width without the page scrolling sideways', async () => {
    const page = await browsing.page(PHONE);
    await signIn(page, team.sarah.input.email, team.sarah.input.password);
    await expect.poll(() => page.getByRole('heading', { name: 'Team health' }).count()).toBe(1);

    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await expect.poll(() => page.getByRole('heading', { name: 'Burnout risks' }).count()).toBe(1);
  });
});
