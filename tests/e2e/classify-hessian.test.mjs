// The classification page's Critical point panel and the lecture's minimum-ratio experiment:
// playground.hessian() and minimumRatio(K) equal the CLI's numbers; the escape and the search
// for a critical point move the racer as the CLI says; the experiment runs in a pool of workers
// with progress, Cancel, a scatter drawn as runs arrive, hover and click; each preset's caption
// holds; no heavy main-thread task (harness.mjs's guard). Screenshots in English and Chinese.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { englishOnPage } from './chinese-page.mjs';
import { cliRows, openClassify, takeLongTasks } from './classify-helpers.mjs';
import { canvasStats, shotPath, startBrowser } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const cliPath = process.env.PLAYGROUND_CLI ?? join(root, 'build/native/playground');

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

function cli(...args) {
  return execFileSync(cliPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
}
function cliHessian(...args) {
  return Object.fromEntries(
    cli('hessian', ...args)
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}
function cliExperiment(link, runs) {
  const [header, ...lines] = cli('minimum-ratio', link, '--runs', String(runs)).trim().split('\n');
  const keys = header.split(',');
  return lines.map((line) =>
    Object.fromEntries(line.split(',').map((v, i) => [keys[i], keys[i] === 'kind' ? v : Number(v)])),
  );
}
const close = (a, b, tolerance = 1e-9) => Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b));

function sameAsCli(mine, theirs) {
  assert.equal(mine.epoch, Number(theirs.epoch));
  assert.ok(close(mine.objective, Number(theirs.objective)), `J ${mine.objective} vs ${theirs.objective}`);
  assert.ok(close(mine.gradientNorm, Number(theirs.gradient_norm)));
  const eigenvalues = theirs.eigenvalues.split(',').map(Number);
  assert.equal(mine.eigenvalues.length, eigenvalues.length);
  for (const [i, l] of mine.eigenvalues.entries())
    assert.ok(close(l, eigenvalues[i]), `λ${i}: ${l} vs ${eigenvalues[i]}`);
  assert.ok(close(mine.minimumRatio, Number(theirs.minimum_ratio)));
  assert.equal(mine.kind, theirs.kind);
}

const hessian = (page) => page.evaluate(() => window.playground.hessian());
// The page's start-up (thumbnails, the first drawings) is not the work under test.
async function settle(page) {
  await page.waitForTimeout(800);
  await takeLongTasks(page);
}
const racers = (page) => page.evaluate(() => window.playground.racers());
const state = (page) => page.evaluate(() => window.playground.state());

// The panel shows the analysis of this epoch (it refreshes when training pauses).
async function panelAt(page, epoch) {
  await page.waitForFunction(
    (e) => document.querySelector('.critical-where')?.textContent.includes(`epoch ${e}`),
    epoch,
    { timeout: 10000 },
  );
}

