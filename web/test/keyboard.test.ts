import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signedInAdmin } from '../../test/support/accounts';
import { useBrowser } from './support/browser';

/** Everything reachable without a mouse: the sign-in form, the skip link, the navigation. */
const browsing = useBrowser();

const focusedText = (page: Page) => page.evaluate<string>('document.activeElement ? document.activeElement.textContent.trim() : ""');

/** Presses Tab (or Shift+Tab) until the focused element reads `text`; at most `limit` presses, as a person would give up. */
async function tabTo(page: Page, text: string, key: 'Tab' | 'Shift+Tab' = 'Tab', limit = 25): Promise<void> {
  for (let press = 0; press < limit; press += 1) {
    await page.keyboard.press(key);
    if ((await focusedText(page)) === text) return;
  }
  throw new Error(`${limit} presses of Tab never reached "${text}"`);
}

describe('the web app by keyboard', () => {
  it('signs in with Tab and Enter, skips to the content, and opens the team page from the navigation', async () => {
    const sarah = await signedInAdmin();
    const page = await browsing.page();
    await page.goto('/login');
    // A person starts typing once they see the form.
    await page.getByLabel('Email').waitFor();

    await page.keyboard.press('Tab');
    await page.keyboard.type(sarah.input.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(sarah.input.password);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/dashboard');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('main');
    // The navigation comes before the content: back from it, link by link.
    await tabTo(page, 'Team', 'Shift+Tab');
    await page.keyboard.press('Enter');

    await page.waitForURL((url) => url.pathname === '/team');
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Team' }).count()).toBe(1);
  });
});
