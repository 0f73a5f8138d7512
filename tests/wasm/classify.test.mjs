// Classify mode in wasm against the native CLI: the same link gives identical numbers (the
// core's own elementary functions and PRNG make native and wasm runs bit-identical).
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { cli, loadModule, parseCsv } from './module.mjs';

let m;
before(async () => {
  m = await loadModule();
});

const LINK =
  'mode=classify&data=spiral&classes=3&noise=10&net=8,8&act=relu&epochs=12&seed=7' +
  '&r=adam(lr:0.01)&r=sgd(lr:0.1,momentum:0.9,sched:cosine,T_max:300)&r=rmsprop(lr:0.003)';

test('a classify link trains to identical metrics in wasm and in the native CLI', () => {
  const result = cli('run', LINK);
  assert.equal(result.status, 0, result.stderr);
  const rows = parseCsv(result.stdout);
  assert.equal(rows.length, 3 * 13);
  const session = new m.ClassifySession(LINK);
  assert.equal(session.racerCount(), 3);
  assert.equal(session.classes(), 3);
  while (session.train(1));
  for (let r = 0; r < 3; ++r) {
    const history = session.history(r, 0);
    assert.equal(history.length, 13 * 7);
    for (let epoch = 0; epoch <= 12; ++epoch) {
      const row = rows[r * 13 + epoch];
      const at = epoch * 7;
      assert.equal(history[at], row.epoch);
      assert.equal(history[at + 1], row.train_loss, `racer ${r} train loss at epoch ${epoch}`);
      assert.equal(history[at + 2], row.test_loss, `racer ${r} test loss at epoch ${epoch}`);
      assert.equal(history[at + 3], row.train_acc);
      assert.equal(history[at + 4], row.test_acc);
      assert.equal(history[at + 5], row.lr);
    }
  }
  session.delete();
});

test('a racer’s status: the CLI’s words, and the same in Chinese', () => {
  // sgd at lr 1e300 on linear regression overflows within epoch 1 (see tests/cli); adam trains on.
  const link = 'mode=classify&data=plane&net=none&epochs=3&r=sgd(lr:1e300)&r=adam(lr:0.01)';
  const printed = JSON.parse(cli('run', link, '--format', 'json').stdout).racers.map((r) => r.status);
  const session = new m.ClassifySession(link);
  assert.deepEqual(session.racer(1).statusText, { en: 'running', zh: '运行中' });
  while (session.train(1));
  const statuses = [0, 1].map((i) => session.racer(i).statusText);
  assert.deepEqual(
    statuses.map((s) => s.en),
    printed,
  );
  assert.deepEqual(statuses, [
    { en: 'diverged at epoch 1', zh: '在第 1 个回合发散' },
    { en: 'epoch limit reached', zh: '已达回合上限' },
  ]);
  session.delete();
});

test('the same link twice gives the same output, another seed other data', () => {
  const first = cli('run', LINK);
  const second = cli('run', LINK);
  assert.equal(first.stdout, second.stdout);
  const other = cli('run', LINK.replace('seed=7', 'seed=8'));
  assert.notEqual(other.stdout, first.stdout);
  const a = new m.ClassifySession(LINK);
  const b = new m.ClassifySession(LINK.replace('seed=7', 'seed=8'));
  assert.notDeepEqual(a.points(false).slice(0, 6), b.points(false).slice(0, 6));
  a.delete();
  b.delete();
});

test('grids for drawing: probabilities per class sum to one, no NaN', () => {
  const session = new m.ClassifySession(LINK);
  session.train(3);
  const grid = session.decisionGrid(0, 100).slice();
  assert.equal(grid.length, 100 * 100 * 3);
  for (let p = 0; p < 100 * 100; p += 97) {
    const sum = grid[3 * p] + grid[3 * p + 1] + grid[3 * p + 2];
    assert.ok(Math.abs(sum - 1) < 1e-5, `sum ${sum} at ${p}`);
  }
  const count = session.neuronGridCount();
  assert.equal(count, 2 + 8 + 8); // features x, y and two hidden layers of 8
  const neurons = session.neuronGrids(0, 10).slice();
  assert.equal(neurons.length, count * 100);
  assert.ok(neurons.every(Number.isFinite));
  assert.deepEqual(session.layerSizes(), [2, 8, 8, 3]);
  assert.equal(session.parameters(0).length, 2 * 8 + 8 + 8 * 8 + 8 + 8 * 3 + 3);
  assert.equal(session.effectiveRates(0).length, session.parameters(0).length);
  const confusion = session.confusion(0).slice();
  assert.equal(confusion.length, 9);
  assert.equal(
    confusion.reduce((a, b) => a + b, 0),
    session.points(true).length / 3,
  );
  session.delete();
});

