import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { stack } from '../../../test/support/stack';

/**
 * A real browser for the web app's tests: Debian's Chromium driven by
 * playwright-core (Playwright's own browser download needs a network this
 * machine does not have; `.ci/run` installs the package when it is missing).
 */
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const DESKTOP = { width: 1280, height: 900 } as const;
export const PHONE = { width: 375, height: 740 } as const;

export interface Browsing {
  /** A fresh page in its own context (no shared session storage), on the test stack's web app. */
  page(viewport?: { width: number; height: number }): Promise<Page>;
}

export function useBrowser(): Browsing {
  let browser: Browser | undefined;
  beforeAll(async () => {
    // Root in CI: Chromium's sandbox needs a user namespace the container does not give.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async page(viewport = DESKTOP) {
      if (!browser) throw new Error('useBrowser() pages exist only inside tests');
      const context = await browser.newContext({ baseURL: stack().webUrl, viewport, acceptDownloads: true });
      context.setDefaultTimeout(20_000);
      const page = await context.newPage();
      // What the browser refused or threw is the first thing to read when a test here fails. Chromium's line for
      // each non-2xx answer is left out: tests provoke those (a 409 before GitHub is connected, a 410 used link).
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) console.error(`[browser] ${message.text()}`);
      });
      page.on('pageerror', (error) => console.error(`[browser] ${error.message}`));
      return page;
    },
  };
}

/** Signs in through the app's own form, as a person does, and waits to land past it. */
export async function signIn(page: Page, email: string, password: string, path = '/login'): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}
