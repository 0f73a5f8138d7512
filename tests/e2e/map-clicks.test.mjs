// A click on the map analyses the point clicked, and a click within a few pixels of a critical
// point analyses that critical point (issue 15, fault 2): a click can never land on a saddle
// exactly, and one pixel off it the gradient is not 0.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openPage, shotPath, startBrowser } from './harness.mjs';
import { mapPixel } from './surface-helpers.mjs';

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

const kind = (page) => page.locator('[data-testid=hessian-kind]').innerText();

test('preset "Saddle point", then a click at the origin (whole pixels, 2 px off): the saddle is analysed there', async () => {
  const { page, context, errors } = await openPage(env);
  await page.locator('[data-testid=preset-saddle]').click();
  const origin = await mapPixel(page, [-2, 2, -2, 2], 0, 0);
  await page.mouse.click(Math.round(origin.x) + 2, Math.round(origin.y) - 1);
  await page.locator('[data-testid=hessian-panel]').waitFor();
  assert.equal(await kind(page), 'saddle point');
  const text = await page.locator('[data-testid=hessian-panel]').innerText();
  const [, w1, w2] = /w1 = (\S+), w2 = (\S+), f = 1,/.exec(text);
  assert.ok(Math.hypot(Number(w1), Number(w2)) < 1e-12, `at the origin: ${w1}, ${w2}`);
  assert.match(text, /λ₁ = -2/);
  await page.screenshot({ path: shotPath('map-click-saddle') });
  // Far from any critical point the clicked point is analysed as it is.
  const slope = await mapPixel(page, [-2, 2, -2, 2], 1, 1.5);
  await page.mouse.click(Math.round(slope.x), Math.round(slope.y));
  await page.waitForFunction(() =>
    document.querySelector('[data-testid=hessian-kind]')?.textContent.includes('not a critical point'),
  );
  assert.equal(await page.locator('[data-testid=escape]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('himmelblau: a click 3 px from the marked maximum analyses the maximum', async () => {
  const { page, context, errors } = await openPage(env, 'surface=himmelblau&show=crit');
  const top = await mapPixel(page, [-5, 5, -5, 5], -0.270845, -0.923039);
  await page.mouse.click(Math.round(top.x) + 3, Math.round(top.y));
  await page.locator('[data-testid=hessian-panel]').waitFor();
  assert.equal(await kind(page), 'maximum');
  assert.match(await page.locator('[data-testid=hessian-panel]').innerText(), /x = -0\.270845, y = -0\.923039/);
  assert.deepEqual(errors, []);
  await context.close();
});
