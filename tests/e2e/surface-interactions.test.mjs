// The page follows the user: dragging the start, editing a hyperparameter mid-run, switching
// language, the keyboard, the expression box and the Hessian analysis all change the state and
// the link (and only through the core's codec). Screenshots in both languages.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { englishOnPage } from './chinese-page.mjs';
import { openPage, shotPath, startBrowser } from './harness.mjs';
import { cliPositions, linkPairs, mapPixel } from './surface-helpers.mjs';

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

const state = (page) => page.evaluate(() => window.playground.state());
const racers = (page) => page.evaluate(() => window.playground.racers());
const hashSettles = (page, text) => page.waitForFunction((t) => location.hash.includes(t), text, { timeout: 3000 });

test('dragging the start restarts every racer there; the link follows and still equals the CLI', async () => {
  const { page, context, errors } = await openPage(env);
  await page.evaluate(() => window.playground.step(300));
  const view = [-200, -100, -5, 5];
  const from = await mapPixel(page, view, -120, -4);
  const to = await mapPixel(page, view, -150, 0);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 3 });
  await page.mouse.up();
  const link = await state(page);
  const start = Object.fromEntries(linkPairs(link)).start?.split(',').map(Number);
  assert.ok(start && Math.abs(start[0] + 150) < 0.5 && Math.abs(start[1]) < 0.05, `start follows the drag: ${link}`);
  for (const r of await racers(page)) {
    assert.equal(r.step, 0, 'every racer restarted');
    assert.deepEqual([r.x, r.y], start);
  }
  await hashSettles(page, `start=${start.join(',')}`);
  await page.evaluate(() => window.playground.step(500));
  const expected = cliPositions(await state(page), 500);
  for (const [i, r] of (await racers(page)).entries())
    assert.ok(Math.abs(r.x - expected[i].x) <= 1e-9 && Math.abs(r.y - expected[i].y) <= 1e-9);
  assert.deepEqual(errors, []);
  await context.close();
});

test('changing a hyperparameter mid-run applies live: the racer continues, the link follows, bad text is refused inline', async () => {
  const { page, context, errors } = await openPage(env);
  await page.evaluate(() => window.playground.step(200));
  const before = await racers(page);
  const lr = page.locator('[data-testid=racer-0-lr]');
  await lr.fill('3e-7');
  await lr.press('Enter');
  assert.match(
    await state(page),
    /^r=gd\(lr:3e-7\)&r=adagrad\(lr:1,variant:book\)&r=adagrad\(lr:1,variant:book,sched:invsqrt\)&seed=1$/,
  );
  const now = await racers(page);
  assert.equal(now[0].step, 200, 'no restart: the racer continues from where it was');
  assert.deepEqual([now[0].x, now[0].y], [before[0].x, before[0].y]);
  await hashSettles(page, 'lr:3e-7');
  // A bad value: message under the field, state unchanged.
  await lr.fill('fast');
  await lr.press('Enter');
  await page.locator('[data-testid=racer-0-lr-error]').waitFor();
  assert.match(await page.locator('[data-testid=racer-0-lr-error]').innerText(), /number/);
  assert.match(await state(page), /lr:3e-7/);
  // Switching the schedule mid-run (the preview follows the link's racer).
  await page.locator('[data-testid=racer-1-sched]').selectOption('cosine');
  assert.match(await state(page), /r=adagrad\(lr:1,variant:book,sched:cosine\)/);
  await page.evaluate(() => window.playground.step(10));
  assert.equal((await racers(page))[1].step, 210);
  assert.deepEqual(errors, []);
  await context.close();
});

