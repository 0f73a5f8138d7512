// Opening a link reproduces the run exactly: after n updates through window.playground the
// racers stand where `playground run` on the same link puts them (|Δ| ≤ 1e-9; bit for bit for
// racers with mini-batches and noise, whose draws come from the link's seed).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { canvasStats, openPage, shotPath, startBrowser } from './harness.mjs';
import { cliPositions } from './surface-helpers.mjs';

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

async function expectCliParity(page, steps) {
  await page.evaluate((n) => window.playground.step(n), steps);
  const link = await page.evaluate(() => window.playground.state());
  const racers = await page.evaluate(() => window.playground.racers());
  const expected = cliPositions(link, steps);
  assert.equal(racers.length, expected.length, 'one racer per r of the link');
  racers.forEach((racer, i) => {
    assert.equal(racer.step, steps, `racer ${i} took ${steps} updates`);
    assert.ok(Math.abs(racer.x - expected[i].x) <= 1e-9, `racer ${i}: x ${racer.x} vs CLI ${expected[i].x}`);
    assert.ok(Math.abs(racer.y - expected[i].y) <= 1e-9, `racer ${i}: y ${racer.y} vs CLI ${expected[i].y}`);
  });
  return racers;
}

test('default page: the chapter surface with three racers and a caption; positions equal the CLI after 2000 updates', async () => {
  const { page, context, errors } = await openPage(env);
  await page.waitForSelector('[data-testid=preset-caption]');
  assert.equal(await page.evaluate(() => window.playground.state()), 'seed=1');
  assert.equal(await page.locator('[data-testid^=racer-][data-testid$=-optimizer]').count(), 3);
  const racers = await expectCliParity(page, 2000);
  assert.deepEqual(
    racers.map((r) => r.optimizer),
    ['gd(lr:1e-7)', 'adagrad(lr:1,variant:book)', 'adagrad(lr:1,variant:book,sched:invsqrt)'],
  );
  await page.waitForTimeout(300);
  const stats = await canvasStats(page, '[data-testid=surface-map]');
  assert.ok(stats.colours > 50, `the map shows a colour gradient (${stats.colours} colours)`);
  await page.screenshot({ path: shotPath('surface-page-default-en'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a link with several racers, schedules, warmup and book variants equals the CLI after 700 updates', async () => {
  const link =
    'surface=rosenbrock&start=-1.2,1.5&steps=5000' +
    '&r=adam(lr:0.02,sched:cosine,T_max:700,warmup:50)&r=sgd(lr:0.0005,momentum:0.9,variant:book,sched:step,step_size:200,gamma:0.5)' +
    '&r=rmsprop(lr:0.01,variant:book)&r=nadam(lr:0.01)&r=lion(lr:0.001,sched:onecycle,total_steps:700)&show=grad,m';
  const { page, context, errors } = await openPage(env, link);
  await expectCliParity(page, 700);
  await page.waitForTimeout(300);
  await page.screenshot({ path: shotPath('surface-page-five-racers'), fullPage: false });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a custom expression with its view: the page and the CLI agree after 300 updates', async () => {
  const link =
    'surface=custom&expr=' +
    encodeURIComponent('sin(x)*cos(y) + 0.1*(x^2 + y^2)') +
    '&view=-4,4,-4,4&start=2,1.5&r=adam(lr:0.05)&r=gd(lr:0.1)';
  const { page, context, errors } = await openPage(env, link);
  await expectCliParity(page, 300);
  assert.deepEqual(errors, []);
  await context.close();
});

test('mini-batches and gradient noise: the page draws exactly what the CLI draws; New draw re-runs both with the next seed', async () => {
  const link =
    'steps=3000&seed=5&r=adam(lr:0.3,batch:1)&r=adam(lr:0.3,batch:4,noise:3000)&r=adagrad(lr:1,variant:book,noise:20000)' +
    '&r=gd(lr:1e-7,batch:3)&r=adam(lr:0.3)';
  const { page, context, errors } = await openPage(env, link);
  const exact = async (steps) => {
    await page.evaluate((n) => window.playground.step(n), steps);
    const now = await page.evaluate(() => window.playground.racers());
    const expected = cliPositions(await page.evaluate(() => window.playground.state()), now[0].step);
    for (const [i, r] of now.entries())
      assert.deepEqual([r.x, r.y], [expected[i].x, expected[i].y], `racer ${i}, bit for bit`);
    return now;
  };
  const first = await exact(700);
  await page.locator('[data-testid=reseed]').click();
  assert.match(await page.evaluate(() => window.playground.state()), /&seed=6$/);
  assert.ok(
    (await page.evaluate(() => window.playground.racers())).every((r) => r.step === 0),
    'every racer restarted',
  );
  const second = await exact(700);
  // Other draws move the sampled racers elsewhere; the plain one runs the same path again.
  for (const i of [0, 1, 2, 3]) assert.notEqual(second[i].x, first[i].x, `racer ${i} drew other batches or noise`);
  assert.deepEqual([second[4].x, second[4].y], [first[4].x, first[4].y]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a link opened over a running page starts afresh: setState then step(n) equals the CLI', async () => {
  const { page, context, errors } = await openPage(env);
  await page.evaluate(() => window.playground.step(700));
  // The same surface and start, one racer changed: as a live edit it would continue; opened, it restarts.
  const problems = await page.evaluate(() =>
    window.playground.setState('r=gd(lr:2e-7)&r=adagrad(lr:1,variant:book)&steps=5000'),
  );
  assert.deepEqual(problems, []);
  await expectCliParity(page, 400);
  // Opening the very same link again restarts too.
  await page.evaluate(() => window.playground.setState(window.playground.state()));
  assert.ok((await page.evaluate(() => window.playground.racers())).every((r) => r.step === 0));
  assert.deepEqual(errors, []);
  await context.close();
});
