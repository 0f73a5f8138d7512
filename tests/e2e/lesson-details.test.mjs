// Details of the lessons a new student trips over: the arrow keys move between answers (a radio
// group) without leaving the step; Back returns to the step before; the loss chart draws a
// negative loss (linear, like the map); a step about a known minimum analyses the exact minimum;
// a racer that has not run says so; the texts' sub- and superscripts are set as such.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openPage, racersShown, shotPath, startBrowser } from './harness.mjs';

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

const lessonStep = (page) => page.evaluate(() => window.playground.lesson()?.step);
const chosen = (page) =>
  page.$$eval('[data-testid=question] [role=radio]', (options) =>
    options.map((o) => `${o.getAttribute('aria-checked')}${document.activeElement === o ? '*' : ''}`),
  );

test('answers are a radio group: arrows choose among them and stay in the step; elsewhere they move between steps', async () => {
  const { page, context, errors } = await openPage(env, 'lesson=critical-points&step=2');
  await page.waitForSelector('[data-testid=option-0]');
  // One tab stop: the first answer until one is chosen.
  assert.deepEqual(
    await page.$$eval('[data-testid=question] [role=radio]', (o) => o.map((b) => b.tabIndex)),
    [0, -1, -1],
  );
  await page.click('[data-testid=option-0]');
  assert.deepEqual(await chosen(page), ['true*', 'false', 'false']);
  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await chosen(page), ['false', 'true*', 'false'], '→ chooses the next answer');
  await page.keyboard.press('ArrowDown');
  assert.deepEqual(await chosen(page), ['false', 'false', 'true*'], '↓ too');
  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await chosen(page), ['true*', 'false', 'false'], 'and wraps round');
  await page.keyboard.press('ArrowLeft');
  assert.deepEqual(await chosen(page), ['false', 'false', 'true*'], '← back, round the other way');
  await page.keyboard.press('Home');
  assert.deepEqual(await chosen(page), ['true*', 'false', 'false']);
  await page.keyboard.press(' ');
  assert.equal(await page.evaluate(() => window.playground.racers()[0].step), 0, 'Space on an answer does not play');
  assert.equal(await lessonStep(page), 2, 'the step stays, and with it the prediction');
  assert.equal(await page.getAttribute('[data-testid=question-run]', 'disabled'), null, 'Run is ready');
  // Off the answers, → is the next step again.
  await page.locator('[data-testid=lesson-text]').click();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => window.playground.lesson()?.step === 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Back returns to the step before, Forward to the next; each step is an entry of the history', async () => {
  const { page, context, errors } = await openPage(env, 'lesson=critical-points&step=1');
  await page.waitForSelector('[data-testid=lesson-next]');
  const start = await page.evaluate(() => history.length);
  await page.click('[data-testid=lesson-next]');
  await page.waitForFunction(() => window.playground.lesson()?.step === 2);
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => window.playground.lesson()?.step === 3);
  assert.equal(await page.evaluate(() => history.length), start + 2);
  assert.match(await page.evaluate(() => location.hash), /lesson=critical-points&step=3/);
  await page.goBack();
  await page.waitForFunction(() => window.playground.lesson()?.step === 2);
  await page.goBack();
  await page.waitForFunction(() => window.playground.lesson()?.step === 1);
  assert.match(await page.textContent('[data-testid=lesson-step-title]'), /^1\. /);
  await page.goForward();
  await page.waitForFunction(() => window.playground.lesson()?.step === 2);
  // An edit inside a step replaces its entry: Back from step 3 finds step 2 as the student left it.
  await page.evaluate(() => window.playground.setState(`${window.playground.state()}`));
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => window.playground.lesson()?.step === 3);
  await page.goBack();
  await page.waitForFunction(() => window.playground.lesson()?.step === 2);
  assert.deepEqual(errors, []);
  await context.close();
});

// Pixels of `colour` (within 40 per channel) in a canvas.
async function colourPixels(page, selector, [r, g, b]) {
  return page.$eval(
    selector,
    (canvas, rgb) => {
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4)
        if (Math.abs(data[i] - rgb[0]) + Math.abs(data[i + 1] - rgb[1]) + Math.abs(data[i + 2] - rgb[2]) < 40) n++;
      return n;
    },
    [r, g, b],
  );
}

