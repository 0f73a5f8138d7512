// The `playground` command-line tool: output formats of docs/reference.md, exit codes, and numbers
// worked out by hand from the formulas.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cli, parseCsv } from '../wasm/module.mjs';

test('run: rows of plain gradient descent on booth, worked by hand', () => {
  // f = (x+2y−7)² + (2x+y−5)² at (−8, 8): the brackets are 1 and −13, f = 170,
  // ∇f = (2·1 + 2·(−13)·2, 2·1·2 + 2·(−13)) = (−50, −22). One update with η = 0.01:
  // (−8 + 0.5, 8 + 0.22) = (−7.5, 8.22).
  const result = cli('run', 'surface=booth&steps=1&r=gd(lr:0.01)');
  assert.equal(result.status, 0, result.stderr);
  const [header] = result.stdout.split('\n');
  assert.equal(header, 'racer,step,x,y,loss,grad_norm,lr,sample_grad_norm');
  const rows = parseCsv(result.stdout);
  assert.equal(rows.length, 2);
  assert.deepEqual([rows[0].racer, rows[0].step, rows[0].x, rows[0].y, rows[0].loss], [0, 0, -8, 8, 170]);
  assert.ok(Math.abs(rows[0].grad_norm - Math.sqrt(50 * 50 + 22 * 22)) < 1e-12);
  // Neither batch nor noise: the update uses ∇f itself.
  assert.equal(rows[0].sample_grad_norm, rows[0].grad_norm);
  assert.equal(rows[0].lr, 0.01);
  assert.ok(Math.abs(rows[1].x - -7.5) < 1e-12);
  assert.ok(Math.abs(rows[1].y - 8.22) < 1e-12);
  // Full double precision: every number reads back as the double that was printed (%.17g).
  assert.match(result.stdout.split('\n')[2], /^0,1,-7\.5,8\.2200000000000006,/);
});

test('run: a batch:1 update of GD is −lr·10·∇ of one data term; every pass of 10 uses each term once', () => {
  // The chapter's data; term n is (yₙ − b − w xₙ)² with gradient −2 rₙ (1, xₙ).
  const X = [338, 333, 328, 207, 226, 25, 179, 60, 208, 606];
  const Y = [640, 633, 619, 393, 428, 27, 193, 66, 226, 1591];
  const lr = 1e-7;
  const result = cli('run', `steps=20&seed=3&r=gd(lr:${lr},batch:1)`);
  assert.equal(result.status, 0, result.stderr);
  const rows = parseCsv(result.stdout);
  const used = [];
  for (let k = 0; k < 20; ++k) {
    const { x: b, y: w } = rows[k];
    const candidates = X.map((x, n) => {
      const r = Y[n] - b - w * x;
      return { n, gx: -2 * r, gy: -2 * r * x };
    }).filter(
      ({ gx, gy }) =>
        Math.abs(rows[k + 1].x - (b - lr * 10 * gx)) <= 1e-9 * Math.abs(b) &&
        Math.abs(rows[k + 1].y - (w - lr * 10 * gy)) <= 1e-9 * Math.max(1, Math.abs(w)),
    );
    assert.equal(candidates.length, 1, `update ${k}: exactly one data term explains it`);
    const [{ n, gx, gy }] = candidates;
    assert.ok(Math.abs(rows[k].sample_grad_norm - 10 * Math.hypot(gx, gy)) <= 1e-9 * rows[k].sample_grad_norm);
    used.push(n);
  }
  for (const pass of [used.slice(0, 10), used.slice(10)])
    assert.deepEqual(
      [...pass].sort((a, b) => a - b),
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
  // The loss and |∇f| columns are of the full surface.
  const fullLoss = X.reduce((sum, x, n) => sum + (Y[n] + 120 + 4 * x) ** 2, 0);
  assert.ok(Math.abs(rows[0].loss - fullLoss) <= 1e-12 * fullLoss);
  const json = JSON.parse(cli('run', `steps=20&seed=3&r=gd(lr:${lr},batch:1)`, '--format', 'json').stdout);
  assert.deepEqual(
    json.racers[0].rows.map((r) => r.sample_grad_norm),
    rows.map((r) => r.sample_grad_norm),
  );
  const bad = cli('run', 'surface=booth&r=gd(batch:2,noise:-0.5)');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /r\[1\]\.batch=2: applies only to data surfaces/);
  assert.match(bad.stderr, /r\[1\]\.noise=-0\.5: must be >= 0/);
});

