// `playground hessian`, `data` and `minimum-ratio` (docs/reference.md): the printed Hessian
// spectrum and objective against formulas worked from the printed weights and the printed points,
// the experiment's rows against their own links, and bad arguments.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cli, parseCsv } from '../wasm/module.mjs';

// key=value lines → object of strings.
function keyValues(text) {
  return Object.fromEntries(
    text
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}
const numbers = (text) => text.split(',').map(Number);
const near = (a, b, tolerance) => Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b));

function analysis(...args) {
  const result = cli('hessian', ...args);
  assert.equal(result.status, 0, result.stderr);
  return keyValues(result.stdout);
}

test('data: the link’s points, training set first, labels or targets', () => {
  const classification = cli('data', 'mode=classify&data=xor&train=30');
  assert.equal(classification.status, 0, classification.stderr);
  assert.equal(classification.stdout.split('\n')[0], 'split,x,y,label');
  const rows = classification.stdout.trim().split('\n').slice(1);
  assert.equal(rows.length, 500);
  assert.equal(rows.filter((r) => r.startsWith('train,')).length, 150);
  assert.ok(rows.slice(0, 150).every((r) => r.startsWith('train,')));
  for (const row of rows) {
    const [, x, y, label] = row.split(',');
    assert.ok(Math.abs(Number(x)) <= 6 && Math.abs(Number(y)) <= 6 && ['0', '1'].includes(label));
  }
  assert.equal(cli('data', 'mode=classify&data=plane').stdout.split('\n')[0], 'split,x,y,target');
});

// The training points of a link: [{x, y, value}].
function trainingPoints(link) {
  return cli('data', link)
    .stdout.trim()
    .split('\n')
    .slice(1)
    .filter((row) => row.startsWith('train,'))
    .map((row) => {
      const [, x, y, value] = row.split(',').map(Number);
      return { x, y, value };
    });
}

test('hessian: a linear regression y = w·x + c, its Hessian 2·[[mean x², mean x], [mean x, 1]] + L2', () => {
  // J = mean (w x + c − t)² + 0.1·½w²: ∇J = 2·(mean r x, mean r) + (0.1 w, 0),
  // H = 2·[[mean x², mean x], [mean x, 1]] + diag(0.1, 0) (the penalty is on weights only).
  const link = 'mode=classify&data=plane&features=x&net=none&epochs=0&reg=l2&reg_rate=0.1';
  const a = analysis(link);
  const points = trainingPoints(link);
  const [w, c] = numbers(a.weights);
  assert.equal(a.parameters, '2');
  assert.equal(a.epoch, '0');
  const mean = (f) => points.reduce((sum, p) => sum + f(p), 0) / points.length;
  const residual = (p) => w * p.x + c - p.value;
  assert.ok(near(Number(a.objective), mean((p) => residual(p) ** 2) + 0.05 * w * w, 1e-12));
  const gradient = [2 * mean((p) => residual(p) * p.x) + 0.1 * w, 2 * mean(residual)];
  assert.ok(near(Number(a.gradient_norm), Math.hypot(...gradient), 1e-10));
  const [h11, h12, h22] = [2 * mean((p) => p.x * p.x) + 0.1, 2 * mean((p) => p.x), 2];
  const middle = (h11 + h22) / 2;
  const radius = Math.hypot((h11 - h22) / 2, h12);
  const [l1, l2] = numbers(a.eigenvalues);
  assert.ok(near(l1, middle - radius, 1e-12) && near(l2, middle + radius, 1e-12), a.eigenvalues);
  assert.equal(a.kind, 'not-critical');
  assert.equal(a.minimum_ratio, '1');
  // The eigenvector of the larger eigenvalue: (h12, λ2 − h11), normalised, its larger component
  // positive.
  const [u1, u2] = numbers(analysis(link, '--eigenvector', '1').eigenvector);
  const length = Math.hypot(h12, l2 - h11);
  const sign = (Math.abs(h12) > l2 - h11 ? h12 : l2 - h11) < 0 ? -1 : 1;
  assert.ok(near(u1, (sign * h12) / length, 1e-9) && near(u2, (sign * (l2 - h11)) / length, 1e-9), `${u1},${u2}`);
  assert.ok(near(Number(a.curvature_tolerance), 1e-6 * l2, 1e-12));
  // The racer's rate η = 0.01 (adam's default lr in an empty link): λ_max·η.
  assert.ok(near(Number(a.lambda_max_lr), 0.01 * l2, 1e-12));

  // Driven to the critical point: the penalised least-squares solution of the normal equations.
  const critical = analysis(link, '--critical', 'true');
  const [mx, mt, mxx, mxt] = [
    mean((p) => p.x),
    mean((p) => p.value),
    mean((p) => p.x * p.x),
    mean((p) => p.x * p.value),
  ];
  // (2 mxx + 0.1) w + 2 mx c = 2 mxt;  2 mx w + 2 c = 2 mt.
  const wStar = (2 * mxt - 2 * mx * mt) / (2 * mxx + 0.1 - 2 * mx * mx);
  const [wFound, cFound] = numbers(critical.weights);
  assert.ok(near(wFound, wStar, 1e-6) && near(cFound, mt - mx * wStar, 1e-6), critical.weights);
  assert.equal(critical.kind, 'minimum');
  assert.ok(Number(critical.gradient_norm) <= 1e-6);
});

