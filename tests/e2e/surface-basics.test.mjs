// The default page: it loads under the strict CSP without errors and draws the surface.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { canvasStats, openPage, shotPath, startBrowser } from './harness.mjs';

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

test('default page draws the convex error surface with no console error or CSP violation', async () => {
  const { page, context, errors } = await openPage(env);
  await page.waitForSelector('[data-testid=surface-map]');
  const stats = await canvasStats(page, '[data-testid=surface-map]');
  assert.ok(stats.width > 100, `canvas is ${stats.width} px wide`);
  assert.ok(stats.painted > 0.99, 'every pixel of the map is painted');
  assert.ok(stats.colours > 50, `the map shows a colour gradient (${stats.colours} colours)`);
  assert.equal(await page.evaluate(() => window.playground.state()), 'seed=1');
  await page.screenshot({ path: shotPath('surface-default-en') });
  assert.deepEqual(errors, []);
  await context.close();
});
