// Helpers shared by the classification page's browser tests: open a classify link and wait for
// its worker's first numbers, watch for long main-thread tasks, and read `playground run`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { watchMainThreads } from '../../scripts/main-thread-trace.mjs';
import { HEAVY_TASK_CPU_MS, openPage } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const cliPath = process.env.PLAYGROUND_CLI ?? join(root, 'build/native/playground');

// What `playground run link ...options` prints.
const cliRun = (link, ...options) =>
  execFileSync(cliPath, ['run', link, ...options], { encoding: 'utf8', maxBuffer: 1 << 28 });

// Every row of `playground run` on the link: [{racer, epoch, train_loss, ..., lr}].
export function cliRows(link) {
  const csv = cliRun(link);
  const [header, ...lines] = csv.trim().split('\n');
  const keys = header.split(',');
  // An empty cell is a number that does not exist (a regression's accuracy).
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [keys[i], v === '' ? null : Number(v)])));
}

// Each racer's status as `playground run --format json` words it.
export function cliStatuses(link) {
  return JSON.parse(cliRun(link, '--format', 'json')).racers.map((r) => r.status);
}

// The classify page at `hash`, with its browser's main threads watched (a trace: see
// takeLongTasks); resolves once the worker has reported the racers' epoch 0.
export async function openClassify(env, hash, options) {
  const opened = await openPage(env, hash, options);
  const browser = opened.context.browser();
  if (!watches.has(browser)) watches.set(browser, await watchMainThreads(browser));
  await opened.page.waitForSelector('[data-testid=classify-page]');
  await opened.page.waitForFunction(() => window.playground.racers().length > 0, null, { timeout: 15000 });
  // The first full render (charts, thumbnails, diagram) is start-up, not training.
  await opened.page.waitForSelector('[data-testid^=curve-loss] canvas');
  await opened.page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  return opened;
}

const watches = new WeakMap(); // browser → its main-thread watch

// The main-thread tasks since the last call (the first call after openClassify clears start-up)
// that took HEAVY_TASK_CPU_MS of CPU or more, as "N ms CPU": a guard against real regressions
// (work that belongs in the worker, done on the main thread) that a slow or busy machine does not
// trip. How long tasks are on a given machine is scripts/bench.sh's business, not a test's.
export async function takeLongTasks(page) {
  const tasks = await watches.get(page.context().browser()).take();
  return tasks.filter((t) => t.cpu >= HEAVY_TASK_CPU_MS).map((t) => `${t.cpu.toFixed(0)} ms CPU`);
}

// The page's racers after `epochs` more epochs equal the CLI's rows for that epoch: losses
// within 1e-6 relative, accuracies equal.
export async function expectCliRows(page, epochs) {
  await page.evaluate((n) => window.playground.step(n), epochs);
  const link = await page.evaluate(() => window.playground.state());
  const racers = await page.evaluate(() => window.playground.racers());
  const rows = cliRows(link);
  racers.forEach((racer, i) => {
    const row = rows.find((r) => r.racer === i && r.epoch === racer.epoch);
    assert.ok(row, `the CLI has a row for racer ${i} at epoch ${racer.epoch}`);
    for (const [mine, theirs] of [
      ['trainLoss', 'train_loss'],
      ['testLoss', 'test_loss'],
    ]) {
      const relative = Math.abs(racer[mine] - row[theirs]) / Math.max(Math.abs(row[theirs]), 1e-300);
      assert.ok(relative <= 1e-6, `racer ${i} ${mine} ${racer[mine]} vs CLI ${row[theirs]} at epoch ${racer.epoch}`);
    }
    assert.equal(racer.trainAcc, row.train_acc, `racer ${i} training accuracy at epoch ${racer.epoch}`);
    assert.equal(racer.testAcc, row.test_acc, `racer ${i} test accuracy at epoch ${racer.epoch}`);
  });
  return racers;
}

// Pixel statistics of the decision map: distinct colours and the share of each class's hue.
export async function mapColours(page) {
  return page.$eval('[data-testid=decision-map]', (canvas) => {
    const g = canvas.getContext('2d');
    const { data } = g.getImageData(0, 0, canvas.width, canvas.height);
    const colours = new Set();
    for (let i = 0; i < data.length; i += 4 * 11) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return { width: canvas.width, colours: colours.size };
  });
}
