// Opening a classify link gives the numbers of `playground run` on it: after n epochs through
// window.playground, every racer's losses (within 1e-6 relative) and accuracies (exactly) equal
// the CLI's row for epoch n, also after live edits, with compared losses, drawn data and
// regression; and the page's CSV of the curves holds the CLI's rows.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { cliRows, expectCliRows, openClassify, takeLongTasks } from './classify-helpers.mjs';
import { startBrowser } from './harness.mjs';

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

test('classify link with three racers and schedules: epochs 5 and 12 equal the CLI rows', async () => {
  const link =
    'mode=classify&data=spiral&classes=3&noise=10&net=8,8&act=relu&epochs=40&seed=7' +
    '&r=adam(lr:0.01)&r=sgd(lr:0.1,momentum:0.9,sched:cosine,T_max:300)&r=rmsprop(lr:0.003,variant:book)';
  const { page, context, errors } = await openClassify(env, link);
  await takeLongTasks(page);
  await expectCliRows(page, 5);
  const racers = await expectCliRows(page, 7);
  assert.deepEqual(
    racers.map((r) => r.epoch),
    [12, 12, 12],
  );
  assert.deepEqual(
    racers.map((r) => r.optimizer),
    ['adam(lr:0.01)', 'sgd(lr:0.1,momentum:0.9,sched:cosine,T_max:300)', 'rmsprop(lr:0.003,variant:book)'],
  );
  assert.deepEqual(await takeLongTasks(page), [], 'no heavy main-thread task');
  assert.deepEqual(errors, []);
  await context.close();
});

test('compare=loss, drawn points and regression data: the page equals the CLI', async () => {
  const links = [
    'mode=classify&data=blobs&classes=5&noise=20&net=6&compare=loss&seed=3&r=sgd(lr:0.5)',
    'mode=classify&data=drawn&classes=3&points=1,1,0;-2,3,1;4,-4,2;0.5,-1,0;-3,-3,2;2,2,1;-1,4,1;3,0,0&net=4&batch=2&seed=2&r=adam(lr:0.05)',
    'mode=classify&data=multigauss&noise=5&features=x,y,xy&net=6,4&act=tanh&reg=l2&reg_rate=0.001&seed=4&r=nadam(lr:0.01)',
  ];
  const { page, context, errors } = await openClassify(env, links[0]);
  for (const link of links) {
    await page.evaluate((l) => window.playground.setState(l), link);
    const racers = await expectCliRows(page, 9);
    if (link.includes('compare=loss'))
      assert.deepEqual(
        racers.map((r) => r.loss),
        ['ce', 'mse'],
      );
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a live edit of the learning rate continues the run from its epoch; a reset then equals the CLI on the new link', async () => {
  const first = 'mode=classify&data=xor&noise=5&net=4,2&seed=11&r=adam(lr:0.01)';
  const { page, context, errors } = await openClassify(env, first);
  await expectCliRows(page, 4);
  await page.locator('[data-testid=racer-0-lr]').fill('0.03');
  await page.locator('[data-testid=racer-0-lr]').press('Enter');
  await page.waitForFunction(() => window.playground.state().includes('lr:0.03'));
  await page.evaluate(() => window.playground.step(3));
  const racers = await page.evaluate(() => window.playground.racers());
  assert.equal(racers[0].epoch, 7, 'the racer continued from epoch 4');
  assert.equal(racers[0].optimizer, 'adam(lr:0.03)');
  // Reset: epoch 0 of the new link, and from there the CLI's numbers again.
  await page.locator('[data-testid=reset]').click();
  await page.waitForFunction(() => window.playground.racers()[0]?.epoch === 0);
  await expectCliRows(page, 5);
  assert.deepEqual(errors, []);
  await context.close();
});

test('setState over a running page starts that link afresh, even when it differs only in a rate', async () => {
  const link = 'mode=classify&data=circle&noise=10&net=3&seed=6&r=sgd(lr:0.1)';
  const { page, context, errors } = await openClassify(env, link);
  await page.evaluate(() => window.playground.step(6));
  await page.evaluate((l) => window.playground.setState(l), link.replace('lr:0.1', 'lr:0.2'));
  const racers = await expectCliRows(page, 4);
  assert.equal(racers[0].epoch, 4);
  // The same link again also starts afresh.
  await page.evaluate((l) => window.playground.setState(l), link);
  assert.equal((await expectCliRows(page, 2))[0].epoch, 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the CSV of the curves holds the CLI rows of the epochs trained', async () => {
  const link = 'mode=classify&data=moons&noise=15&net=5&act=swish&epochs=6&seed=5&r=adamw(lr:0.02)&r=lion(lr:0.001)';
  const { page, context, errors } = await openClassify(env, link);
  await page.evaluate(() => window.playground.step(6));
  await page.waitForFunction(() => document.querySelector('[data-testid=epoch]')?.textContent === '6');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-testid=export-csv]').click(),
  ]);
  const csv = readFileSync(await download.path(), 'utf8')
    .trim()
    .split('\n');
  const rows = cliRows(link);
  assert.equal(csv[0], 'racer,epoch,train_loss,test_loss,train_acc,test_acc,lr');
  assert.equal(csv.length - 1, rows.length, 'one line per racer and epoch, as the CLI prints');
  csv.slice(1).forEach((line, i) => {
    const values = line.split(',').map(Number);
    assert.deepEqual(values, Object.values(rows[i]), `line ${i + 2}`);
  });
  assert.deepEqual(errors, []);
  await context.close();
});
