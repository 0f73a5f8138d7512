// The module's torchScript: 1,000 random valid links, grown from the codec fuzzer's corpus
// (tests/fuzz/corpus) by random edits through the codec itself, each get a script that Python
// compiles (`py_compile`, all in one process) or a refusal that names the reason in both
// languages. And the module writes the CLI's script, byte for byte.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { cli, loadModule, root } from './module.mjs';

const python = process.env.PYTHON ?? '/usr/bin/python3';
let m;
let catalogue;

before(async () => {
  m = await loadModule();
  catalogue = JSON.parse(m.catalogue());
});

// A small seeded generator (mulberry32), so the 1,000 links are the same on every run.
function generator(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(next() * list.length)];
  return { next, pick, chance: (p) => next() < p, integer: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)) };
}

const corpus = (folder) =>
  readdirSync(join(root, 'tests/fuzz/corpus', folder)).map((name) =>
    readFileSync(join(root, 'tests/fuzz/corpus', folder, name), 'utf8'),
  );

// Random expressions over every operation of the language, depth-limited.
function expression(g, depth) {
  if (depth === 0 || g.chance(0.25))
    return g.pick(['x', 'y', 'pi', 'e', String(g.integer(0, 9)), (g.next() * 4 - 2).toFixed(3), '.5']);
  const a = () => expression(g, depth - 1);
  switch (g.integer(0, 5)) {
    case 0:
      return `${g.pick(['sin', 'cos', 'tan', 'exp', 'log', 'sqrt', 'abs', 'tanh', 'sigmoid'])}(${a()})`;
    case 1:
      return `${g.pick(['min', 'max', 'pow'])}(${a()}, ${a()})`;
    case 2:
      return `-${a()}`;
    case 3:
      return `(${a()})^${g.pick(['2', '3', '-1', '0.5', '1.5', 'y', String(g.integer(-4, 1100))])}`;
    default:
      return `(${a()} ${g.pick(['+', '-', '*', '/'])} ${a()})`;
  }
}

// A value of a parameter spec, in link syntax: its default, a bound, or a number inside.
function value(g, spec) {
  if (spec.kind === 'boolean') return g.pick(['true', 'false']);
  if (spec.kind === 'choice') return g.pick(spec.choices);
  if (spec.kind === 'integer_list') {
    const list = [];
    for (let v = g.integer(1, 50); list.length < g.integer(1, 4); v += g.integer(1, 100)) list.push(v);
    return list.join('/');
  }
  const lo = spec.min ?? -10;
  const hi = spec.max ?? Math.max(lo + 10, 10);
  if (spec.kind === 'integer') return String(g.integer(Math.ceil(lo), Math.min(hi, lo + 400)));
  if (g.chance(0.2)) return String(spec.min_open || spec.min === null ? hi : lo);
  const x = g.chance(0.5) ? lo + (Math.min(hi, lo + 10) - lo) * g.next() : 10 ** (g.next() * 8 - 6);
  return String(Math.min(hi, Math.max(lo, x)));
}

function racerText(g, mode) {
  const optimizer = g.pick(catalogue.optimizers);
  const parts = [];
  for (const spec of optimizer.params) if (g.chance(0.4)) parts.push(`${spec.name}:${value(g, spec)}`);
  if (g.chance(0.6)) {
    const schedule = g.pick(catalogue.schedules);
    parts.push(`sched:${schedule.name}`);
    for (const spec of schedule.params) if (g.chance(0.5)) parts.push(`${spec.name}:${value(g, spec)}`);
  }
  if (g.chance(0.3)) parts.push(`warmup:${g.integer(1, 50)}`);
  if (mode === 'surface' && g.chance(0.3)) parts.push(`noise:${g.next() * 3}`);
  if (mode === 'surface' && g.chance(0.3)) parts.push(`batch:${g.integer(1, 10)}`);
  return `${optimizer.name}(${parts.join(',')})`;
}

// Applies an edit through the codec; an edit with a problem is dropped, so the link stays valid.
function edit(link, apply) {
  const result = JSON.parse(apply(link));
  return result.problems.length === 0 ? result.link : link;
}

function randomLink(g, bases, expressions) {
  let link = JSON.parse(m.parseState(g.pick(bases))).link; // the corpus link's valid part
  const mode = JSON.parse(m.parseState(link)).state.mode;
  const set = (key, text) => {
    link = edit(link, (l) => m.setValue(l, key, text));
  };
  if (mode === 'surface') {
    if (g.chance(0.5)) set('expr', g.chance(0.5) ? g.pick(expressions) : expression(g, g.integer(1, 6)));
    else set('surface', g.pick(catalogue.surfaces).name);
    if (g.chance(0.3)) set('start', `${g.next() * 4 - 2},${g.next() * 4 - 2}`);
    set('steps', String(g.integer(1, 300)));
  } else {
    set('data', g.pick(catalogue.datasets).name);
    if (g.chance(0.5)) set('act', g.pick(catalogue.activations).name);
    if (g.chance(0.5)) set('loss', g.pick(catalogue.losses).name);
    if (g.chance(0.5)) set('reg', g.pick(catalogue.regularizations).name);
    if (g.chance(0.5)) set('reg_rate', String(g.next() / 10));
    if (g.chance(0.5)) set('net', g.pick(['none', '1', '8,8', '3,2,4', '32']));
    if (g.chance(0.5)) set('features', g.pick(['x', 'x,y,xy', 'x2,y2,sinx,siny', 'x,y,x2,y2,xy,sinx,siny']));
    if (g.chance(0.3)) set('compare', 'loss');
    if (g.chance(0.3)) set('classes', String(g.integer(2, 8)));
    set('epochs', String(g.integer(0, 50)));
  }
  const racers = g.integer(1, 4);
  for (let i = 0; i < racers; ++i) link = edit(link, (l) => m.setRacer(l, i, racerText(g, mode)));
  return link;
}

