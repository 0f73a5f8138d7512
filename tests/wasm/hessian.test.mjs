// The network's Hessian analysis in wasm (the page's worker) against the native CLI: the same
// link gives the same spectrum, objective and kind, bit for bit (the core's own elementary
// functions, and Eigen's scalar code with fixed blocking on both), the escape and the
// critical-point search move the racer as `hessian --escape` and `--critical` say, the
// experiment's rows equal `minimum-ratio`'s, and bad requests are JavaScript Errors.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { cli, loadModule, parseCsv } from './module.mjs';

let m;
before(async () => {
  m = await loadModule();
});

function cliAnalysis(...args) {
  const result = cli('hessian', ...args);
  assert.equal(result.status, 0, result.stderr);
  return Object.fromEntries(
    result.stdout
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}
// %.17g reads back as the same double: equal numbers are the same bits.
const same = (a, b) => a === b;

function trained(link) {
  const session = new m.ClassifySession(link);
  while (session.train(1));
  return session;
}

function sameAnalysis(mine, theirs) {
  assert.equal(mine.epoch, Number(theirs.epoch));
  assert.equal(mine.parameters, Number(theirs.parameters));
  assert.ok(same(mine.objective, Number(theirs.objective)));
  assert.ok(same(mine.gradientNorm, Number(theirs.gradient_norm)));
  const eigenvalues = theirs.eigenvalues.split(',').map(Number);
  assert.equal(mine.eigenvalues.length, eigenvalues.length);
  for (const [i, l] of mine.eigenvalues.entries())
    assert.ok(same(l, eigenvalues[i]), `λ${i} ${l} vs ${eigenvalues[i]}`);
  assert.equal(mine.kind, theirs.kind);
  assert.ok(same(mine.minimumRatio, Number(theirs.minimum_ratio)));
  assert.ok(same(mine.lambdaMaxLr, Number(theirs.lambda_max_lr)));
}

test('hessian(): the same analysis as the CLI, racer by racer', () => {
  const link = 'mode=classify&data=xor&net=5,3&act=swish&epochs=15&compare=loss&r=adam(lr:0.02)&r=sgd(lr:0.2)';
  const session = trained(link);
  for (let racer = 0; racer < 4; ++racer) {
    const mine = session.hessian(racer, 0.1);
    sameAnalysis(mine, cliAnalysis(link, '--racer', String(racer), '--escape', '0.1'));
    assert.equal(mine.negative + mine.flat + mine.positive, mine.parameters);
    assert.equal(mine.l1Ignored, false);
  }
  session.delete();
});

test('escape and criticalPoint move the racer as the CLI says', () => {
  const link = 'mode=classify&epochs=20';
  const session = trained(link);
  const before = session.hessian(0, 0.3);
  const theirs = cliAnalysis(link, '--escape', '0.3');
  const [eigenvalue, objective, plus, minus] = theirs.escape.split(',').map(Number);
  assert.ok(same(before.escape.eigenvalue, eigenvalue));
  assert.ok(same(before.escape.before, objective));
  assert.ok(same(before.escape.plus, plus) && same(before.escape.minus, minus));
  // A step against u: the racer is where J(θ − s·u) was measured.
  assert.equal(session.escape(0, 0.3, -1), true);
  const after = session.hessian(0, 0.3);
  assert.ok(Math.abs(after.objective - before.escape.minus) <= 1e-12);
  assert.equal(after.epoch, before.epoch);

  const driven = trained(link);
  const search = driven.criticalPoint(0);
  sameAnalysis(driven.hessian(0, 0.1), cliAnalysis(link, '--critical', 'true'));
  assert.equal(search.converged, search.gradientNorm <= 1e-6);
  session.delete();
  driven.delete();
});

test('eigenvector(): unit length, largest component positive, for the most negative and the largest', () => {
  const session = trained('mode=classify&epochs=10');
  const { parameters } = session.hessian(0, 0.1);
  for (const which of [0, parameters - 1]) {
    const u = session.eigenvector(0, which);
    assert.equal(u.length, parameters);
    assert.ok(Math.abs(Math.hypot(...u) - 1) < 1e-12);
    const largest = u.reduce((best, v) => (Math.abs(v) > Math.abs(best) ? v : best), 0);
    assert.ok(largest > 0);
  }
  assert.throws(() => session.eigenvector(0, parameters), /no eigenvalue 28/);
  session.delete();
});

test('minimumRatioRun(): the rows of `playground minimum-ratio`', () => {
  const link = 'mode=classify&data=moons&noise=20&net=3&reg=l2&reg_rate=0.003&epochs=30&seed=3';
  const rows = parseCsv(cli('minimum-ratio', link, '--runs', '2').stdout);
  const kinds = cli('minimum-ratio', link, '--runs', '2')
    .stdout.trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',').at(-1));
  for (const [run, row] of rows.entries()) {
    const mine = m.minimumRatioRun(link, 0, run);
    assert.deepEqual([mine.run, mine.seed, mine.epochs], [row.run, row.seed, row.epochs]);
    assert.ok(same(mine.objective, row.objective));
    assert.ok(same(mine.gradientNorm, row.gradient_norm));
    assert.ok(same(mine.minimumRatio, row.minimum_ratio));
    assert.equal(mine.kind, kinds[run]);
  }
});

test('a network beyond the limit is reported, bad requests are Errors', () => {
  const big = new m.ClassifySession('mode=classify&net=32,32');
  assert.deepEqual(big.hessian(0, 0.1), { tooLarge: true, parameters: 96 + 1056 + 66, limit: 1000 });
  big.delete();
  const session = new m.ClassifySession('mode=classify');
  assert.throws(() => session.hessian(1, 0.1), /no racer 1/);
  assert.throws(() => session.hessian(0, -1), /escape step must be > 0/);
  assert.throws(() => session.escape(0, Number.NaN, 1), /escape step must be > 0/);
  assert.throws(() => m.minimumRatioRun('mode=classify&net=z', 0, 0), /bad link: net/);
  assert.throws(() => m.minimumRatioRun('mode=classify', 1, 0), /no racer 1/);
  assert.throws(() => m.minimumRatioRun('mode=classify', 0, -1), /run numbers start at 0/);
  session.delete();
});
