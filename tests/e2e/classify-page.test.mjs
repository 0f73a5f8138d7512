// The classification page as a user meets it: multi-class data, the CE vs MSE comparison,
// drawing points and CSV files, a new seed, the language switch, and training at full speed
// without long main-thread tasks. Screenshots in English and Chinese go to build/test-shots/.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { englishOnPage } from './chinese-page.mjs';
import { mapColours, openClassify, takeLongTasks } from './classify-helpers.mjs';
import { shotPath, startBrowser } from './harness.mjs';

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

const racers = (page) => page.evaluate(() => window.playground.racers());
const state = (page) => page.evaluate(() => window.playground.state());

// The page pixel of data point (x, y) on the decision map ([-6, 6]², y up).
// Where (x, y) of the data is on the screen, with the map scrolled into view (the class buttons
// below the data may have scrolled it out).
async function mapPixel(page, x, y) {
  await page.locator('[data-testid=decision-map]').scrollIntoViewIfNeeded();
  const box = await page.locator('[data-testid=decision-map]').boundingBox();
  return { x: box.x + ((x + 6) / 12) * box.width, y: box.y + ((6 - y) / 12) * box.height };
}

async function switchLanguage(page, to) {
  await page.locator('[data-testid=lang-toggle]').click();
  await page.waitForFunction((lang) => document.documentElement.lang.startsWith(lang), to);
}

test('multi-class: six blobs train to a six-colour map and a 6×6 confusion matrix, in English and Chinese (no English left)', async () => {
  const { page, context, errors } = await openClassify(
    env,
    'mode=classify&data=blobs&classes=6&noise=15&net=8&act=relu&show=test&seed=3&r=adam(lr:0.03)',
  );
  await page.evaluate(() => window.playground.step(40));
  const [racer] = await racers(page);
  assert.equal(racer.epoch, 40);
  assert.ok(racer.testAcc > 0.8, `six blobs are learnt (test accuracy ${racer.testAcc})`);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=confusion] tbody tr').length === 6);
  assert.equal(await page.locator('[data-testid=confusion] tbody td').count(), 36);
  await page.waitForTimeout(150);
  const map = await mapColours(page);
  assert.ok(map.colours > 40, `the map shades six classes by confidence (${map.colours} colours)`);
  // Hovering the start of a link from feature x shows its weight and effective rate.
  const feature = await page.locator('[data-testid=feature-x]').boundingBox();
  await page.mouse.move(feature.x + feature.width + 4, feature.y + feature.height / 2);
  await page.waitForSelector('[data-testid=network-tooltip]');
  const tooltip = await page.locator('[data-testid=network-tooltip]').textContent();
  assert.match(tooltip, /x → layer 1, neuron \d/);
  assert.match(tooltip, /w = -?\d/);
  assert.match(tooltip, /η_t\/σ = \d/);
  await page.screenshot({ path: shotPath('classify-multiclass-en'), fullPage: true });
  await page.mouse.move(5, 5);
  await switchLanguage(page, 'zh');
  await page.waitForFunction(() => document.querySelector('[data-testid=data-panel] h2')?.textContent === '数据');
  assert.ok((await state(page)).endsWith('lang=zh'));
  await page.screenshot({ path: shotPath('classify-multiclass-zh'), fullPage: true });
  assert.deepEqual(await englishOnPage(page), [], 'no English on the Chinese page but names and formulas');
  assert.deepEqual(errors, []);
  await context.close();
});