test('1,000 random valid links: every script compiles, or the link is refused with a reason', () => {
  const g = generator(23);
  const bases = corpus('state');
  const expressions = corpus('expression').filter((text) => JSON.parse(m.checkExpression(text)).ok);
  const work = mkdtempSync(join(tmpdir(), 'torch-compile-'));
  try {
    const files = [];
    const refused = [];
    const kinds = new Set();
    for (let i = 0; i < 1000; ++i) {
      const link = randomLink(g, bases, expressions);
      assert.deepEqual(JSON.parse(m.parseState(link)).problems, [], link);
      kinds.add(JSON.parse(m.parseState(link)).state.mode);
      const result = JSON.parse(m.torchScript(link, i % 2 ? 'zh' : 'en'));
      if (!result.ok) {
        assert.ok(result.refusal.en.length > 10 && result.refusal.zh.length > 5, `${link}: a reason`);
        refused.push(result.refusal.en);
        continue;
      }
      assert.equal(result.refusal.en, '');
      assert.match(result.fileName, /^playground_[a-z_]+\.py$/);
      const path = join(work, `${i}.py`);
      writeFileSync(path, result.script);
      files.push(path);
    }
    assert.deepEqual([...kinds].sort(), ['classify', 'surface']);
    // Refused: an optimizer or schedule the translator does not know yet (catalogue rows added
    // before their PyTorch row), and the rare onecycle whose rise is one update long. Nothing else.
    const unexpected = refused.filter(
      (reason) => !/has no PyTorch translation yet|^onecycle with pct_start·total_steps = 1/.test(reason),
    );
    assert.deepEqual(unexpected, []);
    assert.ok(files.length >= 200, `${files.length} scripts, ${refused.length} refused`);
    writeFileSync(join(work, 'files.txt'), files.join('\n'));
    const compile = spawnSync(
      python,
      [
        '-c',
        'import py_compile, sys\n' +
          'failed = 0\n' +
          'for path in open(sys.argv[1]).read().split("\\n"):\n' +
          '    try:\n' +
          '        py_compile.compile(path, doraise=True)\n' +
          '    except py_compile.PyCompileError as error:\n' +
          '        failed += 1\n' +
          '        print(error.msg)\n' +
          'sys.exit(1 if failed else 0)\n',
        join(work, 'files.txt'),
      ],
      { encoding: 'utf8' },
    );
    assert.equal(compile.status, 0, compile.stdout + compile.stderr);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('a link PyTorch cannot express is refused, naming the feature, in both languages', () => {
  const onecycle = JSON.parse(m.torchScript('surface=booth&r=adam(sched:onecycle,total_steps:10,pct_start:0.1)', ''));
  assert.equal(onecycle.ok, false);
  assert.match(onecycle.refusal.en, /onecycle with pct_start·total_steps = 1: PyTorch's OneCycleLR divides by zero/);
  assert.match(onecycle.refusal.zh, /OneCycleLR 在这里会除以零/);
  const bad = JSON.parse(m.torchScript('surface=rosenbrok', ''));
  assert.equal(bad.ok, false, 'a link with a problem is no script either');
  assert.match(bad.refusal.en, /^surface=rosenbrok: unknown surface/);
  const refused = cli('torch', 'surface=booth&r=adam(sched:onecycle,total_steps:10,pct_start:0.1)');
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /^playground: no PyTorch script for this link: onecycle with/);
  const french = cli('torch', 'surface=booth', '--lang', 'fr');
  assert.equal(french.status, 2);
  assert.match(french.stderr, /--lang must be en or zh, not 'fr'/);
  assert.equal(cli('torch', 'surface=rosenbrok').status, 2, 'a link with a problem is refused by the CLI too');
  // What torch.optim refuses but the script can write out is written out: Nesterov with dampening.
  const nesterov = JSON.parse(m.torchScript('surface=booth&r=sgd(momentum:0.9,nesterov:true,dampening:0.5)', ''));
  assert.equal(nesterov.ok, true);
  assert.match(nesterov.script, /lambda params: DampenedNesterovSGD\(params, lr=0\.001, momentum=0\.9, dampening=0\.5/);
});

test("the module's script is the CLI's, byte for byte, in both languages", () => {
  const links = [
    'surface=rosenbrock&steps=10&r=adam(lr:0.01,sched:cosine,T_max:50)&r=lion(noise:1)',
    'mode=classify&data=spiral&net=6,4&compare=loss&reg=l1&reg_rate=0.001&r=nadam(lr:0.01,warmup:5)',
    'surface=book-regression&r=gd(lr:1e-7,batch:3)&lang=zh',
  ];
  for (const link of links)
    for (const lang of ['en', 'zh']) {
      const native = cli('torch', link, '--lang', lang);
      assert.equal(native.status, 0, native.stderr);
      assert.equal(JSON.parse(m.torchScript(link, lang)).script, native.stdout, `${link} (${lang})`);
    }
  // Without --lang the link's own language: Chinese comments for lang=zh.
  assert.match(cli('torch', links[2]).stdout, /# 优化器游乐场 → PyTorch/);
  assert.match(cli('torch', links[0]).stdout, /# Optimizer Playground → PyTorch/);
});
