// `playground slice` (docs/reference.md, "Loss landscape"): the grid's values recomputed in
// JavaScript from the printed weights, directions and the link's points (a network without
// hidden layers is a softmax regression, J = mean cross-entropy + ½·rate·Σw²), the grid's
// coordinates, the CSV form, the path's end, and bad arguments.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cli, parseCsv } from '../wasm/module.mjs';

const LINK = 'mode=classify&data=gauss&features=x,y&net=none&epochs=15&reg=l2&reg_rate=0.01&r=sgd(lr:0.1)';

function slice(...args) {
  const result = cli('slice', ...args);
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

// J at weights w: W is K×2 row-major (row k = class k), then the K biases.
function objective(w, points, rate) {
  const k = w.length / 3;
  let loss = 0;
  for (const { x, y, label } of points) {
    const z = [];
    for (let c = 0; c < k; ++c) z.push(w[2 * c] * x + w[2 * c + 1] * y + w[2 * k + c]);
    const top = Math.max(...z);
    const sum = z.reduce((s, v) => s + Math.exp(v - top), 0);
    loss += top + Math.log(sum) - z[label];
  }
  let squares = 0;
  for (let i = 0; i < 2 * k; ++i) squares += w[i] * w[i];
  return loss / points.length + 0.5 * rate * squares;
}

test('slice json: each grid value is J(θ* + αd1 + βd2) recomputed from the printed numbers', () => {
  const rows = cli('data', LINK)
    .stdout.trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
  const points = (split) =>
    rows.filter((r) => r[0] === split).map(([, x, y, label]) => ({ x: +x, y: +y, label: +label }));
  const train = points('train');
  const test_ = points('test');
  assert.ok(train.length > 100 && test_.length > 100);
  for (const plane of ['random', 'pca', 'hessian', 'saddle']) {
    const s = JSON.parse(slice(LINK, '--plane', plane, '--grid', '5', '--span', '2', '--format', 'json'));
    assert.equal(s.plane, plane);
    assert.deepEqual(s.alpha, [-2, -1, 0, 1, 2]);
    assert.deepEqual(s.beta, [-2, -1, 0, 1, 2]);
    assert.equal(s.objective.length, 5);
    for (let j = 0; j < 5; ++j)
      for (let i = 0; i < 5; ++i) {
        const w = s.weights.map((t, p) => t + s.alpha[i] * s.d1[p] + s.beta[j] * s.d2[p]);
        const want = objective(w, train, 0.01);
        assert.ok(Math.abs(s.objective[j][i] - want) <= 2e-5 * Math.max(1, want), `${plane} ${i},${j}`);
        const wantTest = objective(w, test_, 0.01);
        assert.ok(Math.abs(s.test_objective[j][i] - wantTest) <= 2e-5 * Math.max(1, wantTest));
      }
    // The path: epochs 0 … 15, the last one θ* at the centre.
    assert.equal(s.path.length, 16);
    assert.deepEqual(s.path.at(-1), [0, 0]);
  }
});

test('slice: α = 0 and β = 0 are on every grid exactly, even N included', () => {
  const s = JSON.parse(slice(LINK, '--plane', 'random', '--grid', '6', '--span', '0.3', '--format', 'json'));
  assert.equal(s.alpha.length, 6);
  assert.equal(s.alpha[3], 0);
  assert.equal(s.beta[3], 0);
  assert.ok(Math.abs(s.alpha[1] - s.alpha[0] - 0.12) < 1e-15); // 2·0.3/5
  const line = JSON.parse(slice(LINK, '--plane', 'line', '--grid', '9', '--format', 'json'));
  assert.deepEqual(line.alpha, [-0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, 1.25, 1.5]);
  assert.deepEqual(line.beta, [0]);
  assert.deepEqual(line.path.at(-1), [1, 0]);
  assert.ok(Math.abs(line.path[0][0]) < 1e-12); // θ_0 is t = 0
});

test('slice csv: alpha,beta,objective,test_objective, row by row of β', () => {
  const rows = parseCsv(slice(LINK, '--plane', 'random', '--grid', '3'));
  assert.deepEqual(Object.keys(rows[0]), ['alpha', 'beta', 'objective', 'test_objective']);
  assert.equal(rows.length, 9);
  assert.deepEqual(
    rows.map((r) => [Number(r.alpha), Number(r.beta)]),
    [-1, 0, 1].flatMap((b) => [-1, 0, 1].map((a) => [a, b])),
  );
  const json = JSON.parse(slice(LINK, '--plane', 'random', '--grid', '3', '--format', 'json'));
  assert.equal(Number(rows[4].objective), json.objective[1][1]);
});

test('slice: bad arguments exit 2 and name the argument', () => {
  const cases = [
    [['--plane', 'diagonal'], /--plane must be random, pca, hessian, saddle or line, not 'diagonal'/],
    [[], /slice needs --plane/],
    [['--plane', 'random', '--grid', '2'], /--grid must be a whole number 3 … 201, not '2'/],
    [['--plane', 'random', '--grid', '5.5'], /--grid/],
    [['--plane', 'random', '--span', '-1'], /--span must be a number/],
    [['--plane', 'random', '--racer', '3'], /--racer/],
    [['--plane', 'random', '--format', 'xml'], /--format must be csv or json, not 'xml'/],
    [['--plane', 'random', '--colour', 'red'], /unknown option '--colour'/],
  ];
  for (const [args, message] of cases) {
    const result = cli('slice', LINK, ...args);
    assert.equal(result.status, 2, args.join(' '));
    assert.match(result.stderr, message);
  }
  const untrained = cli('slice', 'mode=classify&epochs=0', '--plane', 'pca');
  assert.equal(untrained.status, 2);
  assert.match(untrained.stderr, /pca plane needs a trajectory/);
  const unmoved = cli('slice', 'mode=classify&epochs=0', '--plane', 'line');
  assert.equal(unmoved.status, 2);
  assert.match(unmoved.stderr, /line plane needs weights that moved from the initial ones: train first/);
  const surface = cli('slice', 'mode=surface', '--plane', 'random');
  assert.equal(surface.status, 2);
  assert.match(surface.stderr, /classify-mode state/);
});
