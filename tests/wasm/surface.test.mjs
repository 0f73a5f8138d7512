// The wasm module against the native CLI: the same link gives the same numbers, bit for bit;
// and the module's codec, catalogue and errors behave as the page relies on.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { cli, loadModule, parseCsv } from './module.mjs';

let m;
before(async () => {
  m = await loadModule();
});

const RACE =
  'surface=rosenbrock&steps=200&r=adam(lr:0.01)&r=nesterov(lr:0.0005)' +
  '&r=rmsprop(lr:0.001,centered:true,sched:cosine,T_max:150,warmup:20)&r=adagrad(lr:0.5,variant:book)';

test('a short race gives bit-identical positions in wasm and in the native CLI', () => {
  const result = cli('run', RACE);
  assert.equal(result.status, 0, result.stderr);
  const rows = parseCsv(result.stdout);
  assert.equal(rows.length, 4 * 201);
  const session = new m.SurfaceSession(RACE);
  for (let step = 1; step <= 200; ++step) {
    session.advance(1);
    for (let r = 0; r < 4; ++r) {
      const row = rows[r * 201 + step];
      const racer = session.racer(r);
      assert.equal(row.step, step);
      assert.equal(racer.x, row.x, `racer ${r} x at step ${step}`);
      assert.equal(racer.y, row.y, `racer ${r} y at step ${step}`);
      assert.equal(racer.loss, row.loss, `racer ${r} loss at step ${step}`);
      assert.equal(racer.nextRate, row.lr, `racer ${r} lr at step ${step}`);
    }
  }
  session.delete();
});

test('mini-batches and noise: wasm and the native CLI draw the same numbers, bit for bit', () => {
  const link =
    'steps=300&seed=11&r=gd(lr:1e-7,batch:1)&r=adam(lr:0.3,batch:3,noise:5000)' +
    '&r=adagrad(lr:1,variant:book,batch:7)&r=adam(lr:0.3,noise:20000)&r=gd(lr:1e-7)';
  const result = cli('run', link);
  assert.equal(result.status, 0, result.stderr);
  const rows = parseCsv(result.stdout);
  const session = new m.SurfaceSession(link);
  session.advance(300);
  for (let r = 0; r < 5; ++r) {
    const expected = rows.filter((row) => row.racer === r);
    const columns = Object.fromEntries(
      ['x', 'y', 'loss', 'grad_norm', 'sample_grad_norm'].map((c) => [c, session.column(r, c).slice()]),
    );
    assert.equal(expected.length, 301);
    assert.equal(columns.x.length, 301);
    for (let k = 0; k <= 300; ++k)
      for (const c of Object.keys(columns)) assert.equal(columns[c][k], expected[k][c], `racer ${r} ${c} at step ${k}`);
  }
  // The last racer is plain: the gradient its update used is ∇f itself.
  const plain = session.racer(4);
  assert.deepEqual([plain.usedX, plain.usedY], [plain.exactX, plain.exactY]);
  const noisy = session.racer(3);
  assert.notEqual(noisy.usedX, noisy.exactX);
  session.delete();
});

test('trajectory columns hold every recorded point', () => {
  const session = new m.SurfaceSession('surface=booth&r=gd(lr:0.01)&steps=50');
  session.advance(50);
  const steps = session.column(0, 'steps').slice();
  const xs = session.column(0, 'x').slice();
  assert.equal(steps.length, 51);
  assert.equal(steps[50], 50);
  assert.equal(xs[0], -8); // booth's start
  assert.throws(() => session.column(0, 'z'), /unknown trajectory column 'z'/);
  assert.throws(() => session.racer(3), /no racer 3/);
  session.delete();
});

test('the codec reports problems in both languages, and edits go through it', () => {
  const parsed = JSON.parse(m.parseState('surface=rosenbrok&r=adam(lr:-1)'));
  assert.deepEqual(
    parsed.problems.map((p) => p.key),
    ['surface', 'r[1].lr'],
  );
  assert.match(parsed.problems[0].reason.en, /did you mean 'rosenbrock'/);
  assert.match(parsed.problems[0].reason.zh, /rosenbrock/);
  assert.equal(parsed.link, 'r=adam&seed=1');

  const edited = JSON.parse(m.setRacerValue(parsed.link, 0, 'lr', '0.05'));
  assert.deepEqual(edited.problems, []);
  assert.equal(edited.link, 'r=adam(lr:0.05)&seed=1');
  const refused = JSON.parse(m.setRacerValue(edited.link, 0, 'beta1', '1.5'));
  assert.equal(refused.problems.length, 1);
  assert.equal(refused.link, edited.link);
});

test('the catalogue read one section at a time (as the page does at start-up) is the whole catalogue', () => {
  const whole = JSON.parse(m.catalogue());
  const sections = Object.keys(whole);
  // The catalogue's parts as docs/reference.md and web/core.ts's Catalogue name them.
  const expected = [
    'activations',
    'batch',
    'classify_params',
    'datasets',
    'features',
    'limits',
    'losses',
    'noise',
    'optimizers',
    'panels',
    'regularizations',
    'schedules',
    'surfaces',
    'warmup',
    'warmup_formula',
  ];
  assert.deepEqual([...sections].sort(), expected);
  for (const section of sections) assert.deepEqual(JSON.parse(m.catalogueSection(section)), whole[section], section);
  assert.throws(() => m.catalogueSection('planets'), /no section 'planets'/);
});

