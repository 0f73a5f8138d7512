// docs/maths.md is generated from the core's catalogue and never edited by hand: it must be
// exactly what `playground list --format markdown` prints today.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { cli, root } from '../wasm/module.mjs';

test('docs/maths.md is the current generation of playground list --format markdown', () => {
  const fresh = cli('list', '--format', 'markdown');
  assert.equal(fresh.status, 0, fresh.stderr);
  const committed = readFileSync(join(root, 'docs/maths.md'), 'utf8');
  assert.ok(
    committed === fresh.stdout,
    'docs/maths.md is stale: run build/native/playground list --format markdown > docs/maths.md',
  );
});

test('maths.md gives every optimizer and schedule its formula and PyTorch name', () => {
  const catalogue = JSON.parse(cli('list', '--format', 'json').stdout);
  const maths = readFileSync(join(root, 'docs/maths.md'), 'utf8');
  for (const o of catalogue.optimizers.filter((o) => !o.alias_of)) {
    const section = maths.split(`\n### ${o.name}\n`)[1]?.split('\n### ')[0] ?? '';
    assert.ok(section.includes(o.formula_m), `${o.name}: m`);
    assert.ok(section.includes(o.formula_sigma), `${o.name}: σ`);
    if (o.torch) assert.ok(section.includes(`\`${o.torch}\``), `${o.name}: PyTorch`);
  }
  for (const s of catalogue.schedules) {
    const section = maths.split(`\n### ${s.name}\n`)[1]?.split('\n### ')[0] ?? '';
    assert.ok(section.includes(`$$\n${s.formula}\n$$`), `${s.name}: formula`);
  }
});