test('language: the toggle switches every label to Chinese (no English left but names and formulas) and writes lang=zh; a zh browser starts in Chinese', async () => {
  const { page, context, errors } = await openPage(
    env,
    'surface=book-saddle&start=0.8,-0.8&r=gd(lr:0.05)&r=adam(lr:0.02)&show=crit&steps=2000&speed=5',
  );
  await page.evaluate(() => window.playground.step(400));
  await page.mouse.click(...Object.values(await mapPixel(page, [-2, 2, -2, 2], 0, 0)));
  await page.locator('[data-testid=hessian-panel]').waitFor();
  await page.screenshot({ path: shotPath('surface-page-saddle-en'), fullPage: true });
  await page.locator('[data-testid=lang-toggle]').click();
  assert.match(await state(page), /&lang=zh$/);
  await hashSettles(page, 'lang=zh');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.match(await page.locator('[data-testid=play]').innerText(), /播放/);
  assert.match(await page.locator('[data-testid=preset-caption]').innerText(), /鞍点/);
  assert.match(await page.locator('[data-testid=hessian-kind]').innerText(), /鞍点/);
  assert.match(await page.locator('[data-testid=surface-summary]').innerText(), /[\u4e00-\u9fff]/);
  await page.waitForTimeout(200);
  await page.screenshot({ path: shotPath('surface-page-saddle-zh'), fullPage: true });
  assert.deepEqual(await englishOnPage(page), [], 'no English on the Chinese page (Hessian panel open)');
  await page.locator('body').press('?');
  await page.locator('[data-testid=help-overlay]').waitFor();
  assert.deepEqual(await englishOnPage(page), [], 'no English in the Chinese help');
  await context.close();

  const zh = await openPage(env, '', { locale: 'zh-CN' });
  assert.match(await zh.page.locator('[data-testid=play]').innerText(), /播放/);
  assert.equal(await state(zh.page), 'seed=1', 'the browser language is not written into the link');
  await zh.page.evaluate(() => window.playground.step(3000));
  await zh.page.waitForTimeout(300);
  await zh.page.screenshot({ path: shotPath('surface-page-default-zh'), fullPage: true });
  assert.deepEqual(await englishOnPage(zh.page), [], 'no English on the Chinese default page');
  assert.deepEqual([...errors, ...zh.errors], []);
  await zh.context.close();
});