test('compare CE vs MSE: one click gives two racers that differ only in the loss, from the same start', async () => {
  // Eight classes: the softmax starts near 1/8 everywhere, where MSE's gradient is small (§5).
  const { page, context, errors } = await openClassify(
    env,
    'mode=classify&data=blobs&classes=8&noise=10&net=8&act=relu&seed=5&r=sgd(lr:0.03)&r=adam(lr:0.01)',
  );
  await page.locator('[data-testid=racer-row-0]').click();
  await page.locator('[data-testid=compare]').click();
  await page.waitForFunction(
    () => window.playground.racers().length === 2 && window.playground.racers()[1].loss === 'mse',
  );
  const link = await state(page);
  assert.ok(link.includes('compare=loss'), link);
  assert.ok(link.includes('r=sgd(lr:0.03)') && !link.includes('adam'), 'the selected racer is the one compared');
  const start = await racers(page);
  assert.deepEqual(
    start.map((r) => [r.optimizer, r.loss, r.epoch]),
    [
      ['sgd(lr:0.03)', 'ce', 0],
      ['sgd(lr:0.03)', 'mse', 0],
    ],
  );
  assert.equal(start[0].trainAcc, start[1].trainAcc, 'same initial weights: same predictions');
  assert.notEqual(start[0].trainLoss, start[1].trainLoss, 'two different losses of them');
  await page.evaluate(() => window.playground.step(20));
  const [ce, mse] = await racers(page);
  assert.ok(ce.testAcc > mse.testAcc + 0.1, `cross-entropy learns faster than MSE (${ce.testAcc} vs ${mse.testAcc})`);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=racer-table] tbody tr').length === 2);
  await page.waitForTimeout(250);
  await page.screenshot({ path: shotPath('classify-compare-en'), fullPage: true });
  await switchLanguage(page, 'zh');
  await page.waitForTimeout(250);
  await page.screenshot({ path: shotPath('classify-compare-zh'), fullPage: true });
  await page.locator('[data-testid=compare]').click();
  await page.waitForFunction(() => window.playground.racers().length === 1);
  assert.ok(!(await state(page)).includes('compare'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('drawing: clicks add points of the chosen class, shift-click removes one, CSV import names a bad line', async () => {
  const { page, context, errors } = await openClassify(env, 'mode=classify&data=blobs&classes=4&net=4&seed=2');
  // "Draw on a copy of this data": the generated points become editable drawn points.
  await page.locator('[data-testid=draw-on-copy]').click();
  await page.waitForFunction(() => window.playground.state().includes('data=drawn'));
  assert.ok((await state(page)).includes('classes=4'));
  assert.equal((await state(page)).match(/points=([^&]*)/)[1].split(';').length, 500);
  await page.locator('[data-testid=dataset-circle]').click();
  await page.locator('[data-testid=dataset-drawn]').click();
  await page.waitForSelector('[data-testid=draw-panel]');
  assert.ok((await state(page)).includes('data=drawn'));
  const clicks = [
    [-3, 3, 0],
    [-2, 4, 0],
    [-4, 2, 0],
    [3, -3, 1],
    [2, -4, 1],
    [4, -2, 1],
  ];
  for (const [x, y, k] of clicks) {
    await page.locator(`[data-testid=draw-class-${k}]`).click();
    const at = await mapPixel(page, x, y);
    await page.mouse.click(at.x, at.y);
  }
  await page.waitForFunction(() => window.playground.state().split(';').length === 6);
  const at = await mapPixel(page, 4, -2);
  await page.keyboard.down('Shift');
  await page.mouse.click(at.x, at.y);
  await page.keyboard.up('Shift');
  await page.waitForFunction(() => window.playground.state().split(';').length === 5);
  const points = (await state(page))
    .match(/points=([^&]*)/)[1]
    .split(';')
    .map((p) => p.split(',').map(Number));
  assert.deepEqual(
    points.map((p) => p[2]),
    [0, 0, 0, 1, 1],
  );
  assert.ok(
    Math.abs(points[0][0] + 3) < 0.1 && Math.abs(points[0][1] - 3) < 0.1,
    `first point near (-3, 3): ${points[0]}`,
  );
  await page.evaluate(() => window.playground.step(30));
  assert.equal((await racers(page))[0].trainAcc, 1, 'two separated groups are learnt');
  await page.waitForTimeout(200);
  await page.screenshot({ path: shotPath('classify-drawn-en'), fullPage: true });

  const bad = join(tmpdir(), 'classify-bad-points.csv');
  writeFileSync(bad, 'x,y,class\n1,1,0\n2,two,1\n');
  await page.locator('[data-testid=draw-file]').setInputFiles(bad);
  await page.waitForSelector('[data-testid=draw-message]');
  const message = await page.locator('[data-testid=draw-message]').textContent();
  assert.match(message, /line 3/);
  assert.match(message, /“two” is not a number/);
  assert.equal((await state(page)).match(/points=([^&]*)/)[1].split(';').length, 5, 'a bad file changes nothing');
  const good = join(tmpdir(), 'classify-good-points.csv');
  writeFileSync(
    good,
    'x,y,class\n' +
      Array.from({ length: 60 }, (_, i) => `${(i % 10) - 4.5},${Math.floor(i / 10) - 2.5},${i % 3}`).join('\n'),
  );
  await page.locator('[data-testid=draw-file]').setInputFiles(good);
  await page.waitForFunction(() => window.playground.state().includes('classes=3'));
  assert.equal((await state(page)).match(/points=([^&]*)/)[1].split(';').length, 60);
  await switchLanguage(page, 'zh');
  await page.locator('[data-testid=draw-file]').setInputFiles(bad);
  await page.waitForFunction(() =>
    document.querySelector('[data-testid=draw-message]')?.textContent.includes('第 3 行'),
  );
  await page.waitForTimeout(200);
  await page.screenshot({ path: shotPath('classify-drawn-zh'), fullPage: true });
  assert.deepEqual(
    await englishOnPage(page, [bad, readFileSync(bad, 'utf8')]),
    [],
    'no English on the Chinese drawing tools',
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test('regenerate: a new seed gives new data and starts over; the link carries it', async () => {
  const { page, context, errors } = await openClassify(env, 'mode=classify&data=gauss&noise=30&seed=1');
  await page.evaluate(() => window.playground.step(5));
  const before = await page.locator('[data-testid=decision-map]').screenshot();
  await page.locator('[data-testid=regenerate]').click();
  await page.waitForFunction(
    () => !window.playground.state().endsWith('seed=1') && window.playground.racers()[0]?.epoch === 0,
  );
  const seed = (await state(page)).match(/seed=(\d+)/)[1];
  assert.notEqual(seed, '1');
  await page.waitForTimeout(200);
  const afterShot = await page.locator('[data-testid=decision-map]').screenshot();
  assert.notDeepEqual(before, afterShot, 'the map shows other points');
  assert.deepEqual(errors, []);
  await context.close();
});

test('training TensorFlow Playground’s largest network: it trains in the worker, the map keeps refreshing, no heavy main-thread task', async () => {
  // At the default speed (60 epochs/s). How fast, and how smooth, is scripts/bench.sh's business
  // (scripts/bench-classify-page.mjs): here only what holds on any machine.
  const { page, context, errors } = await openClassify(
    env,
    'mode=classify&data=spiral&noise=10&features=x,y,x2,y2,xy,sinx,siny&net=8,8,8,8,8,8&epochs=10000&seed=1',
  );
  await takeLongTasks(page);
  const refreshes = () => page.$eval('[data-testid=decision-map]', (c) => Number(c.dataset.refreshes ?? 0));
  const before = await refreshes();
  await page.locator('[data-testid=play]').click();
  // Frames keep coming: the map shows ten new grids, however long a busy machine takes for them.
  await page.waitForFunction(
    (b) => Number(document.querySelector('[data-testid=decision-map]').dataset.refreshes ?? 0) >= b + 10,
    before,
    { timeout: 60000 },
  );
  assert.deepEqual(await takeLongTasks(page), [], 'no heavy main-thread task while training');
  // Training runs in the worker: while the main thread is blocked for 3 s the network trains on,
  // and the frames queued meanwhile arrive at once when it is free again. On the main thread it
  // could not train a single epoch in that time; how many the worker trains depends on the
  // machine (at load average 7 on two cores it was 6 in 1.5 s, where 90 are due).
  const during = await page.evaluate(async () => {
    const epoch = () => window.playground.racers()[0].epoch;
    const start = epoch();
    const until = performance.now() + 3000;
    while (performance.now() < until);
    await new Promise((resolve) => {
      const wait = () => (epoch() !== start ? resolve() : requestAnimationFrame(wait));
      wait();
    });
    return epoch() - start;
  });
  assert.ok(during >= 1, `${during} epochs trained while the main thread was blocked`);
  await page.locator('[data-testid=play]').click();
  assert.ok((await refreshes()) > before + 10);
  await page.screenshot({ path: shotPath('classify-largest-en'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('regression data and divergence: a racer that blows up shows "diverged at epoch k", the other trains on, no NaN drawn', async () => {
  const { page, context, errors } = await openClassify(
    env,
    'mode=classify&data=plane&noise=10&act=relu&net=8,8&seed=3&r=sgd(lr:10)&r=adam(lr:0.01)',
  );
  await page.evaluate(() => window.playground.step(12));
  const [blown, steady] = await racers(page);
  assert.equal(blown.status, 'diverged at epoch 1', 'as `playground run` reports it');
  assert.ok(Number.isFinite(blown.trainLoss), 'the diverged racer keeps its last finite numbers');
  assert.equal(steady.status, 'running');
  assert.equal(steady.epoch, 12);
  await page.waitForFunction(
    () => document.querySelector('[data-testid=racer-row-0] .status-diverged')?.textContent === 'diverged at epoch 1',
  );
  await page.locator('[data-testid=racer-row-0]').click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid=output-status]')?.textContent === 'diverged at epoch 1',
  );
  await page.waitForTimeout(150);
  assert.ok((await mapColours(page)).colours > 20, 'the diverged racer’s last map is drawn');
  assert.equal(await page.locator('[data-testid=confusion]').count(), 0, 'regression has no confusion matrix');
  await page.screenshot({ path: shotPath('classify-regression-diverged-en'), fullPage: true });
  await switchLanguage(page, 'zh');
  await page.waitForFunction(
    () => document.querySelector('[data-testid=output-status]')?.textContent === '在第 1 个回合发散',
  );
  await page.screenshot({ path: shotPath('classify-regression-diverged-zh'), fullPage: true });
  assert.deepEqual(await englishOnPage(page), [], 'no English on the Chinese regression page');
  assert.deepEqual(errors, []);
  await context.close();
});

test('mode tabs: each mode keeps its own link; coming back to classify trains the same link again', async () => {
  const link = 'mode=classify&data=xor&noise=5&net=4&seed=8&r=adam(lr:0.02)';
  const { page, context, errors } = await openClassify(env, link);
  await page.evaluate(() => window.playground.step(3));
  await page.locator('[data-testid=mode-surface]').click();
  await page.waitForFunction(() => !window.playground.state().startsWith('mode=classify'));
  await page.locator('[data-testid=mode-classify]').click();
  await page.waitForFunction(() => window.playground.racers?.().length > 0);
  assert.equal(await state(page), 'mode=classify&data=xor&noise=5&net=4&r=adam(lr:0.02)&seed=8');
  await page.evaluate(() => window.playground.step(2));
  assert.equal((await racers(page))[0].epoch, 2, 'a fresh run of the same link');
  assert.deepEqual(errors, []);
  await context.close();
});
