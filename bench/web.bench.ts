import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

/**
 * The web app as a manager meets it: how much script the dashboard needs
 * (gzip, as CloudFront serves it) and how long from asking for /dashboard
 * until its team health is on screen and the page answers input, on the
 * local stack, in Debian's Chromium.
 */
const CHROMIUM = '/usr/bin/chromium';
const LOADS = 5;

export interface WebMeasures {
  /** gzip KB of the JS and CSS the browser fetched to show the dashboard. */
  readonly webDashboardGzipKb: number;
  /** gzip KB of the entry chunk (what the sign-in page loads). */
  readonly webEntryGzipKb: number;
  /** First open in a fresh browser (nothing cached), ms. */
  readonly dashboardInteractiveColdMs: number;
  /** Median of later opens (the app's hashed assets cached), ms. */
  readonly dashboardInteractiveMs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const gzipKb = (bytes: Buffer) => Math.round((gzipSync(bytes).length / 1024) * 10) / 10;

export async function measureWeb(webUrl: string, distDir: string, admin: { email: string; password: string }): Promise<WebMeasures> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ baseURL: webUrl, viewport: { width: 1280, height: 900 } });
    const assets = new Set<string>();
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/assets/')) assets.add(path);
    });
    await page.goto('/login');
    const entryAssets = [...assets];
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    const coldStarted = performance.now();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Team health' }).waitFor({ timeout: 60_000 });
    const dashboardInteractiveColdMs = performance.now() - coldStarted;

    const loads: number[] = [];
    for (let i = 0; i < LOADS; i += 1) {
      const started = performance.now();
      await page.goto('/dashboard');
      await page.getByRole('heading', { name: 'Team health' }).waitFor({ timeout: 60_000 });
      // Interactive: the page's first button takes focus, so the main thread is free for input.
      await page.getByRole('button', { name: 'Export report for CTO' }).focus();
      loads.push(performance.now() - started);
    }
    const sizeOf = async (paths: Iterable<string>) => {
      let total = 0;
      for (const path of paths) if (/\.(js|css)$/.test(path)) total += gzipKb(await readFile(`${distDir}${path}`));
      return Math.round(total * 10) / 10;
    };
    return {
      webDashboardGzipKb: await sizeOf(assets),
      webEntryGzipKb: await sizeOf(entryAssets),
      dashboardInteractiveColdMs: Math.round(dashboardInteractiveColdMs),
      dashboardInteractiveMs: Math.round(median(loads)),
    };
  } finally {
    await browser.close();
  }
}
