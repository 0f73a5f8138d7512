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

test('default page draws the convex error surface with no console error or CSP violation; the white racer reads on light panels', async () => {
  const { page, context, errors } = await openPage(env);
  await page.waitForSelector('[data-testid=surface-map]');
  const stats = await canvasStats(page, '[data-testid=surface-map]');
  assert.ok(stats.width > 100, `canvas is ${stats.width} px wide`);
  assert.ok(stats.painted > 0.99, 'every pixel of the map is painted');
  assert.ok(stats.colours > 50, `the map shows a colour gradient (${stats.colours} colours)`);
  assert.equal(await page.evaluate(() => window.playground.state()), 'seed=1');
  await page.screenshot({ path: shotPath('surface-default-en') });
  // Racer 2 is white: its η_t preview and its swatch must stand out from the light panel too.
  const preview = await page.$eval('[data-testid=racer-1] [data-testid=schedule-preview]', (canvas) => {
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let bright = 0;
    for (let i = 0; i < data.length; i += 4)
      if (data[i] > 200 && data[i + 1] > 200 && data[i + 2] > 200 && data[i + 3] > 200) bright++;
    return { bright, background: getComputedStyle(canvas).backgroundColor };
  });
  assert.ok(preview.bright > 100, `the white racer's η_t line is drawn (${preview.bright} bright pixels)`);
  assert.equal(preview.background, 'rgb(29, 27, 44)', 'on the dark ground of the charts');
  const ring = await page.$eval('[data-testid=racer-1] .swatch', (dot) => getComputedStyle(dot).borderTopColor);
  assert.equal(ring, 'rgb(29, 27, 44)', 'the white swatch sits in a dark ring');
  assert.deepEqual(errors, []);
  await context.close();
});
