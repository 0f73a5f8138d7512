// `playground torch`: the script it writes, run by real PyTorch (Debian's python3-torch in
// /usr/bin/python3; PYTHON chooses another), prints the CSV of `playground run` to 1e-9 relative,
// step by step, for every optimizer and schedule, on several surfaces and classification links.
// PyTorch is the independent reference here: torch.optim and torch.optim.lr_scheduler compute
// every update and rate the scripts take from them, and torch's autograd every gradient.
//
// The links keep to runs that do not amplify rounding: there both sides agree far beyond 1e-9.
// Where a run does amplify it, both are right to rounding but not to each other: momentum SGD at a
// rate that makes the loss bounce multiplies a 1e-16 difference by ten per epoch; a path past a
// pole (x^-2 near 0) gains five digits at once; and book-ce's value m + ln Σe^(z−m) − x at logits
// near 700 keeps only ~1e-13 absolute, so a loss below 1e-4 there differs in the tenth digit.
//
// All scripts run in ONE python process (torch is imported once; each script runs as __main__
// through runpy with its output captured), so the suite costs a few seconds on two busy cores.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { cli } from '../wasm/module.mjs';

const python = process.env.PYTHON ?? '/usr/bin/python3';

// ---- The links --------------------------------------------------------------------------------

const surfaceLinks = {
  // Every torch.optim optimizer and its options, on Rosenbrock's valley and on Beale's plateaus.
  'sgd family and adaptive rates':
    'surface=rosenbrock&steps=150&r=sgd(lr:0.001)&r=momentum(lr:0.0005)&r=nesterov(lr:0.0005)' +
    '&r=sgd(lr:0.001,momentum:0.5,dampening:0.3,weight_decay:0.01)' +
    '&r=adagrad(lr:0.1,lr_decay:0.01,initial_accumulator_value:0.1,weight_decay:0.001)' +
    '&r=rmsprop(lr:0.01,centered:true,momentum:0.5)&r=rmsprop(lr:0.01,alpha:0.9,weight_decay:0.01)' +
    '&r=adadelta(rho:0.95)',
  'the adam family and lion':
    'surface=beale&steps=150&r=adam(lr:0.02)&r=adam(lr:0.02,amsgrad:true,weight_decay:0.01)' +
    '&r=adamw(lr:0.02,weight_decay:0.1)&r=adamax(lr:0.02)&r=nadam(lr:0.02,momentum_decay:0.01)' +
    '&r=radam(lr:0.03)&r=lion(lr:0.01,weight_decay:0.1)&r=adagrad(lr:0.5)',
  // Every schedule: torch.optim.lr_scheduler where PyTorch has one, the script's rate function
  // (invsqrt, invtime, noam) where it has none; warmup before a scheduler and before a function.
  'schedules I':
    'surface=himmelblau&steps=120&r=sgd(lr:0.01,sched:step,step_size:30,gamma:0.5)' +
    '&r=adam(lr:0.05,sched:multistep,milestones:20/60/90,gamma:0.3)' +
    '&r=sgd(lr:0.005,momentum:0.9,sched:exponential,gamma:0.98)&r=adagrad(lr:0.5,sched:invsqrt)' +
    '&r=rmsprop(lr:0.02,sched:invtime,gamma:0.05)' +
    '&r=adam(lr:0.05,sched:linear,start_factor:0.2,end_factor:0,total_iters:50)' +
    '&r=adam(lr:0.05,sched:polynomial,total_iters:80,power:2)' +
    '&r=sgd(lr:0.01,sched:cosine,T_max:40,eta_min:0.001)',
  'schedules II':
    'surface=booth&steps=150&r=adam(lr:0.1,sched:cosine-restarts,T_0:20,T_mult:2,eta_min:0.01)' +
    '&r=sgd(lr:0.01,sched:onecycle,total_steps:100)' + // held after its end, as the playground does
    '&r=adam(lr:0.1,sched:onecycle,total_steps:300,pct_start:0.4,anneal:linear)' +
    '&r=sgd(lr:0.005,sched:cyclic,step_size_up:20,mode:triangular2)' +
    '&r=adam(lr:1,sched:noam,d_model:64,warmup_steps:30)&r=momentum(lr:0.005,warmup:20,sched:cosine,T_max:100)' +
    '&r=nadam(lr:0.1,warmup:10)&r=adam(lr:0.1,sched:invsqrt,warmup:5)',
  // The chapter's data surface: its book forms, mini-batches of its ten terms and gradient noise.
  'book forms, mini-batches and noise':
    'surface=book-regression&steps=120&seed=5&r=adagrad(lr:1,variant:book,sched:invsqrt)' +
    '&r=gd(lr:1e-7,batch:1)&r=sgd(lr:2e-7,momentum:0.9,batch:3,noise:50)&r=adam(lr:1,batch:4)' +
    '&r=rmsprop(lr:1,variant:book)&r=sgd(lr:1e-7,momentum:0.9,variant:book,sched:step,step_size:20)' +
    '&r=nesterov(lr:1e-7,variant:book,dampening:0.2)&r=rmsprop(lr:0.5,variant:book,alpha:0.5,noise:20)',
  // Softmax losses beyond exp's range (x > 709), a custom expression with every function, noise
  // on it, sqrt at 0 (Ackley from its minimum), and racers that diverge.
  'softmax surfaces beyond overflow': 'surface=book-ce&start=707,706&steps=6&r=adam(lr:1)&r=sgd(lr:1)&r=lion(lr:0.5)',
  'book-mse': 'surface=book-mse&steps=100&r=adam(lr:0.1)&r=sgd(lr:1,momentum:0.9)',
  'a custom expression':
    'surface=custom&expr=sqrt(x^2%2By^2)%2B0.1*pow(abs(x)%2B0.5,1.5)-0.5*min(x,y)%2B0.2*max(x,2*y)' +
    '%2Bsin(x)*cos(y)%2Btanh(x*y)%2Bsigmoid(y)%2Bexp(-x^2)%2Blog(1%2By^2)%2B(x^2%2B1)^(0.5*y)' +
    '%2Btan(0.3*x)/(2%2Bx^4)%2B0.01*(2%2Bx)^-2%2Bpi*e&view=-3,3,-3,3&start=1.5,-2&steps=120&seed=9' +
    '&r=adam(lr:0.05)&r=sgd(lr:0.01)&r=rmsprop(lr:0.01,noise:0.5)&r=lion(lr:0.01,noise:2)',
  'sqrt at 0, divergence':
    'surface=ackley&start=0,0&steps=30&r=adam(lr:0.01)&r=sgd(lr:0.01,noise:0.1)&r=sgd(lr:1e7,noise:10)' +
    '&r=adam(lr:0.2,sched:cyclic,base_lr:0.1,max_lr:0.5,step_size_up:5)',
  'log beyond its domain':
    'surface=custom&expr=log(x)%2By^2&view=-1,3,-1,1&start=1,0.5&steps=20&r=sgd(lr:0.6)&r=adam(lr:0.1)',
  'undefined at the start': 'surface=custom&expr=sqrt(x)&view=-2,2,-2,2&start=-1,0&r=sgd',
  'a saddle and wells':
    'surface=two-wells&steps=150&r=nadam(lr:0.02,sched:cosine,T_max:150,warmup:10)&r=radam(lr:0.02)' +
    '&r=adamax(lr:0.05,weight_decay:0.1)&r=adadelta(lr:2,weight_decay:0.01)' +
    '&r=sgd(lr:0.005,momentum:0.9,nesterov:true,dampening:0.3)', // beyond torch.optim.SGD
};

