// Details of the classification page a new user trips over: a refused escape step length is
// never used (the probe and the moves wait for a good one; the link grammar's numbers only).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openClassify } from './classify-helpers.mjs';
import { startBrowser } from './harness.mjs';

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