test('hessian(): the CLI’s numbers; the panel shows them and a drawn spectrum, stems or a histogram', async () => {
  const link = 'mode=classify&data=xor&net=5,3&act=swish&epochs=15&seed=4&r=adam(lr:0.02)';
  const { page, context, errors } = await openClassify(env, link);
  await settle(page);
  await page.evaluate(() => window.playground.step(15));
  const mine = await hessian(page);
  sameAsCli(mine, cliHessian(link));
  await panelAt(page, 15);
  const kind = await page.locator('[data-testid=critical-kind]').getAttribute('data-kind');
  assert.equal(kind, mine.kind);
  const positives = mine.eigenvalues.filter((l) => l > 1e-6 * Math.max(...mine.eigenvalues.map(Math.abs)));
  assert.match(
    await page.locator('[data-testid=critical-ratio]').innerText(),
    new RegExp(`^${positives.length} / 41 = `),
  );
  assert.equal(await page.locator('[data-testid=spectrum]').getAttribute('data-mode'), 'stems');
  const spectrum = await canvasStats(page, '[data-testid=spectrum]');
  assert.ok(spectrum.colours >= 4, `the spectrum is drawn (${spectrum.colours} colours)`);
  assert.deepEqual(await takeLongTasks(page), []);

  // TensorFlow Playground's largest network with 3 classes: 451 eigenvalues, a histogram.
  const largest = 'mode=classify&data=spiral&classes=3&features=x,y,x2,y2,xy,sinx,siny&net=8,8,8,8,8,8&epochs=2&seed=2';
  await page.evaluate((l) => window.playground.setState(l), largest);
  // Setting up a new network (its diagram, its first analysis) is not the Hessian's work.
  await panelAt(page, 0);
  await settle(page);
  await page.evaluate(() => window.playground.step(2));
  sameAsCli(await hessian(page), cliHessian(largest));
  await panelAt(page, 2);
  assert.equal(await page.locator('[data-testid=spectrum]').getAttribute('data-mode'), 'histogram');
  assert.ok((await canvasStats(page, '[data-testid=spectrum]')).colours >= 3);
  assert.deepEqual(await takeLongTasks(page), [], 'no heavy main-thread task');

  // Beyond the exact Hessian's limit the panel says so, and hessian() rejects with the reason.
  await page.evaluate(() => window.playground.setState('mode=classify&net=32,32'));
  await page.waitForSelector('[data-testid=critical-too-large]');
  assert.match(await page.locator('[data-testid=critical-too-large]').innerText(), /1218 parameters.*at most 1000/);
  await assert.rejects(hessian(page), /1218 parameters/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('escape and “Go to the critical point” move the racer where the CLI says', async () => {
  const link = 'mode=classify&epochs=20&seed=3';
  const { page, context, errors } = await openClassify(env, link);
  await page.evaluate(() => window.playground.step(20));
  await panelAt(page, 20);
  const [, before, plus] = cliHessian(link, '--escape', '1').escape.split(',').map(Number);
  assert.match(await page.locator('[data-testid=escape-values]').innerText(), /J\(θ \+ s·u\) = /);
  await page.locator('[data-testid=escape-plus]').click();
  await page.waitForSelector('.critical-where em');
  const moved = await hessian(page);
  assert.ok(close(moved.objective, plus), `J after the step ${moved.objective} = J(θ + u) ${plus} (was ${before})`);
  assert.equal(moved.epoch, 20);

  await page.locator('[data-testid=reset]').click();
  await page.evaluate(() => window.playground.step(20));
  await page.locator('[data-testid=critical-search]').click();
  await page.waitForSelector('[data-testid=critical-search-result]');
  const critical = cliHessian(link, '--critical', 'true');
  sameAsCli(await hessian(page), critical);
  // This start leads down a valley of the cross-entropy whose critical point lies at infinity.
  assert.ok(Number(critical.gradient_norm) > 1e-6);
  const [, shown] = /^Stopped at ‖∇J‖ = (\S+) after 100 \+ \d+ steps/.exec(
    await page.locator('[data-testid=critical-search-result]').innerText(),
  );
  assert.ok(close(Number(shown), Number(critical.gradient_norm), 0.05), `${shown} vs ${critical.gradient_norm}`);
  assert.deepEqual(errors, []);
  await context.close();
});

// A pixel of the scatter painted in `colour` (the centre of some point), in page coordinates.
async function pointOnScatter(page, colour) {
  await page.locator('[data-testid=experiment-scatter]').scrollIntoViewIfNeeded();
  const box = await page.locator('[data-testid=experiment-scatter]').boundingBox();
  const at = await page.$eval(
    '[data-testid=experiment-scatter]',
    (canvas, rgb) => {
      const { data, width, height } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      for (let y = 0; y < height; ++y)
        for (let x = 0; x < width; ++x) {
          const i = 4 * (y * width + x);
          if (Math.abs(data[i] - rgb[0]) + Math.abs(data[i + 1] - rgb[1]) + Math.abs(data[i + 2] - rgb[2]) < 40)
            return { x: x + 2, y: y + 3, scale: canvas.width / canvas.clientWidth };
        }
      return null;
    },
    colour,
  );
  assert.ok(at, 'a point is drawn');
  return { x: box.x + at.x / at.scale, y: box.y + at.y / at.scale };
}

test('the minimum-ratio experiment: pool of workers, progress, Cancel, scatter, hover, click, CLI rows', async () => {
  const link = 'mode=classify&data=moons&noise=20&net=3&reg=l2&reg_rate=0.003&epochs=40&seed=7';
  const { page, context, errors } = await openClassify(env, link);
  const original = await state(page);
  await settle(page);
  const runs = page.locator('[data-testid=experiment-runs]');
  await runs.fill('0');
  assert.match(await page.locator('.experiment-panel .field-error').innerText(), /whole number 1 … 200/);
  assert.ok(await page.locator('[data-testid=experiment-start]').isDisabled());
  await runs.fill('6');
  await page.locator('[data-testid=experiment-start]').click();
  await page.waitForSelector('[data-testid=experiment-progress]');
  await page.waitForFunction(
    () => document.querySelector('[data-testid=experiment-count]')?.textContent.startsWith('6 of 6'),
    null,
    {
      timeout: 30000,
    },
  );
  assert.equal(await page.locator('[data-testid=experiment-scatter]').getAttribute('data-points'), '6');
  assert.deepEqual(await takeLongTasks(page), [], 'no heavy main-thread task while it runs');
  const rows = cliExperiment(link, 6);
  const mine = await page.evaluate(() => window.playground.minimumRatio(6));
  assert.equal(mine.length, 6);
  for (const [i, row] of rows.entries()) {
    assert.deepEqual([mine[i].run, mine[i].seed, mine[i].epochs], [row.run, row.seed, row.epochs]);
    assert.ok(close(mine[i].objective, row.objective) && close(mine[i].gradientNorm, row.gradient_norm));
    assert.ok(close(mine[i].minimumRatio, row.minimum_ratio));
    assert.equal(mine[i].kind, row.kind);
  }
  // Hover names a run; a click opens its link (the run's seed).
  const kind = mine[0].kind;
  const colour = { saddle: [255, 193, 69], degenerate: [127, 168, 255], minimum: [95, 211, 138] }[kind];
  const point = await pointOnScatter(page, colour);
  await page.mouse.move(point.x, point.y);
  const tip = await page.locator('[data-testid=experiment-tip]').innerText({ timeout: 5000 });
  const [, run, seed] = /run (\d+) · seed (\d+)/.exec(tip) ?? [];
  assert.ok(run !== undefined, tip);
  assert.equal(Number(seed), 7 + Number(run));
  await page.screenshot({ path: shotPath('classify-experiment-en') });
  // (A screenshot may lay the page out anew: the point is found again.)
  const again = await pointOnScatter(page, colour);
  await page.mouse.click(again.x, again.y);
  await page.waitForFunction((s) => window.playground.state().includes(`seed=${s}`), seed);
  assert.equal(await state(page), original.replace('seed=7', `seed=${seed}`));

  // Cancel: the runs stop, the count stays, and the promise of minimumRatio rejects.
  await page.evaluate(() => window.playground.setState('mode=classify&epochs=100'));
  const pending = page.evaluate(() =>
    window.playground.minimumRatio(60).then(
      () => 'resolved',
      (error) => error.message,
    ),
  );
  // The count of the new experiment ("k of 60"), not the finished one's "6 of 6" still shown
  // before the new one starts: a Cancel at 0 rows would leave nothing to count.
  await page.waitForFunction(
    () => {
      const match = /^(\d+) of 60/.exec(document.querySelector('[data-testid=experiment-count]')?.textContent ?? '');
      return match && Number(match[1]) >= 1;
    },
    null,
    { timeout: 60000 },
  );
  await page.locator('[data-testid=experiment-cancel]').click();
  assert.equal(await pending, 'the experiment was cancelled');
  await page.waitForFunction(() => /Cancelled after/.test(document.querySelector('.experiment-panel')?.textContent));
  const count = await page.locator('[data-testid=experiment-count]').innerText();
  await page.waitForTimeout(500);
  assert.equal(await page.locator('[data-testid=experiment-count]').innerText(), count, 'nothing runs after Cancel');
  assert.match(await page.locator('.experiment-panel').innerText(), /Cancelled after \d+ of 60 runs/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('preset “Saddle or minimum?”: every number its caption promises', async () => {
  const { page, context, errors } = await openClassify(env, 'mode=classify');
  await page.locator('[data-testid=preset-saddle-or-minimum]').click();
  assert.equal(await page.locator('[data-testid=preset-saddle-or-minimum][aria-pressed=true]').count(), 1);
  await page.evaluate(() => window.playground.step(300));
  const [trained] = await racers(page);
  assert.equal(trained.epoch, 300);
  assert.equal(trained.trainLoss.toFixed(3), '0.683');
  const stalled = await hessian(page);
  assert.equal(stalled.gradientNorm.toFixed(3), '0.014');
  assert.equal(stalled.kind, 'not-critical');
  const tau = (a) => 1e-6 * Math.max(...a.eigenvalues.map(Math.abs));
  assert.equal(stalled.eigenvalues.length, 17);
  assert.equal(stalled.eigenvalues.filter((l) => l < -tau(stalled)).length, 4);

  await page.locator('[data-testid=critical-search]').click();
  await page.waitForSelector('[data-testid=critical-search-result]');
  const saddle = await hessian(page);
  assert.equal(saddle.kind, 'saddle');
  assert.ok(saddle.gradientNorm < 1e-6);
  assert.equal(saddle.objective.toFixed(3), '0.690');
  assert.equal(saddle.eigenvalues.filter((l) => l < -tau(saddle)).length, 3);
  assert.equal(saddle.minimumRatio, 4 / 17);
  await page.waitForFunction(() =>
    document.querySelector('[data-testid=escape-values]')?.textContent.includes('0.672'),
  );
  assert.match(await page.locator('[data-testid=escape-values]').innerText(), /J\(θ \+ s·u\) = 0\.6727/);
  assert.equal(await page.locator('[data-testid=critical-kind]').getAttribute('data-kind'), 'saddle');
  await page.locator('[data-testid=critical-panel]').screenshot({ path: shotPath('classify-saddle-en') });
  await page.locator('[data-testid=escape-plus]').click();
  await page.waitForSelector('.critical-where em');
  const epochs = page.locator('[data-testid=epochs]');
  await epochs.fill('600');
  await epochs.press('Enter');
  await page.evaluate(() => window.playground.step(300));
  const [escaped] = await racers(page);
  assert.equal(escaped.epoch, 600);
  assert.equal(escaped.trainLoss.toFixed(3), '0.568');
  assert.equal(Math.round(escaped.trainAcc * 100), 83);
  const plain = cliRows((await state(page)).replace(/&lang=\w+/, '')).find((r) => r.epoch === 600);
  assert.equal(plain.train_loss.toFixed(3), '0.674');
  assert.equal(Math.round(plain.train_acc * 100), 49);
  assert.deepEqual(errors, []);
  await context.close();
});

test('preset “The lecture’s minimum-ratio figure”: its caption’s claims hold; the panels in English and Chinese', async () => {
  const { page, context, errors } = await openClassify(env, 'mode=classify');
  await page.locator('[data-testid=preset-minimum-ratio]').click();
  await page.locator('[data-testid=experiment-start]').click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid=experiment-count]')?.textContent.startsWith('20 of 20'),
    null,
    {
      timeout: 60000,
    },
  );
  const rows = await page.evaluate(() => window.playground.minimumRatio(20));
  assert.deepEqual(
    rows.map((r) => r.seed),
    Array.from({ length: 20 }, (_, i) => i + 1),
  );
  assert.ok(
    rows.every((r) => r.kind !== 'not-critical' && r.gradientNorm <= 1e-6),
    'all 20 reach a critical point',
  );
  assert.ok(
    rows.every((r) => r.minimumRatio < 1),
    'none has ratio 1',
  );
  const best = rows.filter((r) => r.minimumRatio === 16 / 17);
  assert.equal(best.length, 11);
  assert.ok(best.every((r) => r.kind === 'degenerate' && r.objective >= 0.065 && r.objective < 0.165));
  const saddles = rows.filter((r) => r.kind === 'saddle');
  assert.equal(saddles.length, 9);
  assert.ok(saddles.every((r) => r.minimumRatio >= 0.82 && r.minimumRatio <= 0.885));
  assert.ok(saddles.every((r) => r.objective >= 0.125 && r.objective < 0.345));
  await page.evaluate(() => window.playground.step(100));
  await panelAt(page, 100);
  await page.screenshot({ path: shotPath('classify-hessian-en'), fullPage: true });
  await page.locator('[data-testid=lang-toggle]').click();
  await page.waitForFunction(() =>
    document.querySelector('[data-testid=critical-panel] h2')?.textContent.startsWith('临界点'),
  );
  await page.waitForTimeout(200);
  await page.screenshot({ path: shotPath('classify-hessian-zh'), fullPage: true });
  assert.deepEqual(await englishOnPage(page), [], 'no English on the Chinese page but names and formulas');
  assert.deepEqual(errors, []);
  await context.close();
});
