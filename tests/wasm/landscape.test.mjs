// The loss landscape in wasm (the page's worker) against the native CLI: the same link gives
// the same grid, bit for bit, on every plane; the page's map is J at its pixel centres, paths
// end at the centre and grow with projectRacers, and bad requests are JavaScript Errors.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { cli, loadModule } from './module.mjs';

let m;
before(async () => {
  m = await loadModule();
});

const LINK = 'mode=classify&data=circle&epochs=12&net=4,2&r=adam(lr:0.03)&r=sgd(lr:0.1)';

function trained(link) {
  const session = new m.ClassifySession(link);
  while (session.train(1));
  return session;
}

test('slice: the wasm grid equals playground slice’s, bit for bit, on every plane', () => {
  const session = trained(LINK);
  for (const plane of ['random', 'pca', 'hessian', 'saddle', 'line']) {
    for (const racer of [0, 1]) {
      const result = cli('slice', LINK, '--plane', plane, '--racer', String(racer), '--grid', '7', '--format', 'json');
      assert.equal(result.status, 0, result.stderr);
      const theirs = JSON.parse(result.stdout);
      const mine = session.slice(racer, plane, 7, 1, true, true);
      assert.deepEqual([...mine.alpha], theirs.alpha);
      assert.deepEqual([...mine.beta], theirs.beta);
      assert.deepEqual([...mine.objective], theirs.objective.flat(), `${plane} ${racer}`);
      assert.deepEqual([...mine.testObjective], theirs.test_objective.flat());
      assert.deepEqual([...mine.path], theirs.path.flat());
    }
  }
  session.delete();
});

test('sliceMap: J at the pixel centres of [−span, span]², paths ending at the centre', () => {
  const session = trained(LINK);
  const map = session.sliceMap(0, 'random', 21, 0.5, false, false);
  assert.equal(map.rgba.length, 21 * 21 * 4);
  assert.equal(map.values.length, 21 * 21);
  // Pixel (10, 10) is the centre (α, β) = (0, 0): the racer's own training objective.
  const grid = session.slice(0, 'random', 3, 0.5, true, false);
  assert.equal(map.values[10 * 21 + 10], grid.objective[4]);
  // Pixel (0, 0) is at α = −0.5 + ½·(1/21), β = 0.5 − ½·(1/21): the slice at those coordinates.
  assert.ok(map.min <= map.values[0] && map.values[0] <= map.max);
  assert.equal(map.paths.length, 2);
  const own = map.paths[0];
  assert.equal(own.length, 2 * 13); // epochs 0 … 12
  assert.deepEqual([...own.slice(-2)], [0, 0]);
  // The other racer's path is projected on racer 0's plane: it does not end at the centre.
  assert.notDeepEqual([...map.paths[1].slice(-2)], [0, 0]);
  // Current points: racer 0 at the centre until it moves.
  assert.deepEqual([...session.projectRacers().slice(0, 2)], [0, 0]);
  session.train(1); // finished: no change
  const line = session.sliceMap(0, 'line', 9, 1, true, false);
  assert.deepEqual([...line.t], [-0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, 1.25, 1.5]);
  assert.equal(line.values.length, 9);
  assert.deepEqual([...line.paths[0].slice(-2)], [1, 0]);
  session.delete();
});

test('slice requests: unknown plane, bad grid, untrained pca are Errors with the reason', () => {
  const session = new m.ClassifySession('mode=classify&data=xor&epochs=3');
  assert.throws(() => session.slice(0, 'diagonal', 5, 1, true, true), /unknown landscape plane 'diagonal'/);
  assert.throws(() => session.slice(0, 'random', 1, 1, true, true), /grid/);
  assert.throws(() => session.sliceMap(0, 'random', 1, 1, false, false), /pixels/);
  assert.throws(() => session.sliceMap(0, 'pca', 20, 1, false, false), /pca plane needs/);
  assert.throws(() => session.slice(3, 'random', 5, 1, true, true), /no racer 3/);
  session.delete();
});
