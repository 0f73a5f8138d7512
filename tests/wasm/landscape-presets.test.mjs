// The landscape presets' captions (web/classify/presets.ts) against the module the page's worker
// runs: every number a caption quotes is what the page shows for its link (the Landscape
// panel's 61-pixel map and legend, the Critical point panel's λ_max·η_t, the racers' table),
// computed here independently of the page and rounded as the caption prints it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { loadModule, root } from './module.mjs';

let m;
before(async () => {
  m = await loadModule();
});

const presets = readFileSync(join(root, 'web/classify/presets.ts'), 'utf8');
function preset(id) {
  const found = new RegExp(`id: '${id}',\\s*link: '([^']+)'[\\s\\S]*?en: '([^']+)'[\\s\\S]*?en: '([^']+)'`).exec(
    presets,
  );
  assert.ok(found, id);
  return { link: found[1], caption: found[3] };
}
function trained(link, changes = {}) {
  let edited = link;
  for (const [key, value] of Object.entries(changes))
    edited = edited.replace(new RegExp(`${key}=[^&]+`), `${key}=${value}`);
  const session = new m.ClassifySession(edited);
  while (session.train(1));
  return session;
}
// Captions write minus signs as −.
const fixed = (value, digits) => value.toFixed(digits).replace('-', '−');
const percent = (value) => `${(100 * value).toFixed(1)} %`;
const MAP = 61; // LANDSCAPE_PIXELS
// What the caption says, as text: each claim must appear in it.
function claims(caption, ...texts) {
  for (const text of texts) assert.ok(caption.includes(text), `the caption says “${text}”`);
}
function legend(session, plane, span, test = false) {
  const map = session.sliceMap(0, plane, MAP, span, test, false);
  return { map, min: Number(map.min.toPrecision(4)), max: Number(map.max.toPrecision(4)) };
}
const at = (map, span, alpha, beta) => {
  const i = Math.round(((alpha + span) / (2 * span)) * MAP - 0.5);
  const j = Math.round(((span - beta) / (2 * span)) * MAP - 0.5);
  return map.values[j * MAP + i];
};

test('“The landscape of a trained network”', () => {
  const { link, caption } = preset('trained-landscape');
  const s = trained(link);
  const r = s.racer(0);
  const h = s.hessian(0, 1);
  const train = legend(s, 'random', 1);
  const test_ = legend(s, 'random', 1, true);
  claims(
    caption,
    `training loss of ${fixed(r.trainLoss, 3)}`,
    `${Math.round(100 * r.testAcc)} % test accuracy`,
    `J from ${train.min} to ${train.max} over ±1 (log scale)`,
    `‖∇J‖ = ${fixed(h.gradientNorm, 3)}`,
    `${fixed(r.testLoss, 3)} at θ*, lowest ${fixed(test_.map.min, 3)}`,
  );
  assert.ok(train.map.logScale);
  assert.ok(train.map.min < at(train.map, 1, 0, 0), 'the floor is off-centre');
  s.delete();
});

test('“Where the optimizer went (PCA plane)”', () => {
  const { link, caption } = preset('pca-path');
  const s = trained(link);
  const { map, min, max } = legend(s, 'pca', 12);
  const start = map.paths[0];
  claims(
    caption,
    `starts at (α, β) = (${fixed(start[0], 1)}, ${fixed(start[1], 1)})`,
    `J = ${fixed(s.racer(0).trainLoss, 3)}`,
    `J from ${min} to ${max} over ±12`,
    `training loss of ${fixed(s.racer(1).trainLoss, 4)} and ${Math.round(100 * s.racer(1).testAcc)} % test accuracy`,
  );
  // Momentum's path on Adam's plane does not end at the centre.
  const other = map.paths[1];
  assert.ok(Math.hypot(other.at(-2), other.at(-1)) > 1);
  s.delete();
});

test('“A saddle of a real network”', () => {
  const { link, caption } = preset('real-saddle');
  const s = trained(link);
  const h = s.hessian(0, 1);
  const { map, min, max } = legend(s, 'saddle', 2);
  const centre = at(map, 2, 0, 0);
  claims(
    caption,
    `training loss of ${fixed(s.racer(0).trainLoss, 3)}`,
    `λ_max = ${fixed(h.eigenvalues.at(-1), 3)}`,
    `λ_min = ${fixed(h.eigenvalues[0], 3)}`,
    `J = ${fixed(centre, 3)} at θ*`,
    `J from ${min} to ${max}`,
  );
  // Up along α, down along β (the pixels nearest to ±1).
  for (const a of [-1, 1]) assert.ok(Math.abs(at(map, 2, a, 0) - 1.05) < 0.02 && at(map, 2, a, 0) > centre);
  for (const b of [-1, 1]) assert.ok(Math.abs(at(map, 2, 0, b) - 0.67) < 0.01 && at(map, 2, 0, b) < centre);
  s.delete();
});

test('“Sharp or flat: batch 1 vs full batch”', () => {
  const { link, caption } = preset('sharp-or-flat');
  const small = trained(link);
  const full = trained(link, { batch: 250 });
  const hs = small.hessian(0, 1);
  const hf = full.hessian(0, 1);
  claims(
    caption,
    `stops at epoch ${small.racer(0).epoch} with λ_max = ${fixed(hs.eigenvalues.at(-1), 2)} (λ_max·η_t = ${fixed(hs.lambdaMaxLr, 3)}`,
    `from ${legend(small, 'hessian', 1).min} to ${legend(small, 'hessian', 1).max}`,
    `needs ${full.racer(0).epoch} epochs`,
    `λ_max = ${fixed(hf.eigenvalues.at(-1), 2)} (λ_max·η_t = ${fixed(hf.lambdaMaxLr, 3)})`,
    `climbs to ${legend(full, 'hessian', 1).max}`,
    `${percent(small.racer(0).testAcc)} with batch 1, ${percent(full.racer(0).testAcc)} with the full batch`,
  );
  assert.equal(Math.round(hf.eigenvalues.at(-1) / hs.eigenvalues.at(-1)), 3, 'three times sharper');
  small.delete();
  full.delete();
});

test('“Big batch, small batch”', () => {
  const { link, caption } = preset('big-batch-small-batch');
  const small = trained(link);
  const full = trained(link, { batch: 250 });
  const hs = small.hessian(0, 1);
  const hf = full.hessian(0, 1);
  claims(
    caption,
    `training loss ${fixed(small.racer(0).trainLoss, 4)}, test accuracy ${percent(small.racer(0).testAcc)}`,
    `λ_max·η_t = ${fixed(hs.lambdaMaxLr, 4)} (λ_max = ${fixed(hs.eigenvalues.at(-1), 3)})`,
    `training loss at ${fixed(full.racer(0).trainLoss, 3)} and test accuracy at ${percent(full.racer(0).testAcc)}`,
    `λ_max·η_t = ${fixed(hf.lambdaMaxLr, 3)} (λ_max = ${fixed(hf.eigenvalues.at(-1), 2)})`,
  );
  assert.equal(Math.round(hf.eigenvalues.at(-1) / hs.eigenvalues.at(-1)), 12, 'twelve times sharper');
  assert.equal(small.racer(0).updates, 75000);
  assert.equal(full.racer(0).updates, 300);
  small.delete();
  full.delete();
});