test('bad input arrives as Errors, not crashes', () => {
  assert.throws(() => new m.ClassifySession('surface=beale'), /classify-mode link/);
  const session = new m.ClassifySession('mode=classify');
  assert.throws(() => session.decisionGrid(0, 0), /grid size/);
  assert.throws(() => session.racer(5), /no racer 5/);
  assert.throws(() => session.train(-1), /epochs must be/);
  session.delete();
});

test('compare=loss: the wasm session has a racer per loss, numbered as the CLI prints them', () => {
  const link =
    'mode=classify&data=blobs&classes=4&net=5&epochs=4&compare=loss&seed=2' + '&r=sgd(lr:0.2)&r=adam(lr:0.01)';
  const rows = parseCsv(cli('run', link).stdout);
  const session = new m.ClassifySession(link);
  assert.equal(session.racerCount(), 4);
  assert.deepEqual(
    [0, 1, 2, 3].map((i) => session.loss(i)),
    ['ce', 'ce', 'mse', 'mse'],
  );
  assert.deepEqual(
    [0, 1, 2, 3].map((i) => session.linkRacer(i)),
    [0, 1, 0, 1],
  );
  while (session.train(1));
  for (let r = 0; r < 4; ++r) {
    const history = session.history(r, 0);
    for (let epoch = 0; epoch <= 4; ++epoch) {
      assert.equal(history[epoch * 7 + 1], rows[r * 5 + epoch].train_loss, `racer ${r} epoch ${epoch}`);
      assert.equal(history[epoch * 7 + 4], rows[r * 5 + epoch].test_acc);
    }
  }
  // A new rate continues; dropping the comparison starts over.
  assert.equal(session.apply(link.replace('sgd(lr:0.2)', 'sgd(lr:0.1)')), false);
  assert.equal(session.racer(0).epoch, 4);
  assert.equal(session.apply(link.replace('&compare=loss', '')), true);
  assert.equal(session.racerCount(), 2);
  assert.equal(session.racer(0).epoch, 0);
  session.restart();
  assert.equal(session.racer(1).epoch, 0);
  session.delete();
});

test('every dataset gives the same data and numbers in wasm and in the native CLI', () => {
  const catalogue = JSON.parse(m.catalogue());
  for (const { name } of catalogue.datasets) {
    const data = name === 'drawn' ? 'drawn&classes=3&points=1,1,0;-2,3,1;4,-4,2;0.5,-1,0;-3,-3,2;2,2,1' : name;
    const link = `mode=classify&data=${data}&noise=20&net=3&epochs=2&seed=9`;
    const rows = parseCsv(cli('run', link).stdout);
    const session = new m.ClassifySession(link);
    while (session.train(1));
    const history = session.history(0, 0);
    for (let epoch = 0; epoch <= 2; ++epoch) {
      assert.equal(history[epoch * 7 + 1], rows[epoch].train_loss, `${name}: train loss at epoch ${epoch}`);
      assert.equal(history[epoch * 7 + 2], rows[epoch].test_loss, `${name}: test loss at epoch ${epoch}`);
    }
    session.delete();
  }
});

test('the parameter layout of docs/reference.md, as the network reports it', () => {
  // Inputs x, y; hidden 3 and 2; K = 2 outputs. Worked by hand from the layout's rule:
  // W1 3×2 at 0, b1 at 6; W2 2×3 at 9, b2 at 15; W3 2×2 at 17, b3 at 21; 23 parameters.
  const session = new m.ClassifySession('mode=classify&data=circle&net=3,2');
  assert.deepEqual(session.parameterLayout(), [
    { weights: 0, biases: 6, rows: 3, columns: 2 },
    { weights: 9, biases: 15, rows: 2, columns: 3 },
    { weights: 17, biases: 21, rows: 2, columns: 2 },
  ]);
  assert.equal(session.parameters(0).length, 23);
  session.delete();
});
