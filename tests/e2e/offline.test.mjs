// The one-file offline page from file://, as a teacher runs it from a USB stick: its
// Content-Security-Policy is in force (an inline script is refused, and the browser says so), and
// the lessons run in it, the minimum-ratio experiment's workers included (they start from inside
// the file like the training worker); it trains, draws and records with nothing fetched.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { canvasStats, racersShown, recordBytes, shotPath, startBrowser } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const offlineFile = join(root, process.env.OFFLINE_DIR ?? 'build/offline', 'optimizer-playground.html');

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

// The offline page at `hash`, with its console errors, page errors and policy violations, and
// every request that left the file.
async function openOffline(hash) {
  const context = await env.browser.newContext({ viewport: { width: 1440, height: 960 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    window.policyViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.policyViolations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
    });
  });
  await page.goto(`${pathToFileURL(offlineFile).href}#${hash}`);
  await page.waitForFunction(() => window.playground !== undefined, null, { timeout: 30000 });
  const outside = () => requests.filter((url) => !/^(file|blob|data):/.test(url));
  return { page, context, errors, outside };
}

test('the offline file carries its policy: default-src none, the script and style by hash, no stray $1', () => {
  assert.ok(existsSync(offlineFile), 'scripts/build.sh writes build/offline/optimizer-playground.html');
  const head = readFileSync(offlineFile, 'utf8').slice(0, 4000);
  const policy = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(head)?.[1];
  assert.ok(policy, 'a Content-Security-Policy meta element with a content attribute');
  const directives = Object.fromEntries(
    policy.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
  assert.deepEqual(directives['default-src'], ["'none'"]);
  assert.deepEqual(directives['worker-src'], ['blob:']);
  assert.equal(directives['script-src'].length, 2);
  assert.match(directives['script-src'][0], /^'sha256-[A-Za-z0-9+/]{43}='$/);
  assert.equal(directives['script-src'][1], "'wasm-unsafe-eval'");
  assert.match(directives['style-src'][0], /^'sha256-/);
  assert.doesNotMatch(head, /<meta \$1/);
});

test('offline from file://: the policy is in force, the lessons run, and so does the minimum-ratio experiment', async () => {
  const { page, context, errors, outside } = await openOffline('lesson=critical-points&step=12');
  // An inline script, as an injected one would be: refused by script-src, and reported.
  const refused = await page.evaluate(
    () =>
      new Promise((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
        const script = document.createElement('script');
        script.textContent = 'window.inlineScriptRan = true;';
        document.body.append(script);
        window.setTimeout(() => resolve('no violation reported'), 2000);
      }),
  );
  assert.match(refused, /^script-src/);
  assert.equal(await page.evaluate(() => window.inlineScriptRan), undefined, 'the inline script did not run');
  const violations = await page.evaluate(() => window.policyViolations);
  assert.deepEqual(
    violations.map((v) => v.directive.replace(/-elem$/, '')),
    ['script-src'],
    `only the attempt above was refused: ${JSON.stringify(violations)}`,
  );

  // The lecture's figure: the experiment's Run trains 10 networks in the experiment's workers.
  await page.waitForSelector('[data-testid=option-0]');
  await page.click('[data-testid=option-0]');
  const workerFailed = new Promise((resolve) => page.once('pageerror', resolve));
  await page.click('[data-testid=question-run]');
  const ended = await Promise.race([
    page.waitForSelector('[data-testid=feedback]', { timeout: 120000 }).then(() => 'feedback'),
    workerFailed.then((error) => `a page error: ${error.message}`),
  ]);
  assert.equal(ended, 'feedback');
  assert.equal(await page.getAttribute('[data-testid=experiment-scatter]', 'data-points'), '10');
  assert.match(await page.textContent('[data-testid=experiment-count]'), /10 (of|\/) 10/);
  // What the lesson's text promises: 6 degenerate points at 16/17, 4 saddle points at 14/17.
  const ratio = (k) => (k / 17).toFixed(3);
  assert.equal(
    await page.textContent('[data-testid=feedback-experiment]'),
    `10 runs: degenerate: 6, saddle point: 4; minimum ratios from ${ratio(14)} to ${ratio(16)}.`,
  );
  assert.equal(await page.getAttribute('[data-testid=verdict]', 'data-right'), 'true');
  await page.screenshot({ path: shotPath('offline-experiment') });

  // A surface lesson's question, judged from its run.
  await page.evaluate(() => {
    location.hash = 'lesson=adaptive&step=3';
  });
  await page.waitForFunction(() => window.playground.lesson()?.step === 3);
  await page.click('[data-testid=option-0]');
  await page.click('[data-testid=question-run]');
  await page.waitForSelector('[data-testid=feedback]', { timeout: 60000 });
  assert.equal(await page.getAttribute('[data-testid=verdict]', 'data-right'), 'true');
  const map = await canvasStats(page, '[data-testid=surface-map]');
  assert.ok(map.painted > 0.99 && map.colours > 50, JSON.stringify(map));
  // Its formulas: KaTeX typesets from inside the file.
  assert.ok(await page.evaluate(() => document.querySelectorAll('.katex').length > 0), 'formulas are typeset');

  assert.deepEqual(outside(), [], 'nothing is fetched from a network');
  assert.equal((await page.evaluate(() => window.policyViolations)).length, 1, 'no violation besides the attempt');
  // The browser's own report of the refused script is the only console error.
  assert.equal(errors.length, 1, errors.join('\n'));
  assert.match(
    errors[0],
    /^Executing inline script violates the following Content Security Policy directive 'script-src/,
  );
  await context.close();
});

test('the offline file is one self-contained page well under 8 MB that trains, draws and records from file://', async () => {
  assert.ok(existsSync(offlineFile), 'scripts/build.sh writes build/offline/optimizer-playground.html');
  const bytes = statSync(offlineFile).size;
  assert.ok(bytes < 4 * 1024 * 1024, `${bytes} bytes`);
  const { page, context, errors, outside } = await openOffline('surface=himmelblau&show=crit&r=adam(lr:0.1)');
  await page.waitForSelector('[data-testid=surface-map]');
  await page.evaluate(() => window.playground.step(300));
  await page.waitForTimeout(300);
  const map = await canvasStats(page, '[data-testid=surface-map]');
  assert.ok(map.painted > 0.99 && map.colours > 50, JSON.stringify(map));
  assert.equal(await page.$('[data-testid=offline]'), null, 'the offline page does not offer itself');
  // Classification: the worker starts from the file and trains.
  await page.click('[data-testid=mode-classify]');
  await page.waitForFunction(racersShown, null, { timeout: 20000 });
  await page.evaluate(() => window.playground.step(25));
  const [racer] = await page.evaluate(() => window.playground.racers());
  assert.equal(racer.epoch, 25);
  assert.ok(racer.trainLoss < 0.69, `it learns: training loss ${racer.trainLoss}`);
  await page.waitForTimeout(300);
  const decision = await canvasStats(page, '[data-testid=decision-map]');
  assert.ok(decision.painted > 0.99 && decision.colours > 20, JSON.stringify(decision));
  await page.screenshot({ path: shotPath('offline-classify') });
  // KaTeX's fonts come from inside the file.
  assert.ok(await page.evaluate(() => document.fonts.check('16px KaTeX_Main')));
  const webm = await recordBytes(page, 'webm', 10);
  assert.deepEqual([...webm.subarray(0, 4)], [0x1a, 0x45, 0xdf, 0xa3]);
  assert.deepEqual(outside(), [], 'nothing is fetched from a network');
  assert.deepEqual(await page.evaluate(() => window.policyViolations), [], 'nothing the policy refuses');
  assert.deepEqual(errors, []);
  await context.close();
});
