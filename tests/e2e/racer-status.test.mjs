// A racer's status tells one story in the page, window.playground and the CLI (issue 15, faults 3
// and 8): a racer that stops names the kind of point it reached (the core's Hessian analysis), in
// both languages; the step limit is a status of its own; a diverged racer reports the point it
// shows with that point's step; regression data have no accuracy (null, not 0). A classify
// racer's status is the core's too, in both languages.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { cliRows, cliStatuses, openClassify } from './classify-helpers.mjs';
import { openPage, shotPath, startBrowser } from './harness.mjs';
import { cliPositions } from './surface-helpers.mjs';

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

const racers = (page) => page.evaluate(() => window.playground.racers());

test('a racer stuck at book-saddle’s saddle point says so (not a green "converged"), in English and Chinese', async () => {
  // (1 − xy)² from (0.8, −0.8): GD keeps y = −x and x ← x(1 − 2η(1 + x²)) → 0, the saddle point
  // with Hessian eigenvalues −2 and 2. Booth's GD with η = 0.05 contracts onto its minimum (1, 3).
  const { page, context, errors } = await openPage(
    env,
    'surface=book-saddle&start=0.8,-0.8&r=gd(lr:0.05)&r=gd(lr:0.000001)&steps=2000',
  );
  await page.evaluate(() => window.playground.step(2000));
  const [stuck, slow] = await racers(page);
  assert.equal(stuck.status, 'stuck at a saddle point');
  assert.equal(slow.status, 'step limit reached', 'a racer still moving at the limit');
  const status = page.locator('[data-testid=status-list] .racer-status').first();
  await page.waitForFunction(() =>
    document
      .querySelector('[data-testid=status-list] .racer-status')
      ?.textContent.startsWith('stuck at a saddle point'),
  );
  assert.doesNotMatch(await status.getAttribute('class'), /status-minimum/, 'not drawn as a success');
  assert.match(await status.getAttribute('class'), /status-saddle/);
  const colour = await status.evaluate((el) => getComputedStyle(el).color);
  const minimumColour = await page.evaluate(() => {
    const probe = document.createElement('span');
    probe.className = 'racer-status status-minimum';
    document.querySelector('[data-testid=status-list]').append(probe);
    const c = getComputedStyle(probe).color;
    probe.remove();
    return c;
  });
  assert.notEqual(colour, minimumColour, 'a saddle point does not wear the colour of a minimum');
  await page.screenshot({ path: shotPath('status-saddle-en') });
  await page.locator('[data-testid=lang-toggle]').click();
  await page.waitForFunction(() =>
    document.querySelector('[data-testid=status-list] .racer-status')?.textContent.startsWith('停在鞍点'),
  );
  assert.equal((await racers(page))[0].statusZh, '停在鞍点');
  assert.deepEqual(errors, []);
  await context.close();

  const booth = await openPage(env, 'surface=booth&r=gd(lr:0.05)&steps=2000');
  await booth.page.evaluate(() => window.playground.step(2000));
  assert.equal((await racers(booth.page))[0].status, 'converged to a minimum');
  await booth.context.close();
});

test('window.playground.racers(): the step limit, and a diverged racer’s step and point, as the page and the CLI say', async () => {
  // Rosenbrock from (−1.5, 2): ∇f = (−155, −50), so SGD with η = 1 moves to (153.5, 52) (the CLI's
  // row 1); update 2 leaves the race's reach: "diverged at step 2", last point that of step 1.
  const link = 'surface=rosenbrock&r=sgd(lr:1)&r=gd(lr:0.0001)&steps=30';
  const { page, context, errors } = await openPage(env, link);
  await page.evaluate(() => window.playground.step(30));
  const [diverged, steady] = await racers(page);
  assert.equal(diverged.status, 'diverged at step 2');
  assert.deepEqual([diverged.step, diverged.x, diverged.y], [1, 153.5, 52]);
  const row1 = cliPositions(link, 1)[0];
  assert.deepEqual([diverged.x, diverged.y], [row1.x, row1.y], 'the CLI’s row 1');
  assert.equal(steady.step, 30);
  assert.equal(steady.status, 'step limit reached');
  await page.waitForFunction(
    () =>
      document.querySelectorAll('[data-testid=status-list] .racer-status')[1]?.textContent ===
      'step limit reached · step 30',
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test('regression data: trainAcc and testAcc are null in window.playground.racers() and empty in the CLI', async () => {
  const link = 'mode=classify&data=plane&noise=10&net=4&seed=3&r=adam(lr:0.01)';
  const { page, context, errors } = await openClassify(env, link);
  await page.evaluate(() => window.playground.step(3));
  const [racer] = await racers(page);
  assert.equal(racer.epoch, 3);
  assert.equal(racer.trainAcc, null);
  assert.equal(racer.testAcc, null);
  const row = cliRows(link).find((r) => r.epoch === 3);
  assert.equal(row.train_acc, null);
  assert.equal(row.test_acc, null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('classify: the status is the core’s words in window.playground, the racer table and the output panel, in English and Chinese', async () => {
  // Linear regression with lr 1e300: the first update moves the weights by about 1e300 and the next
  // mini-batch's squared error overflows, within epoch 1; adam trains its 3 epochs.
  const link = 'mode=classify&data=plane&net=none&epochs=3&r=sgd(lr:1e300)&r=adam(lr:0.01)';
  const { page, context, errors } = await openClassify(env, link);
  await page.evaluate(() => window.playground.step(3));
  const [blown, steady] = await racers(page);
  assert.deepEqual([blown.status, blown.statusZh], ['diverged at epoch 1', '在第 1 个回合发散']);
  assert.deepEqual([steady.status, steady.statusZh], ['epoch limit reached', '已达回合上限']);
  assert.deepEqual([blown.status, steady.status], cliStatuses(link), 'as `playground run` says');
  const cells = (expected) =>
    page.waitForFunction(
      (want) =>
        [0, 1]
          .map((i) => document.querySelector(`[data-testid=racer-row-${i}] .racer-status`)?.textContent)
          .join(' | ') === want,
      expected.join(' | '),
    );
  await cells(['diverged at epoch 1', 'epoch limit reached · epoch 3']);
  await page.locator('[data-testid=lang-toggle]').click();
  await cells(['在第 1 个回合发散', '已达回合上限 · 第 3 个回合']);
  await page.locator('[data-testid=racer-row-0]').click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid=output-status]')?.textContent === '在第 1 个回合发散',
  );
  await page.screenshot({ path: shotPath('classify-status-zh'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});
