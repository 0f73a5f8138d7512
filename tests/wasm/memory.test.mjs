// Memory: thousands of sessions created, run, read and deleted through the bindings leave the
// wasm heap where it was. heapInUse() counts the bytes of live allocations; the first cycles
// fill the caches that live for the whole module (the catalogue, the expression scratch rows),
// so the measure starts after them. A leak of even a few bytes per cycle shows as thousands of
// bytes here; the allowance below is for the allocator's bookkeeping, not for a leak.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadModule } from './module.mjs';

let m;
before(async () => {
  m = await loadModule();
});

const WARM_UP = 50;
const CYCLES = 2000;
const ALLOWANCE = 4096; // bytes

function heapGrowth(cycle) {
  for (let i = 0; i < WARM_UP; ++i) cycle(i);
  const before = m.heapInUse();
  for (let i = 0; i < CYCLES; ++i) cycle(i);
  return m.heapInUse() - before;
}

test('surface sessions: create, race, draw, analyse, delete 2000 times and the heap is flat', () => {
  const links = [
    'surface=rosenbrock&r=adam(lr:0.01)&r=nesterov(lr:0.0005,sched:cosine,T_max:100)',
    'surface=custom&expr=sin(x)*cos(y)%2B0.1*(x%5E2%2By%5E2)&view=-3,3,-3,3&r=rmsprop(lr:0.01)',
    'surface=himmelblau&r=sgd(lr:0.01,variant:book,momentum:0.9)&r=lion(warmup:10)',
  ];
  const growth = heapGrowth((i) => {
    const session = new m.SurfaceSession(links[i % links.length]);
    session.advance(40);
    session.racer(0);
    session.column(0, 'loss');
    session.renderMap(24, 16, -2, 2, -2, 2);
    session.analyze(0.5, 0.25, 0, 0);
    if (i % 10 === 0) session.criticalPoints(-2, 2, -2, 2);
    session.apply(links[(i + 1) % links.length]);
    session.advance(5);
    session.delete();
  });
  assert.ok(growth <= ALLOWANCE, `the heap grew by ${growth} bytes over ${CYCLES} cycles`);
});

test('classify sessions: create, train, draw, read, delete 2000 times and the heap is flat', () => {
  const links = [
    'mode=classify&data=xor&net=4&epochs=2&r=adam(lr:0.01)',
    'mode=classify&data=spiral&classes=3&net=3,3&compare=loss&epochs=2&r=sgd(lr:0.1)&r=rmsprop',
    'mode=classify&data=plane&features=x,y,xy&net=none&epochs=2&r=adamw(sched:step,step_size:3)',
  ];
  const growth = heapGrowth((i) => {
    const session = new m.ClassifySession(links[i % links.length]);
    session.train(1);
    session.racer(0);
    session.history(0, 0);
    session.confusion(0);
    session.decisionGrid(0, 8);
    session.neuronGrids(0, 4);
    session.parameters(0);
    session.effectiveRates(0);
    session.points(true);
    session.apply(links[(i + 1) % links.length]);
    session.train(1);
    session.delete();
  });
  assert.ok(growth <= ALLOWANCE, `the heap grew by ${growth} bytes over ${CYCLES} cycles`);
});

test('the measure sees a leak: sessions kept alive raise the heap in use', () => {
  const before = m.heapInUse();
  const kept = Array.from({ length: 20 }, () => new m.SurfaceSession('surface=booth&r=gd(lr:0.01)'));
  assert.ok(m.heapInUse() - before > 20 * 1024, 'twenty live sessions hold memory');
  for (const session of kept) session.delete();
});
