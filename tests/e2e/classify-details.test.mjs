// Details of the classification page a new user trips over: a refused escape step length is
// never used (the probe and the moves wait for a good one; the link grammar's numbers only).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openClassify } from './classify-helpers.mjs';
import { racersShown, shotPath, startBrowser } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const cliPath = process.env.PLAYGROUND_CLI ?? join(root, 'build/native/playground');

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

// `playground hessian link --escape s`: [λ_min, J(θ), J(θ + s·u), J(θ − s·u)].
function cliEscape(link, step) {
  const out = execFileSync(cliPath, ['hessian', link, '--escape', String(step)], { encoding: 'utf8' });
  return /^escape=(.*)$/m.exec(out)[1].split(',').map(Number);
}
const close = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
const hessian = (page) => page.evaluate(() => window.playground.hessian());

async function typeStep(page, text) {
  await page.fill('[data-testid=escape-step]', text);
  await page.press('[data-testid=escape-step]', 'Enter');
}

test('escape step length: a refused s is never used, hex and Infinity are refused, a good s is', async () => {
  const link = 'mode=classify&epochs=20&seed=3';
  const { page, context, errors } = await openClassify(env, link);
  await page.evaluate(() => window.playground.step(20));
  await page.waitForSelector('[data-testid=escape-values]');

  await typeStep(page, '2');
  const [, , plus2] = cliEscape(link, 2);
  await page.waitForFunction(() => document.querySelector('[data-testid=escape-values]'));
  assert.equal((await hessian(page)).escape.step, 2);
  assert.ok(close((await hessian(page)).escape.plus, plus2));

  for (const bad of ['0', '-1', '1e9', 'abc', '1,5', 'Infinity', '0x10']) {
    await typeStep(page, bad);
    const error = await page.waitForSelector('[data-testid=escape-step-error]', { timeout: 3000 });
    assert.match(await error.innerText(), new RegExp(`“${bad.replace(/[+.]/g, '\\$&')}”`), `${bad}: named`);
    // Nothing of s = 2 stays on screen, and there is nothing to click that would use it.
    assert.equal(await page.$('[data-testid=escape-values]'), null, `${bad}: the old probe is gone`);
    assert.equal(await page.$('[data-testid=escape-plus]'), null, `${bad}: no move by the old s`);
    assert.equal(await page.$('[data-testid=escape-minus]'), null);
  }

  // A good length brings the probe back with that length, and the move goes by it.
  await typeStep(page, '.5');
  await page.waitForSelector('[data-testid=escape-values]');
  assert.equal(await page.$('[data-testid=escape-step-error]'), null);
  const [, before, plusHalf] = cliEscape(link, 0.5);
  const probe = await hessian(page);
  assert.equal(probe.escape.step, 0.5);
  assert.ok(close(probe.escape.before, before));
  assert.ok(close(probe.escape.plus, plusHalf));
  await page.click('[data-testid=escape-plus]');
  await page.waitForSelector('.critical-where em');
  const moved = await hessian(page);
  assert.ok(close(moved.objective, plusHalf), `J after the move ${moved.objective} = J(θ + 0.5·u) ${plusHalf}`);
  assert.deepEqual(errors, []);
  await context.close();
});

// The label of the racer field whose input has data-testid `testId`.
const fieldLabel = (page, testId) =>
  page.$eval(`[data-testid=${testId}]`, (input) => input.closest('label').querySelector('.field-label').textContent);

