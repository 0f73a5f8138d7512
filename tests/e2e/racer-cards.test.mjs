// Selecting a racer card must not move the layout under the pointer (issue 15, fault 1): the
// first click on any control of an unselected card does what it says.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openClassify } from './classify-helpers.mjs';
import { openPage, startBrowser } from './harness.mjs';

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

const state = (page) => page.evaluate(() => window.playground.state());

// Presses the mouse on `selector`, checks the element has not moved under the pointer, releases.
async function pressAndRelease(page, selector) {
  const target = page.locator(selector);
  await target.scrollIntoViewIfNeeded();
  const before = await target.boundingBox();
  const x = before.x + before.width / 2;
  const y = before.y + before.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const during = await target.boundingBox();
  await page.mouse.up();
  return { moved: Math.abs(during.y - before.y) + Math.abs(during.x - before.x) };
}

test('one click on × of the third racer removes it; the selected card does not move under the pointer', async () => {
  const { page, context, errors } = await openPage(env);
  const { moved } = await pressAndRelease(page, '[data-testid=racer-2-remove]');
  assert.ok(moved < 0.5, `the × moved ${moved} px while the mouse was down`);
  assert.equal(await page.locator('.racer-card').count(), 2, 'the first click removed the racer');
  assert.equal(await state(page), 'r=gd(lr:1e-7)&r=adagrad(lr:1,variant:book)&seed=1');
  assert.deepEqual(errors, []);
  await context.close();
});

test('one click on a checkbox or a field of an unselected card acts at once, and the card becomes selected', async () => {
  const { page, context, errors } = await openPage(
    env,
    'surface=rosenbrock&r=adamw(lr:0.01)&r=sgd(lr:0.001)&r=adam(lr:0.01)',
  );
  const { moved } = await pressAndRelease(page, '[data-testid=racer-1-nesterov]');
  assert.ok(moved < 0.5, `the checkbox moved ${moved} px while the mouse was down`);
  assert.match(await state(page), /r=sgd\(nesterov:true\)/, 'the first click ticked it');
  assert.match(await page.locator('[data-testid=racer-1]').getAttribute('class'), /selected/);
  const back = await pressAndRelease(page, '[data-testid=racer-0-amsgrad]');
  assert.ok(back.moved < 0.5, `the checkbox moved ${back.moved} px while the mouse was down`);
  assert.match(await state(page), /r=adamw\(lr:0\.01,amsgrad:true\)/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('classification page: the first click on a control of an unselected card acts', async () => {
  const { page, context, errors } = await openClassify(
    env,
    'mode=classify&data=xor&r=adam(lr:0.01)&r=sgd(lr:0.1)&r=adamw(lr:0.01)',
  );
  await pressAndRelease(page, '[data-testid=racer-2-remove]');
  assert.equal(await page.locator('.racer-card').count(), 2);
  await pressAndRelease(page, '[data-testid=racer-1-nesterov]');
  assert.match(await state(page), /r=sgd\(lr:0\.1,nesterov:true\)/);
  assert.deepEqual(errors, []);
  await context.close();
});