test('a loss that goes negative is drawn on a linear axis, as the map is, and its switch says why', async () => {
  // f = x² − y² from (−1.5, 0.01)... the lesson's saddle step: the loss falls below 0.
  const { page, context, errors } = await openPage(env, 'lesson=critical-points&step=6');
  await page.waitForSelector('[data-testid=chart-loss] canvas');
  await page.evaluate(() => window.playground.step(300));
  const [racer] = await page.evaluate(() => window.playground.racers());
  assert.ok(racer.loss < -1, `the loss is ${racer.loss}`);
  await page.waitForTimeout(1200); // the charts take in new numbers twice a second
  const log = page.locator('[data-testid=chart-loss] input[type=checkbox]');
  assert.equal(await log.isChecked(), false);
  assert.equal(await log.isDisabled(), true);
  assert.match(await log.evaluate((box) => box.closest('label').title), /negative/);
  // The racer's line (#ff4d6d) is there, over the whole run.
  const line = await colourPixels(page, '[data-testid=chart-loss] canvas', [0xff, 0x4d, 0x6d]);
  assert.ok(line > 150, `${line} pixels of the loss curve`);
  await page.screenshot({ path: shotPath('lesson-negative-loss') });
  // The gradient norm stays positive: its chart keeps the log scale.
  assert.equal(await page.locator('[data-testid=chart-grad_norm] input[type=checkbox]').isChecked(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('adaptive step 2 analyses the exact minimum: the panel says minimum, with a gradient of 0 to rounding', async () => {
  for (const lang of ['en', 'zh']) {
    const { page, context, errors } = await openPage(env, `lesson=adaptive&step=2&lang=${lang}`);
    const kind = await page.waitForSelector('[data-testid=hessian-kind]');
    assert.equal(await kind.textContent(), lang === 'en' ? 'minimum' : '最小值');
    // ∇f at the least-squares solution: the rounding of doubles (a few 1e-9 at |∇f|'s scale of 1e6).
    const numbers = await page.textContent('[data-testid=hessian-panel] p.small');
    const [, gx, gy] = /∇f = \(([^,]+), ([^)]+)\)/.exec(numbers);
    for (const g of [gx, gy]) assert.ok(Math.abs(Number(g.replace('−', '-'))) < 1e-3, `∇f component ${g}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('before anything has run, a racer is “not started”, not “running · step 0”', async () => {
  for (const [lang, words] of [
    ['en', 'not started'],
    ['zh', '尚未开始'],
  ]) {
    const { page, context, errors } = await openPage(env, `surface=rosenbrock&r=adam(lr:0.05)&lang=${lang}`);
    const status = page.locator('[data-testid=status-list] .racer-status').first();
    await status.waitFor();
    assert.equal(await status.textContent(), words);
    await page.evaluate(() => window.playground.step(1));
    await page.waitForFunction(
      (w) => !document.querySelector('[data-testid=status-list] .racer-status')?.textContent.includes(w),
      words,
    );
    assert.match(await status.textContent(), lang === 'en' ? /^running · step 1$/ : /第 1 步$/);

    await page.evaluate((l) => window.playground.setState(`mode=classify&data=xor&lang=${l}`), lang);
    await page.waitForFunction(racersShown);
    const cell = page.locator('.racer-status').first();
    await page.waitForFunction((w) => document.querySelector('td.racer-status')?.textContent === w, words);
    await page.evaluate(() => window.playground.step(1));
    await page.waitForFunction((w) => document.querySelector('td.racer-status')?.textContent !== w, words);
    assert.match(await cell.textContent(), lang === 'en' ? /epoch 1$/ : /第 1 个回合$/);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the lessons’ θ_{t+1}, m_{t−1}, η_t and λ_max are set as sub- and superscripts', async () => {
  const { page, context, errors } = await openPage(env, 'lesson=summary&step=2');
  await page.waitForSelector('[data-testid=lesson-text] sub');
  const text = await page.textContent('[data-testid=lesson-text]');
  assert.doesNotMatch(text, /_\{|_[a-zA-Z]\b/, 'no raw subscript is left');
  const subs = await page.$$eval('[data-testid=lesson-text] sub', (s) => s.map((e) => e.textContent));
  assert.ok(subs.includes('t−1') && subs.includes('t'), subs.join(' '));
  assert.deepEqual(
    await page.$$eval('[data-testid=lesson-step-title] sub, .lesson-title sub', (s) => s.map((e) => e.textContent)),
    ['t', 't', 't'],
    'the lesson’s title “θ ← θ − (η_t/σ_t)·m_t”',
  );
  await page.screenshot({ path: shotPath('lesson-subscripts') });
  assert.deepEqual(errors, []);
  await context.close();
});
