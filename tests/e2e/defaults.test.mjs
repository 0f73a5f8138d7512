// Defaults that do not mislead (issue 15, fault 10): a new surface gives the racers still at the
// old surface's suggested rate the new one's, and a new optimizer does not inherit parameters it
// does not share (the book form of another optimizer).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openPage, startBrowser } from './harness.mjs';

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

const state = (page) => page.evaluate(() => window.playground.state());
const racers = (page) => page.evaluate(() => window.playground.racers());

test('choosing rosenbrock: the chapter’s racers take rosenbrock’s suggested rates, and GD gets somewhere', async () => {
  const { page, context, errors } = await openPage(env);
  await page.locator('[data-testid=surface-select]').selectOption('rosenbrock');
  assert.equal(
    await state(page),
    'surface=rosenbrock&r=gd&r=adagrad(variant:book)&r=adagrad(variant:book,sched:invsqrt)&seed=1',
  );
  await page.waitForFunction(() => document.querySelector('[data-testid=racer-0-lr]')?.value === '0.001');
  // GD at 1e-7 moved 0.08 in 20,000 updates; at 1e-3 it runs down the valley (f from 12.5 below 1).
  await page.evaluate(() => window.playground.step(2000));
  const [gd] = await racers(page);
  assert.ok(gd.loss < 1, `GD went downhill on rosenbrock: f = ${gd.loss}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a new optimizer for a racer: the book form of AdaGrad does not carry over to RMSProp', async () => {
  const { page, context, errors } = await openPage(env);
  await page.locator('[data-testid=racer-1-optimizer]').selectOption('rmsprop');
  await page.waitForFunction(() => document.querySelector('[data-testid=racer-1-variant]')?.value === 'torch');
  assert.match(await state(page), /&r=rmsprop\(lr:1\)&/);
  assert.deepEqual(errors, []);
  await context.close();
});