const classifyLinks = {
  'ce, L2': 'mode=classify&reg=l2&reg_rate=0.003&epochs=6&r=adam(lr:0.01)&r=sgd(lr:0.03,momentum:0.9)',
  'mse, L1, ReLU, every optimizer kind':
    'mode=classify&data=spiral&noise=10&net=6,4&act=relu&loss=mse&reg=l1&reg_rate=0.001&batch=25' +
    '&epochs=6&seed=3&r=adam(lr:0.01)&r=rmsprop(lr:0.01,centered:true)&r=nadam(lr:0.01)&r=lion(lr:0.001)' +
    '&r=adagrad(lr:0.1,variant:book)&r=sgd(lr:0.1,momentum:0.9,variant:book)&r=adamax(lr:0.01)&r=adadelta',
  'compare=loss, batch 1, schedules':
    'mode=classify&data=xor&features=x,y,xy&act=sigmoid&batch=1&train=30&epochs=3&compare=loss' +
    '&r=adam(lr:0.01,sched:cosine,T_max:200,warmup:20)&r=sgd(lr:0.05,sched:onecycle,total_steps:300)' +
    '&r=rmsprop(lr:0.01,sched:noam,d_model:16,warmup_steps:50)',
  'full batch, four classes, GELU, every feature':
    'mode=classify&data=blobs&classes=4&act=gelu&features=x,y,x2,y2,xy,sinx,siny&net=5&batch=500' +
    '&reg=l2&reg_rate=0.01&epochs=25&r=adamw(lr:0.02)&r=radam(lr:0.02)&r=sgd(lr:0.1,nesterov:true,momentum:0.8)',
  'no hidden layer, target loss, leaky ReLU':
    'mode=classify&data=moons&net=none&target_loss=0.3&epochs=30&r=sgd(lr:0.5)&r=adam(lr:0.01,amsgrad:true)',
  'swish, regression with L1':
    'mode=classify&data=multigauss&act=swish&net=5,3&reg=l1&reg_rate=0.001&epochs=5&r=adam(lr:0.01,weight_decay:0.01)' +
    '&r=sgd(lr:0.01,sched:exponential,gamma:0.999)',
  'regression, linear, divergence':
    'mode=classify&data=plane&act=linear&features=x,y,x2&net=3&epochs=4&r=sgd(lr:1e300)&r=adagrad(lr:0.1)',
  'drawn points, three classes, compare':
    'mode=classify&data=drawn&classes=3&points=1,1,0;-2,3,1;4,-4,2;0.5,0.5,0;-3,-3,1;2,-1,2;5,5,0;-1,4,1' +
    '&net=4&act=tanh&batch=3&epochs=20&compare=loss&r=adam(lr:0.05)&r=lion(lr:0.01)',
};