test('Chinese: every hyperparameter label is translated, and the punctuation is full-width', async () => {
  const { page, context, errors } = await openClassify(env, 'mode=classify&lang=zh&landscape=pca&r=sgd(lr:0.1)&wat=1');
  // The racer's fields: all in Chinese, like 学习率调度 and 预热 beside them; the link's name in the tooltip.
  const labels = {};
  for (const name of ['lr', 'momentum', 'dampening', 'nesterov', 'weight_decay', 'variant'])
    labels[name] = await fieldLabel(page, `racer-0-${name}`);
  assert.deepEqual(labels, {
    lr: '学习率',
    momentum: '动量',
    dampening: '阻尼',
    nesterov: 'Nesterov 动量',
    weight_decay: '权重衰减',
    variant: '形式',
  });
  const tooltip = await page.$eval('[data-testid=racer-0-dampening]', (i) => i.closest('label').title);
  assert.match(tooltip, /链接中写作 dampening/);
  // The notice of the unknown key: full-width comma and colon.
  const notice = await page.textContent('[data-testid=notice]');
  assert.match(notice, /此链接中有部分内容无法使用，其余内容已加载/);
  assert.match(await page.textContent('[data-testid=notice] li'), /^wat = “1”：/);
  assert.match(notice, /（共 1 项）/);
  // The Landscape panel's two sentences, each ending in 。.
  const centre = page.locator('[data-testid=landscape-panel] p.small.muted').last();
  assert.equal(await centre.textContent(), 'θ*：所选优化器当前的参数。线条：每个优化器的路径在此平面上的投影。');
  await page.evaluate(() => window.playground.step(3));
  await page.waitForFunction(() =>
    document.querySelector('[data-testid=landscape-where]')?.textContent.includes('第 3 个回合'),
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test('English: a link with one problem says “(1 problem)”', async () => {
  const { page, context, errors } = await openClassify(env, 'mode=classify&wat=1');
  assert.match(await page.textContent('[data-testid=notice]'), /\(1 problem\)/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the line plane before any training says “train first” instead of drawing a flat line', async () => {
  for (const [lang, words] of [
    ['en', /The line runs from the initial weights θ₀ to θ\*, which are the same before training: train first\./],
    ['zh', /训练之前两者相同：请先训练。/],
  ]) {
    const { page, context, errors } = await openClassify(env, `mode=classify&landscape=line&lang=${lang}`);
    const error = await page.waitForSelector('[data-testid=landscape-error]', { timeout: 10000 });
    assert.match(await error.textContent(), words);
    // Trained, it draws the line.
    await page.evaluate(() => window.playground.step(5));
    await page.locator('[data-testid=landscape-refresh]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=landscape-map]')?.dataset.epoch === '5');
    assert.equal(await page.$('[data-testid=landscape-error]'), null);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('on a phone a tap on the landscape reads J there, and the reading stays after the finger lifts', async () => {
  const context = await env.browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${env.url}#mode=classify&data=xor&epochs=20`);
  await page.waitForFunction(racersShown, null, { timeout: 15000 });
  await page.evaluate(() => window.playground.step(20));
  const map = page.locator('[data-testid=landscape-map]');
  await page.waitForFunction(() => document.querySelector('[data-testid=landscape-where]')?.dataset.full === 'true');
  await map.scrollIntoViewIfNeeded();
  const before = await page.textContent('[data-testid=landscape-readout]');
  assert.match(before, /^J from /);
  const box = await map.boundingBox();
  // The plot's centre is θ*: α = β = 0 there (within a pixel's worth of the span).
  await page.touchscreen.tap(
    box.x + box.width * ((58 + (440 - 70) / 2) / 440),
    box.y + box.height * ((12 + (400 - 54) / 2) / 400),
  );
  await page.waitForTimeout(300);
  const reading = await page.textContent('[data-testid=landscape-readout]');
  const match = /^α = (\S+), β = (\S+): J = (\S+)$/.exec(reading);
  assert.ok(match, `the readout after a tap: “${reading}”`);
  assert.ok(Math.abs(Number(match[1])) < 0.05 && Math.abs(Number(match[2])) < 0.05, reading);
  // J at θ* is the racer's training objective there (loss + penalty; no penalty in this link).
  const [racer] = await page.evaluate(() => window.playground.racers());
  assert.ok(
    Math.abs(Number(match[3]) - racer.trainLoss) < 0.05 * racer.trainLoss + 1e-3,
    `${match[3]} vs ${racer.trainLoss}`,
  );
  await page.screenshot({ path: shotPath('landscape-phone-tap') });
  assert.deepEqual(errors, []);
  await context.close();
});