test('hessian: softmax cross-entropy of a linear classifier, the invariants of (diag p − ppᵀ) ⊗ φφᵀ', () => {
  // Logits z = W (x, y) + b; per point H = (diag p − p pᵀ) ⊗ φ φᵀ with φ = (x, y) for W and 1 for b,
  // averaged. Its trace, Frobenius norm and trace of H³ equal Σλ, Σλ², Σλ³ of the printed spectrum.
  const link = 'mode=classify&data=gauss&noise=30&net=none&epochs=3&r=sgd(lr:0.05)';
  const a = analysis(link);
  const points = trainingPoints(link);
  const theta = numbers(a.weights);
  assert.equal(theta.length, 6);
  const H = Array.from({ length: 6 }, () => new Array(6).fill(0));
  let loss = 0;
  for (const { x, y, value } of points) {
    const z = [0, 1].map((j) => theta[2 * j] * x + theta[2 * j + 1] * y + theta[4 + j]);
    const top = Math.max(...z);
    const e = z.map((v) => Math.exp(v - top));
    const p = e.map((v) => v / (e[0] + e[1]));
    loss += -Math.log(p[value]);
    // Parameter index → (class j, input φ): W[j][i] at 2j+i, b[j] at 4+j.
    const at = (k) => (k < 4 ? [Math.floor(k / 2), k % 2 === 0 ? x : y] : [k - 4, 1]);
    for (let r = 0; r < 6; ++r)
      for (let c = 0; c < 6; ++c) {
        const [j, fj] = at(r);
        const [k, fk] = at(c);
        H[r][c] += (((j === k ? p[j] : 0) - p[j] * p[k]) * fj * fk) / points.length;
      }
  }
  assert.ok(near(Number(a.objective), loss / points.length, 1e-12));
  const multiply = (A, B) => A.map((row) => B[0].map((_, c) => row.reduce((s, v, k) => s + v * B[k][c], 0)));
  const trace = (A) => A.reduce((s, row, i) => s + row[i], 0);
  const H2 = multiply(H, H);
  const lambda = numbers(a.eigenvalues);
  const power = (k) => lambda.reduce((s, l) => s + l ** k, 0);
  assert.ok(near(power(1), trace(H), 1e-12));
  assert.ok(near(power(2), trace(H2), 1e-12));
  assert.ok(near(power(3), trace(multiply(H2, H)), 1e-12));
  // The softmax shift (the same number added to both classes' weights or biases) leaves the loss
  // unchanged: three eigenvalues are 0 up to rounding, flat against τ, so the ratio is 3/6.
  assert.equal(lambda.filter((l) => Math.abs(l) < 1e-12).length, 3);
  assert.equal(a.minimum_ratio, '0.5');
});