// ---- Running the scripts ------------------------------------------------------------------------

let work;
const results = new Map(); // name → {link, cli: {stdout, stderr}, torch: {stdout, stderr}}

const HARNESS = `
import contextlib, io, json, runpy, sys, traceback
import torch
for job in json.load(open(sys.argv[1])):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            runpy.run_path(job["script"], run_name="__main__")
        except BaseException:
            traceback.print_exc()
    open(job["script"] + ".out", "w").write(out.getvalue())
    open(job["script"] + ".err", "w").write(err.getvalue())
print(torch.__version__)
`;

let torchVersion = '';

before(() => {
  work = mkdtempSync(join(tmpdir(), 'torch-parity-'));
  const jobs = [];
  const all = { ...surfaceLinks, ...classifyLinks };
  for (const [name, link] of Object.entries(all)) {
    const script = cli('torch', link);
    assert.equal(script.status, 0, `${name}: ${script.stderr}`);
    const path = join(work, `${jobs.length}.py`);
    writeFileSync(path, script.stdout);
    jobs.push({ script: path });
    results.set(name, { link, path, cli: cli('run', link) });
  }
  // NAdam: PyTorch 1.13's own torch.optim.NAdam, which the script avoids there (see below).
  const nadam = readFileSync(results.get('the adam family and lion').path, 'utf8');
  const forced = join(work, 'nadam-1.13.py');
  writeFileSync(forced, nadam.replace('NAdam = torch.optim.NAdam if TORCH_2 else NAdam2', 'NAdam = torch.optim.NAdam'));
  jobs.push({ script: forced });
  writeFileSync(join(work, 'jobs.json'), JSON.stringify(jobs));
  const run = spawnSync(python, ['-c', HARNESS, join(work, 'jobs.json')], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  torchVersion = run.stdout.trim();
  for (const entry of results.values())
    entry.torch = {
      stdout: readFileSync(`${entry.path}.out`, 'utf8'),
      stderr: readFileSync(`${entry.path}.err`, 'utf8'),
    };
});

after(() => rmSync(work, { recursive: true, force: true }));

// ---- Comparing ----------------------------------------------------------------------------------

function parse(text) {
  const [header, ...lines] = text.trim().split('\n');
  return { header, rows: lines.map((line) => line.split(',')) };
}

// Every cell equal to 1e-9 relative. A cell near 0 is compared with the largest magnitude its
// column reaches in that racer's rows (a coordinate crossing 0, a rate annealed to 0): relative to
// itself it would only measure rounding.
function assertSameCsv(name, cliText, torchText) {
  const a = parse(cliText);
  const b = parse(torchText);
  assert.equal(b.header, a.header, `${name}: the columns`);
  assert.equal(b.rows.length, a.rows.length, `${name}: the number of rows`);
  const scale = new Map(); // `${racer}:${column}` → largest |value|
  for (const row of a.rows)
    row.forEach((cell, column) => {
      const key = `${row[0]}:${column}`;
      scale.set(key, Math.max(scale.get(key) ?? 0, Math.abs(Number(cell)) || 0));
    });
  let worst = 0;
  a.rows.forEach((row, i) => {
    const other = b.rows[i];
    assert.equal(other[0], row[0], `${name} row ${i}: racer`);
    assert.equal(other[1], row[1], `${name} row ${i}: step or epoch`);
    for (let column = 2; column < row.length; ++column) {
      if (row[column] === '' || other[column] === '') {
        assert.equal(other[column], row[column], `${name} row ${i} column ${a.header.split(',')[column]}`);
        continue;
      }
      const x = Number(row[column]);
      const y = Number(other[column]);
      const size = Math.max(Math.abs(x), Math.abs(y), 1e-6 * scale.get(`${row[0]}:${column}`));
      const relative = x === y ? 0 : Math.abs(x - y) / size;
      worst = Math.max(worst, relative);
      assert.ok(
        relative <= 1e-9,
        `${name}, racer ${row[0]} row ${row[1]}, ${a.header.split(',')[column]}: playground ${x}, torch ${y}`,
      );
    }
  });
  return worst;
}

// The racers that stopped, by index, from the CLI's and from the script's stderr.
function stopped(stderr) {
  return [...stderr.matchAll(/racer (\d+)[ :(]/g)].map((m) => Number(m[1]));
}

for (const name of Object.keys(surfaceLinks))
  test(`surface, ${name}: the script's CSV is playground run's to 1e-9`, () => {
    const { cli: playground, torch } = results.get(name);
    assert.equal(playground.status, 0, playground.stderr);
    assert.doesNotMatch(torch.stderr, /Traceback/, torch.stderr);
    assertSameCsv(name, playground.stdout, torch.stdout);
    assert.deepEqual(stopped(torch.stderr), stopped(playground.stderr), `${name}: the racers that diverged`);
  });

for (const name of Object.keys(classifyLinks))
  test(`classify, ${name}: the script's CSV is playground run's to 1e-9`, () => {
    const { cli: playground, torch } = results.get(name);
    assert.equal(playground.status, 0, playground.stderr);
    assert.doesNotMatch(torch.stderr, /Traceback/, torch.stderr);
    assertSameCsv(name, playground.stdout, torch.stdout);
    assert.deepEqual(stopped(torch.stderr), stopped(playground.stderr), `${name}: the racers that diverged`);
  });

test('the links above reach what they are there for', () => {
  // Divergence in both modes (beyond the view's reach, at a NaN, at the start), a racer stopped
  // by its target loss, and book-ce beyond x = 709.
  assert.match(results.get('sqrt at 0, divergence').cli.stderr, /racer 2 .* diverged at step 1$/m);
  assert.match(results.get('log beyond its domain').cli.stderr, /racer 0 .* diverged at step/);
  assert.match(results.get('undefined at the start').cli.stderr, /racer 0 .* undefined at the start/);
  assert.match(results.get('undefined at the start').torch.stderr, /racer 0: undefined at the start/);
  assert.match(results.get('regression, linear, divergence').cli.stderr, /racer 0 .* diverged at epoch 1/);
  const moons = parse(results.get('no hidden layer, target loss, leaky ReLU').cli.stdout).rows;
  assert.ok(moons.filter((r) => r[0] === '0').length < 31, 'sgd reaches the target loss before epoch 30');
  const ce = parse(results.get('softmax surfaces beyond overflow').cli.stdout).rows;
  assert.ok(
    ce.some((r) => Number(r[2]) > 709.8),
    'a racer on book-ce goes where exp(x) overflows',
  );
});

test("NAdam: PyTorch 1.13's torch.optim.NAdam differs from 2.x; the script follows 2.x", () => {
  // PyTorch 1.13 multiplies μ_t into the momentum term's Π once more (mu_product * mu * mu_next);
  // 2.0 fixed it. The playground computes 2.x's NAdam; on torch < 2 the script brings its own
  // class with 2.x's update (NAdam2), and its CSV matched above. Here 1.13's own class, forced in,
  // misses the playground's numbers by far more than rounding.
  const forced = readFileSync(join(work, 'nadam-1.13.py.out'), 'utf8');
  const { cli: playground } = results.get('the adam family and lion');
  if (!torchVersion.startsWith('1.')) {
    assertSameCsv('torch.optim.NAdam of PyTorch 2', playground.stdout, forced);
    return;
  }
  const a = parse(playground.stdout).rows.filter((r) => r[0] === '4');
  const b = parse(forced).rows.filter((r) => r[0] === '4');
  const x = Number(a.at(-1)[2]);
  const y = Number(b.at(-1)[2]);
  assert.ok(Math.abs(x - y) > 1e-6 * Math.abs(x), `1.13's NAdam ends at x = ${y}, the playground at ${x}`);
});