test('run --format json: one entry per racer with its rows and status', () => {
  const result = cli('run', 'surface=book-regression&steps=20&r=gd(lr:1e-2)&r=gd(lr:1e-7)', '--format', 'json');
  assert.equal(result.status, 0);
  const json = JSON.parse(result.stdout);
  assert.equal(json.mode, 'surface');
  assert.equal(json.racers.length, 2);
  assert.match(json.racers[0].status, /^diverged at step \d+$/);
  // Its last row is the step before the update that failed.
  const k = Number(/\d+$/.exec(json.racers[0].status)[0]);
  assert.equal(json.racers[0].rows.at(-1).step, k - 1);
  assert.equal(json.racers[1].status, 'step limit reached', 'as the page says once the limit is reached');
  assert.equal(json.racers[1].rows.length, 21);
  assert.match(result.stderr, /racer 0 \(gd\(lr:0\.01\)\) diverged at step \d+/);
});

test('run: a racer that stops names the point it stopped at, from the Hessian there', () => {
  // book-saddle (1 − xy)² from (0.8, −0.8): GD keeps y = −x and x ← x(1 − 2η(1 + x²)) → 0, the
  // saddle point (eigenvalues −2 and 2). Booth from (−8, 8): GD with η = 0.05 contracts by 0.9 per
  // update onto its minimum (1, 3).
  const saddle = JSON.parse(
    cli('run', 'surface=book-saddle&start=0.8,-0.8&r=gd(lr:0.05)&steps=2000', '--format', 'json').stdout,
  );
  assert.equal(saddle.racers[0].status, 'stuck at a saddle point');
  const booth = JSON.parse(cli('run', 'surface=booth&r=gd(lr:0.05)&steps=2000', '--format', 'json').stdout);
  assert.equal(booth.racers[0].status, 'converged to a minimum');
});

test('run: classify mode prints one row per racer per epoch', () => {
  const result = cli('run', 'mode=classify&data=xor&epochs=3&r=adam(lr:0.01)&r=sgd(lr:0.1)');
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout.split('\n')[0], 'racer,epoch,train_loss,test_loss,train_acc,test_acc,lr');
  const rows = parseCsv(result.stdout);
  assert.equal(rows.length, 2 * 4);
  assert.deepEqual(
    rows.map((r) => `${r.racer}:${r.epoch}`),
    ['0:0', '0:1', '0:2', '0:3', '1:0', '1:1', '1:2', '1:3'],
  );
  // Same data and the same initial weights: both racers start from the same epoch-0 row.
  assert.equal(rows[0].train_loss, rows[4].train_loss);
  assert.equal(rows[0].test_acc, rows[4].test_acc);
});

test('run --format json: a classify racer’s status in the words of the page (docs/reference.md)', () => {
  // Linear regression with lr 1e300: the first update moves the weights by about 1e300, and the
  // next mini-batch's squared error (about 1e600) overflows, within epoch 1. Two classes start
  // near ln 2, far below a target of 1000. The other racer trains its 3 epochs.
  const blown = cli(
    'run',
    'mode=classify&data=plane&net=none&epochs=3&r=sgd(lr:1e300)&r=adam(lr:0.01)',
    '--format',
    'json',
  );
  assert.equal(blown.status, 0, blown.stderr);
  const [diverged, steady] = JSON.parse(blown.stdout).racers;
  assert.equal(diverged.status, 'diverged at epoch 1');
  assert.deepEqual(
    diverged.rows.map((r) => r.epoch),
    [0],
    'its last row is its last complete epoch',
  );
  assert.equal(steady.status, 'epoch limit reached');
  assert.match(blown.stderr, /^playground: racer 0 \(sgd\(lr:1e300\), loss mse\) diverged at epoch 1$/m);
  assert.doesNotMatch(blown.stderr, /racer 1/);
  const reached = JSON.parse(cli('run', 'mode=classify&target_loss=1000&r=adam(lr:0.01)', '--format', 'json').stdout);
  assert.equal(reached.racers[0].status, 'reached the target loss at epoch 0');
});

