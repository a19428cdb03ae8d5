/**
 * `npm run screens`: pictures of the main screens for docs/screens/, taken in
 * Debian's Chromium from a running `npm start` with the demo loaded
 * (`npm run demo`). Signs in through the app as Sarah (admin) and Bob
 * (member), as they would, and writes one PNG per screen.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { demoConfig } from '../src/config';
import { runningEarlierStack } from '../src/local/earlier-stack';

const OUT_DIR = resolve('docs/screens');
const CHROMIUM = '/usr/bin/chromium';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 740 };

async function signedIn(browser: Browser, webUrl: string, email: string, password: string, viewport = DESKTOP): Promise<Page> {
  const page = await browser.newPage({ baseURL: webUrl, viewport });
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  return page;
}

async function capture(page: Page, name: string, ready: () => Promise<unknown>): Promise<void> {
  await ready();
  // Charts animate in; the picture is of the settled screen.
  await page.waitForTimeout(800);
  await page.screenshot({ path: resolve(OUT_DIR, `${name}.png`), fullPage: true });
  console.log(`docs/screens/${name}.png`);
}

async function main(): Promise<void> {
  const manifest = await runningEarlierStack(resolve(demoConfig().LOCAL_DATA_DIR));
  if (!manifest?.webUrl) throw new Error('No DevInsights stack with its web app is running: `npm start`, then `npm run demo`, then this again.');
  await mkdir(OUT_DIR, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const sarah = await signedIn(browser, manifest.webUrl, 'sarah@techstartup.com', 'SecurePass123');
    await capture(sarah, 'dashboard', () => sarah.getByRole('heading', { name: 'Hiring justification' }).waitFor());
    await sarah.goto('/people/bob-senior');
    await capture(sarah, 'person-analysis', () => sarah.getByRole('heading', { name: 'Metrics' }).waitFor());
    await sarah.goto('/team');
    await capture(sarah, 'team-management', () => sarah.getByRole('heading', { name: 'Invitations' }).waitFor());
    await sarah.goto('/dashboard');
    await sarah.getByRole('button', { name: 'Export report for CTO' }).click();
    await sarah.waitForURL((url) => url.pathname.startsWith('/reports/'));
    await capture(sarah, 'report', () => sarah.getByRole('heading', { name: 'Summary' }).waitFor());
    await sarah.goto('/settings/github');
    await capture(sarah, 'github-sync', () => sarah.getByRole('heading', { name: /^Connected to/ }).waitFor());

    const bob = await signedIn(browser, manifest.webUrl, 'bob@techstartup.com', 'BobSecure456');
    await capture(bob, 'own-analysis', () => bob.getByRole('heading', { name: 'Who viewed my analysis' }).waitFor());

    const phone = await signedIn(browser, manifest.webUrl, 'sarah@techstartup.com', 'SecurePass123', PHONE);
    await capture(phone, 'dashboard-phone', () => phone.getByRole('heading', { name: 'Hiring justification' }).waitFor());
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