test('saddle: a click analyses the origin, the escape button moves the start along (1, 1), racers then leave the saddle', async () => {
  const { page, context, errors } = await openPage(env);
  await page.locator('[data-testid=preset-saddle]').click();
  assert.equal(
    await state(page),
    'surface=book-saddle&start=0.8,-0.8&steps=2000&speed=5&r=gd(lr:0.05)&r=adam(lr:0.02)&show=crit&seed=1',
  );
  await page.evaluate(() => window.playground.step(2000));
  for (const r of await racers(page)) assert.ok(Math.hypot(r.x, r.y) < 1e-6, 'stuck at the saddle point');
  const origin = await mapPixel(page, [-2, 2, -2, 2], 0, 0);
  await page.mouse.click(origin.x, origin.y);
  assert.match(await page.locator('[data-testid=hessian-kind]').innerText(), /saddle/);
  await page.locator('[data-testid=escape]').click();
  const start = Object.fromEntries(linkPairs(await state(page)))
    .start.split(',')
    .map(Number);
  assert.ok(start[0] > 0 && Math.abs(start[0] - start[1]) < 0.02, `start moved along (1, 1): ${start}`);
  await page.evaluate(() => window.playground.step(2000));
  for (const r of await racers(page))
    assert.ok(Math.abs(r.x * r.y - 1) < 1e-3, `reached the curve of minima: ${r.x}, ${r.y}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard: space plays and pauses, s steps, r resets, ? opens the help', async () => {
  const { page, context, errors } = await openPage(env);
  await page.locator('body').press('s');
  await page.locator('body').press('s');
  assert.equal((await racers(page))[0].step, 2);
  await page.locator('body').press('r');
  assert.equal((await racers(page))[0].step, 0);
  await page.locator('body').press(' ');
  await page.waitForFunction(() => window.playground.racers()[0].step > 300);
  await page.locator('body').press(' ');
  const paused = (await racers(page))[0].step;
  await page.waitForTimeout(150);
  assert.equal((await racers(page))[0].step, paused, 'paused');
  await page.locator('body').press('?');
  await page.locator('[data-testid=help-overlay]').waitFor();
  await page.locator('body').press('Escape');
  assert.equal(await page.locator('[data-testid=help-overlay]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('custom expression: a typo shows the column inline and changes nothing; a valid one becomes the surface', async () => {
  const { page, context, errors } = await openPage(env);
  await page.locator('[data-testid=surface-select]').selectOption('custom');
  const link = await state(page);
  assert.match(link, /^surface=custom&expr=/);
  const box = page.locator('[data-testid=expression]');
  await box.fill('x^2 + 3*y^^2');
  await box.press('Enter');
  const error = page.locator('[data-testid=expression-error]');
  await error.waitFor();
  assert.match(await error.innerText(), /column 11/);
  assert.equal(await state(page), link, 'state unchanged');
  await page.screenshot({ path: shotPath('surface-expression-error') });
  await box.fill('x^2 + 3*y^2');
  await box.press('Enter');
  assert.equal(await state(page), 'surface=custom&expr=x%5E2%20+%203*y%5E2&seed=1');
  await page.evaluate(() => window.playground.step(50));
  assert.ok((await racers(page)).every((r) => r.step === 50));
  assert.deepEqual(errors, []);
  await context.close();
});

test('view and racers: the wheel zooms, reset view restores it; racers are added and removed; trajectories export as CSV', async () => {
  const { page, context, errors } = await openPage(env);
  const centre = await mapPixel(page, [-200, -100, -5, 5], -150, 0);
  await page.mouse.move(centre.x, centre.y);
  await page.mouse.wheel(0, -100);
  const zoomed = Object.fromEntries(linkPairs(await state(page)))
    .view.split(',')
    .map(Number);
  assert.ok(
    zoomed[1] - zoomed[0] < 100 && zoomed[0] > -200 && zoomed[1] < -100,
    `zoomed in about the cursor: ${zoomed}`,
  );
  await page.locator('[data-testid=reset-view]').click();
  assert.equal(await state(page), 'seed=1');

  await page.evaluate(() => window.playground.step(100));
  await page.locator('[data-testid=add-racer]').click();
  assert.equal((await racers(page)).length, 4);
  assert.equal((await racers(page))[3].step, 0, 'a new racer starts now from the start point');
  await page.locator('[data-testid=racer-3-optimizer]').selectOption('adam');
  assert.match(await state(page), /&r=adam\(lr:1,sched:invsqrt\)&seed=1$/);
  await page.locator('[data-testid=racer-0-remove]').click();
  const left = await racers(page);
  assert.deepEqual(
    left.map((r) => r.optimizer),
    ['adagrad(lr:1,variant:book)', 'adagrad(lr:1,variant:book,sched:invsqrt)', 'adam(lr:1,sched:invsqrt)'],
  );
  assert.deepEqual(
    left.map((r) => r.step),
    [100, 100, 0],
    'the others keep running where they were',
  );

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-testid=export-csv]').click(),
  ]);
  const csv = await (await download.createReadStream()).toArray();
  const lines = Buffer.concat(csv).toString('utf8').trim().split('\n');
  assert.equal(lines[0], 'racer,step,x,y,loss,grad_norm,lr,sample_grad_norm');
  assert.equal(lines.length, 1 + 101 + 101 + 1);
  const [png] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-png]').click()]);
  assert.match(png.suggestedFilename(), /\.png$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('presets: each opens cleanly with its caption, and the numbers its caption promises hold', async () => {
  const { page, context, errors } = await openPage(env);
  const near = (r, x, y, tolerance) => Math.abs(r.x - x) < tolerance[0] && Math.abs(r.y - y) < tolerance[1];
  // What the captions say, checked after the preset's full run.
  const promises = {
    'preset-gd-crawl': ([gd]) => assert.ok(near(gd, -123.69, 2.483, [0.01, 0.001]), JSON.stringify(gd)),
    'preset-gd-oscillation': ([stable, unstable]) => {
      assert.equal(stable.status, 'step limit reached');
      assert.equal(unstable.status, 'diverged at step 181');
    },
    'preset-adagrad-decay': ([bursts, decay]) => {
      assert.ok(near(bursts, -188.44, 2.666, [0.01, 0.001]), JSON.stringify(bursts));
      assert.ok(near(decay, -188.37, 2.669, [0.01, 0.001]), JSON.stringify(decay));
    },
    'preset-saddle': (racers) => {
      for (const r of racers) {
        assert.ok(Math.hypot(r.x, r.y) < 1e-6, 'stuck at the saddle point');
        assert.equal(r.status, 'stuck at a saddle point');
      }
    },
    'preset-mse': ([gd, adam]) =>
      assert.ok(Math.abs(gd.x + 6.5) < 0.05 && adam.loss < 0.01, 'GD stuck on the MSE plateau, Adam escaped'),
    'preset-cross-entropy': ([gd]) => assert.ok(gd.loss < 0.01, 'GD gets going on cross-entropy'),
  };
  const ids = await page.$$eval('[data-testid^=preset-]:not([data-testid=preset-caption])', (buttons) =>
    buttons.map((b) => b.dataset.testid),
  );
  assert.equal(ids.length, 15);
  for (const id of ids) {
    await page.locator(`[data-testid=${id}]`).click();
    assert.equal(await page.locator('[data-testid=notice]').count(), 0, `${id} is a valid link`);
    assert.equal(await page.locator(`[data-testid=${id}][aria-pressed=true]`).count(), 1);
    assert.ok((await page.locator('[data-testid=preset-caption]').innerText()).length > 80);
    if (!promises[id]) continue;
    const steps = Number(Object.fromEntries(linkPairs(await state(page))).steps ?? 20000);
    await page.evaluate((n) => window.playground.step(n), steps);
    promises[id](await racers(page));
  }
  assert.deepEqual(errors, []);
  await context.close();
});
