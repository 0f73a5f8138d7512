// Batch size, gradient noise and momentum on the surface page (chapter §3.2): the three presets
// do what their captions say (checked on the page and, for whole paths, on `playground run` of
// the same link, which the parity tests show to be identical), and the racers' batch and noise
// fields go through the codec with their problems shown inline. Screenshots in both languages.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { cli, parseCsv } from '../wasm/module.mjs';
import { englishOnPage } from './chinese-page.mjs';
import { openPage, shotPath, startBrowser } from './harness.mjs';

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

const state = (page) => page.evaluate(() => window.playground.state());
const racers = (page) => page.evaluate(() => window.playground.racers());
const step = (page, n) => page.evaluate((k) => window.playground.step(k), n);

// Every row of `playground run` for a link, per racer.
function cliRows(link) {
  const rows = [];
  for (const row of parseCsv(cli('run', link).stdout)) {
    rows[row.racer] = rows[row.racer] ?? [];
    rows[row.racer].push(row);
  }
  return rows;
}

const range = (rows, key) => [Math.min(...rows.map((r) => r[key])), Math.max(...rows.map((r) => r[key]))];

async function openPreset(page, id) {
  await page.locator(`[data-testid=preset-${id}]`).click();
  assert.equal(await page.locator('[data-testid=notice]').count(), 0, `${id} is a valid link`);
  assert.equal(await page.locator(`[data-testid=preset-${id}][aria-pressed=true]`).count(), 1);
  return state(page);
}