test('a bad state exits with 2 and names key, value and reason', () => {
  const result = cli('run', 'surface=rosenbrok&r=adam(lr:-1)');
  assert.equal(result.status, 2);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /surface=rosenbrok: unknown surface 'rosenbrok' \(did you mean 'rosenbrock'\?\)/);
  assert.match(result.stderr, /r\[1\]\.lr=-1: must be > 0/);
  for (const args of [
    ['run'],
    ['run', 'a', 'b'],
    ['fly', 'x'],
    ['run', 'seed=1', '--format', 'xml'],
    ['analyze', 'seed=1'],
    ['analyze', 'seed=1', '--at', '1'],
    ['analyze', 'seed=1', '--at', 'x,2'],
    ['critical', 'mode=classify'],
    ['run', 'seed=1', '--frobnicate'],
  ]) {
    const bad = cli(...args);
    assert.equal(bad.status, 2, `${args.join(' ')} → ${bad.status}`);
    assert.ok(bad.stderr.length > 0);
  }
});

test("analyze: the chapter's saddle at the origin and a flat point on its curve of minima", () => {
  // L = (1 − w1 w2)²: at 0, H = [[0, −2], [−2, 0]], eigenvalues −2 and 2, escape ±(1, 1)/√2.
  const origin = cli('analyze', 'surface=book-saddle', '--at', '0,0');
  assert.equal(origin.status, 0);
  const lines = Object.fromEntries(
    origin.stdout
      .trim()
      .split('\n')
      .map((l) => l.split('=')),
  );
  assert.equal(lines.value, '1');
  assert.equal(lines.gradient, '0,0');
  assert.equal(lines.hessian, '0,-2,-2,0');
  assert.equal(lines.eigenvalues, '-2,2');
  assert.equal(lines.kind, 'saddle');
  const [ex, ey] = lines.escape.split(',').map(Number);
  assert.ok(Math.abs(Math.abs(ex) - Math.SQRT1_2) < 1e-15 && Math.abs(ex - ey) < 1e-15);
  const [u1x, u1y, u2x, u2y] = lines.eigenvectors.split(',').map(Number);
  assert.ok(Math.abs(u1x * u2x + u1y * u2y) < 1e-15, 'eigenvectors are orthogonal');
  // On w1·w2 = 1, e.g. (2, 0.5): H = [[0.5, 2], [2, 8]] has eigenvalues 0 and 8.5: degenerate.
  const flat = cli('analyze', 'surface=book-saddle', '--at', '2,0.5');
  assert.match(flat.stdout, /^kind=degenerate$/m);
  assert.doesNotMatch(flat.stdout, /^escape=/m);
  const slope = cli('analyze', 'surface=book-saddle', '--at', '1,1.5');
  assert.match(slope.stdout, /^kind=not-critical$/m);
});

test('critical: himmelblau has four minima, one maximum and four saddles', () => {
  const result = cli('critical', 'surface=himmelblau');
  assert.equal(result.status, 0);
  const points = result.stdout
    .trim()
    .split('\n')
    .map((line) => {
      const [x, y, value, kind] = line.split(',');
      return { x: Number(x), y: Number(y), value: Number(value), kind };
    });
  const count = (kind) => points.filter((p) => p.kind === kind).length;
  assert.deepEqual([count('minimum'), count('maximum'), count('saddle'), points.length], [4, 1, 4, 9]);
  // The four minima of the literature, each with value 0.
  for (const [x, y] of [
    [3, 2],
    [-2.805118, 3.131312],
    [-3.77931, -3.283186],
    [3.584428, -1.848126],
  ])
    assert.ok(
      points.some((p) => p.kind === 'minimum' && Math.hypot(p.x - x, p.y - y) < 1e-5 && p.value < 1e-12),
      `${x},${y}`,
    );
  const maximum = points.find((p) => p.kind === 'maximum');
  assert.ok(Math.hypot(maximum.x + 0.270845, maximum.y + 0.923039) < 1e-5);
});

test('list: the same catalogue as the page, as text or JSON', () => {
  const json = JSON.parse(cli('list', '--format', 'json').stdout);
  assert.ok(json.optimizers.some((o) => o.name === 'nadam'));
  assert.ok(json.schedules.some((s) => s.name === 'noam'));
  const text = cli('list').stdout;
  assert.match(text, /^surfaces:$/m);
  assert.match(text, /^ {2}adam {2}/m);
  assert.match(text, /momentum_decay +default 0\.004/);
  assert.match(text, /^ {2}batch +default N +\[1, 1000000000\]/m);
  assert.match(text, /^ {2}noise +default 0 +\[0, inf\)/m);
  assert.match(text, /book-regression .* data terms N = 10/);
  assert.equal(json.batch.name, 'batch');
  assert.equal(json.noise.default, 0);
  assert.equal(json.surfaces.find((s) => s.name === 'book-regression').data_terms, 10);
});
