// Shared set-up of the browser tests: serve build/site on 127.0.0.1, drive Debian's Chromium
// with playwright-core, and collect every console error and CSP violation of a page.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../../scripts/static-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const shotsDir = join(root, 'build/test-shots');

// The CPU time of one main-thread task that only a real regression reaches (a heavy computation
// moved onto the main thread, a render that does everything at once). Tests check the page's
// structure (start-up split into tasks, training in the worker, frames that keep coming) and this
// guard; the page's own budgets (50 ms, and 25 ms at start-up) are measured and printed by
// scripts/bench.sh, because a slower or busier machine than the developer's must not fail a test.
export const HEAVY_TASK_CPU_MS = 200;

export async function startBrowser() {
  mkdirSync(shotsDir, { recursive: true });
  const { server, url } = await startStaticServer(join(root, process.env.SITE_DIR ?? 'build/site'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    url,
    browser,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

// A new page at `hash`, with console errors, page errors and CSP violations collected in
// `errors`; resolves once the app has rendered and the automation API is installed.
export async function openPage(env, hash = '', { viewport = { width: 1440, height: 960 }, locale = 'en-US' } = {}) {
  const context = await env.browser.newContext({ viewport, locale, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(`${env.url}${hash ? `#${hash}` : ''}`);
  await page.waitForFunction(() => window.playground !== undefined, null, { timeout: 15000 });
  return { page, context, errors };
}

export function shotPath(name) {
  return join(shotsDir, `${name}.png`);
}

// Colour statistics of a canvas: how many distinct colours, and the share of non-blank pixels.
export async function canvasStats(page, selector) {
  return page.$eval(selector, (canvas) => {
    const g = canvas.getContext('2d');
    const { data } = g.getImageData(0, 0, canvas.width, canvas.height);
    const colours = new Set();
    let painted = 0;
    for (let i = 0; i < data.length; i += 4 * 7) {
      colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      if (data[i + 3] > 0) painted++;
    }
    return { width: canvas.width, height: canvas.height, colours: colours.size, painted: painted / (data.length / 28) };
  });
}

// For page.waitForFunction: the page shows racers (racers() throws until its mode has set up).
export function racersShown() {
  try {
    return window.playground.racers().length > 0;
  } catch {
    return false;
  }
}

// The Blob of playground.record({format, frames}) on the page, as bytes.
export async function recordBytes(page, format, frames) {
  const base64 = await page.evaluate(
    async ([f, n]) => {
      const blob = await window.playground.record({ format: f, frames: n });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let text = '';
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(text);
    },
    [format, frames],
  );
  return Buffer.from(base64, 'base64');
}

// The inputs, lists and text boxes a visitor could see (presentation mode has none).
export function visibleFields(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('input, select, textarea')]
      .filter((field) => field.checkVisibility())
      .map((field) => field.outerHTML.slice(0, 60)),
  );
}