test('hessian --escape: J before and after a step along the most negative eigenvector', () => {
  const a = analysis('mode=classify&epochs=20', '--escape', '0.1');
  const [eigenvalue, before, plus, minus] = numbers(a.escape);
  assert.equal(eigenvalue, numbers(a.eigenvalues)[0]);
  assert.ok(eigenvalue < 0);
  assert.equal(before, Number(a.objective));
  // Along negative curvature J falls on at least one side (½λs² dominates the gradient term only
  // on the side the gradient does not oppose): their mean is below J.
  assert.ok((plus + minus) / 2 < before, a.escape);
  assert.match(analysis('mode=classify&data=plane&features=x&net=none', '--escape', '0.1').escape, /^none$/);
});

test('minimum-ratio: one row per run with seeds seed … seed+K−1, each reproduced by its own link', () => {
  const link = 'mode=classify&data=moons&noise=20&net=3&reg=l2&reg_rate=0.003&epochs=40&seed=5';
  const result = cli('minimum-ratio', link, '--runs', '3');
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout.split('\n')[0], 'run,seed,epochs,objective,gradient_norm,minimum_ratio,kind');
  const lines = result.stdout.trim().split('\n').slice(1);
  const rows = parseCsv(result.stdout);
  assert.deepEqual(
    rows.map((r) => [r.run, r.seed, r.epochs]),
    [
      [0, 5, 40],
      [1, 6, 40],
      [2, 7, 40],
    ],
  );
  for (const [i, row] of rows.entries()) {
    const kind = lines[i].split(',').at(-1);
    assert.ok(['minimum', 'maximum', 'saddle', 'degenerate', 'not-critical'].includes(kind));
    const again = analysis(link.replace('seed=5', `seed=${row.seed}`), '--critical', 'true');
    assert.equal(Number(again.objective), row.objective);
    assert.equal(Number(again.gradient_norm), row.gradient_norm);
    assert.equal(Number(again.minimum_ratio), row.minimum_ratio);
    assert.equal(again.kind, kind);
  }
  const json = JSON.parse(cli('minimum-ratio', link, '--runs', '1', '--format', 'json').stdout);
  assert.equal(json.racer, 0);
  assert.deepEqual(Object.keys(json.rows[0]), [
    'epochs',
    'gradient_norm',
    'kind',
    'minimum_ratio',
    'objective',
    'run',
    'seed',
  ]);
  assert.equal(json.rows[0].objective, rows[0].objective);
});

test('hessian, data and minimum-ratio refuse bad arguments with exit code 2, naming them', () => {
  for (const [args, message] of [
    [['hessian', 'surface=booth'], /needs a classify-mode state/],
    [['hessian', 'mode=classify', '--racer', '1'], /--racer must be a whole number 0 … 0, not '1'/],
    [['hessian', 'mode=classify', '--racer', 'x'], /--racer/],
    [['hessian', 'mode=classify', '--escape', '-1'], /--escape must be a number/],
    [['hessian', 'mode=classify', '--critical', 'yes'], /--critical must be true or false/],
    [['hessian', 'mode=classify', '--eigenvector', '28'], /--eigenvector must be a whole number 0 … 27, not '28'/],
    [['hessian', 'mode=classify&net=32,32,32,32,32,32'], /limited to 1000 parameters/],
    [['hessian', 'mode=classify&net=4,z'], /net=4,z/],
    [['data', 'mode=classify', 'x'], /exactly one state/],
    [['minimum-ratio', 'mode=classify'], /needs --runs K/],
    [['minimum-ratio', 'mode=classify', '--runs', '0'], /--runs must be a whole number 1 … 1000, not '0'/],
    [['minimum-ratio', 'mode=classify', '--runs', '2', '--format', 'xml'], /--format must be csv or json/],
    [['minimum-ratio', 'mode=classify&seed=9007199254740991', '--runs', '2'], /beyond the largest seed/],
    [['minimum-ratio', 'mode=classify', '--runs', '1', '--speed', '2'], /unknown option '--speed'/],
  ]) {
    const result = cli(...args);
    assert.equal(result.status, 2, `${args.join(' ')} → ${result.status}`);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, message);
  }
});