test('canonicalLink writes a link as parseState does', () => {
  for (const link of ['', 'r=momentum(momentum:0.9,lr:0.01)&surface=rosenbrock', 'mode=classify&seed=3&data=xor'])
    assert.equal(m.canonicalLink(link, ''), JSON.parse(m.parseState(link)).link);
});

test('the catalogue lists every surface, optimizer and schedule of the reference', () => {
  const catalogue = JSON.parse(m.catalogue());
  const surfaces = catalogue.surfaces.map((s) => s.name);
  for (const name of [
    'book-regression',
    'book-saddle',
    'book-ce',
    'book-mse',
    'rosenbrock',
    'banana',
    'beale',
    'himmelblau',
    'rastrigin',
    'ackley',
    'booth',
    'matyas',
    'goldstein-price',
    'ellipse',
    'saddle',
    'monkey-saddle',
    'two-wells',
  ])
    assert.ok(surfaces.includes(name), name);
  const optimizers = catalogue.optimizers.map((o) => o.name);
  for (const name of [
    'sgd',
    'adagrad',
    'rmsprop',
    'adam',
    'adamw',
    'adamax',
    'nadam',
    'radam',
    'adadelta',
    'lion',
    'gd',
    'momentum',
    'nesterov',
  ])
    assert.ok(optimizers.includes(name), name);
  const schedules = catalogue.schedules.map((s) => s.name);
  for (const name of [
    'constant',
    'step',
    'multistep',
    'exponential',
    'invsqrt',
    'invtime',
    'linear',
    'polynomial',
    'cosine',
    'cosine-restarts',
    'onecycle',
    'cyclic',
    'noam',
  ])
    assert.ok(schedules.includes(name), name);
  const adam = catalogue.optimizers.find((o) => o.name === 'adam');
  const lr = adam.params.find((p) => p.name === 'lr');
  assert.equal(lr.default, 0.001); // PyTorch's default
  assert.equal(lr.min, 0);
  assert.equal(lr.min_open, true);
});

test('C++ errors arrive as JavaScript Errors with their message', () => {
  assert.throws(
    () => new m.SurfaceSession('mode=classify'),
    (e) => e instanceof Error && /surface-mode link/.test(e.message),
  );
  const session = new m.SurfaceSession('');
  assert.throws(() => session.renderMap(0, 10, 0, 1, 0, 1), /map size/);
  assert.throws(() => session.advance(-1), /updates must be/);
  session.delete();
});

test('the map of a custom expression marks where it is undefined', () => {
  const link = JSON.parse(m.parseState('surface=custom&expr=log(x)%2By%5E2&view=-1,1,-1,1')).link;
  const session = new m.SurfaceSession(link);
  const map = session.renderMap(20, 20, -1, 1, -1, 1);
  const rgba = map.rgba.slice();
  // Left half (x < 0): log of a negative number is undefined, painted in grey stripes (r = g = b).
  const left = (10 * 20 + 2) * 4;
  assert.equal(rgba[left], rgba[left + 1]);
  assert.equal(rgba[left + 1], rgba[left + 2]);
  assert.ok(Number.isFinite(map.min) && Number.isFinite(map.max));
  session.delete();
});

test('scheduleRates: η_t of a racer’s schedule at evenly spread updates (the racers panel’s preview)', () => {
  // invsqrt: η0/√(t+1) at t = 0, 25, 50, 75, 100.
  const invsqrt = m.scheduleRates('adagrad(lr:2,variant:book,sched:invsqrt)', 100, 5);
  assert.ok(invsqrt instanceof Float64Array);
  for (const [k, t] of [0, 25, 50, 75, 100].entries())
    assert.ok(Math.abs(invsqrt[k] - 2 / Math.sqrt(t + 1)) < 1e-15, `t = ${t}`);
  // warmup:10 on a constant rate: η0·(t+1)/10 for t < 10, then η0.
  assert.deepEqual([...m.scheduleRates('sgd(lr:0.5,warmup:10)', 20, 3)], [0.05, 0.5, 0.5]);
  // Aliases and defaults come from the catalogue: adam's default lr is 0.001.
  assert.deepEqual([...m.scheduleRates('adam', 10, 2)], [0.001, 0.001]);
  assert.throws(() => m.scheduleRates('adma(lr:1)', 10, 2), /not a valid racer/);
  assert.throws(() => m.scheduleRates('adam', 10, 1), /count/);
});

test('a link whose %-escapes decode to invalid UTF-8 still parses; the problem quotes it with U+FFFD', () => {
  const result = JSON.parse(m.parseState('surface=booth&%ff%fe=1&r=adam(lr:%c3)'));
  assert.equal(result.link, 'surface=booth&seed=1&r=adam'.replace('&seed=1&r=adam', '&r=adam&seed=1'));
  assert.ok(result.problems.length >= 2);
  assert.ok(
    result.problems.some((p) => p.key.includes('\ufffd')),
    JSON.stringify(result.problems),
  );
});