test('Full batch vs batch 1: white settles at the minimum smoothly, red zigzags and keeps wandering around it', async () => {
  const { page, context, errors } = await openPage(env);
  const link = await openPreset(page, 'batch-size');
  assert.match(
    await page.locator('[data-testid=preset-caption]').innerText(),
    /White: Adam .* full batch.*Red: the same Adam with batch 1/,
  );
  await step(page, 5000);
  const [small, full] = await racers(page);
  // The least-squares minimum of the chapter's regression surface: (−188.433, 2.669).
  assert.ok(Math.abs(full.x + 188.433) < 0.01 && Math.abs(full.y - 2.6695) < 0.001, JSON.stringify(full));
  assert.ok(small.loss > full.loss);
  const [red, white] = cliRows(link);
  assert.deepEqual([red[5000].x, white[5000].x], [small.x, full.x], 'the CLI ran the same paths');
  // "settling at the minimum ★ by about update 4,000"
  for (const r of white.slice(4000)) assert.ok(Math.abs(r.x + 188.433) < 0.1, `white at update ${r.step}: b = ${r.x}`);
  // "w swings between about 2.1 and 3.3" (after the first drop) while the full batch stays in the valley.
  const [redLow, redHigh] = range(red.slice(100), 'y');
  const [whiteLow, whiteHigh] = range(white.slice(100), 'y');
  assert.ok(redLow < 2.3 && redLow > 1.9 && redHigh > 3.1 && redHigh < 3.5, `red w ${redLow} … ${redHigh}`);
  assert.ok(whiteHigh - whiteLow < 0.25, `white w ${whiteLow} … ${whiteHigh}`);
  // "its loss jumps up and down": it rises in about half the updates, the full batch's rarely.
  const rises = (rows) => rows.slice(1).filter((r, k) => r.loss > rows[k].loss).length;
  assert.ok(rises(red) > 1500 && rises(white) < 100, `${rises(red)} and ${rises(white)} rises`);
  // "from about update 3,000 it wanders around the minimum (b between about −198 and −177)"
  const [bLow, bHigh] = range(red.slice(3000), 'x');
  assert.ok(bLow > -200 && bLow < -193 && bHigh > -182 && bHigh < -175, `red b ${bLow} … ${bHigh}`);
  // The batch-1 gradient is 10 × one term: its norm differs from |∇f| in nearly every update.
  assert.ok(red.filter((r) => r.sample_grad_norm !== r.grad_norm).length > 4900);
  assert.ok(white.every((r) => r.sample_grad_norm === r.grad_norm));
  await page.locator('[data-testid=chart-sample_grad_norm]').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: shotPath('surface-batch-size-en'), fullPage: true });
  await page.locator('[data-testid=lang-toggle]').click();
  assert.match(await page.locator('[data-testid=preset-caption]').innerText(), /全批量.*批量为 1/);
  await page.waitForTimeout(300);
  await page.screenshot({ path: shotPath('surface-batch-size-zh'), fullPage: true });
  assert.deepEqual(await englishOnPage(page), [], 'no English on the Chinese page with batch and noise');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Noise escapes the saddle: plain GD stays at the saddle, the noisy one leaves it for the curve of minima', async () => {
  const { page, context, errors } = await openPage(env);
  await openPreset(page, 'noise-saddle');
  assert.match(await page.locator('[data-testid=preset-caption]').innerText(), /stable axis/);
  // "follows it to within about 0.03 of the saddle (near update 35)"
  await step(page, 35);
  let [plain, noisy] = await racers(page);
  assert.ok(Math.hypot(noisy.x, noisy.y) < 0.05, `noisy near the saddle: ${noisy.x}, ${noisy.y}`);
  // On the line w1 = −w2 exactly: the gradient never leaves it.
  assert.equal(plain.x, -plain.y);
  // "by about update 90 its loss is below 0.01"
  await step(page, 65);
  [plain, noisy] = await racers(page);
  assert.ok(noisy.loss < 0.01, `noisy loss ${noisy.loss} after 100 updates`);
  await step(page, 900);
  [plain, noisy] = await racers(page);
  assert.ok(Math.hypot(plain.x, plain.y) < 1e-6 && plain.loss > 1 - 1e-9, `plain GD stays: ${JSON.stringify(plain)}`);
  assert.ok(
    Math.abs(noisy.x * noisy.y - 1) < 0.01 && noisy.loss < 1e-3,
    `noisy on w1·w2 = 1: ${JSON.stringify(noisy)}`,
  );
  // The formula panel of the noisy racer shows the noisy gradient beside ∇f.
  await page.locator('[data-testid=racer-1] .racer-summary').first().click();
  // KaTeX typesets it just after the panel renders.
  await page.waitForFunction(() => /ξ/.test(document.querySelector('[data-testid=formula-g]')?.textContent ?? ''));
  const live = await page.locator('[data-testid=live-numbers]').innerText();
  assert.match(live, /∇f/);
  await page.screenshot({ path: shotPath('surface-noise-saddle-en'), fullPage: true });
  await page.locator('[data-testid=lang-toggle]').click();
  assert.match(await page.locator('[data-testid=preset-caption]').innerText(), /鞍点/);
  await page.waitForTimeout(300);
  await page.screenshot({ path: shotPath('surface-noise-saddle-zh'), fullPage: true });
  assert.deepEqual(await englishOnPage(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Momentum rolls over a bump: from one start GD stays in the shallow well, momentum crosses into the deep one', async () => {
  const { page, context, errors } = await openPage(env);
  await openPreset(page, 'momentum-bump');
  // "it crosses x = 0 at update 15"
  await step(page, 14);
  assert.ok((await racers(page))[1].x > 0);
  await step(page, 1);
  assert.ok((await racers(page))[1].x < 0);
  await step(page, 285);
  const [gd, momentum] = await racers(page);
  // The wells of docs/reference.md: local near (0.905, 0), global near (−0.936, 0).
  assert.ok(
    Math.abs(gd.x - 0.905) < 0.001 && Math.abs(gd.y) < 1e-6 && Math.abs(gd.loss + 1.09) < 0.005,
    JSON.stringify(gd),
  );
  assert.ok(
    Math.abs(momentum.x + 0.936) < 0.001 && Math.abs(momentum.y) < 1e-3 && Math.abs(momentum.loss + 2.06) < 0.005,
    JSON.stringify(momentum),
  );
  await page.waitForTimeout(300);
  await page.screenshot({ path: shotPath('surface-momentum-bump-en'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('batch and noise fields: through the codec, problems inline, batch only where the surface has data terms', async () => {
  const { page, context, errors } = await openPage(env);
  const batch = page.locator('[data-testid=racer-0-batch]');
  assert.equal(await batch.getAttribute('placeholder'), 'N = 10 (full)');
  assert.equal(await page.locator('[data-testid=reseed]').count(), 0, 'no seed controls without draws');
  await batch.fill('11');
  await batch.press('Enter');
  await page.locator('[data-testid=racer-0-batch-error]').waitFor();
  assert.match(await page.locator('[data-testid=racer-0-batch-error]').innerText(), /<= 10/);
  assert.equal(await state(page), 'seed=1', 'state unchanged');
  await batch.fill('2');
  await batch.press('Enter');
  assert.match(await state(page), /^r=gd\(lr:1e-7,batch:2\)&/);
  await page.locator('[data-testid=seed]').waitFor();
  // Emptying the field is the full batch again.
  await batch.fill('');
  await batch.press('Enter');
  assert.equal(await state(page), 'seed=1');
  const noise = page.locator('[data-testid=racer-1-noise]');
  await noise.fill('-3');
  await noise.press('Enter');
  assert.match(await page.locator('[data-testid=racer-1-noise-error]').innerText(), />= 0/);
  await noise.fill('0.5');
  await noise.press('Enter');
  assert.match(await state(page), /r=adagrad\(lr:1,variant:book,noise:0\.5\)/);
  await batch.fill('1');
  await batch.press('Enter');
  // Another surface has no data terms: the batch goes, the noise stays, the field disappears.
  await page.locator('[data-testid=surface-select]').selectOption('rosenbrock');
  const link = await state(page);
  assert.doesNotMatch(link, /batch/);
  assert.match(link, /noise:0\.5/);
  assert.equal(await page.locator('[data-testid=racer-0-batch]').count(), 0);
  assert.equal(await page.locator('[data-testid=racer-0-noise]').count(), 1);
  // A link with a batch on such a surface is reported and the rest is loaded.
  const problems = await page.evaluate(() => window.playground.setState('surface=booth&r=adam(lr:0.1,batch:3)'));
  assert.deepEqual(
    problems.map((p) => p.key),
    ['r[1].batch'],
  );
  assert.match(problems[0].reason, /applies only to data surfaces/);
  assert.match(problems[0].reason_zh, /数据曲面/);
  assert.deepEqual(errors, []);
  await context.close();
});
