// The lessons in the browser: every step of every lesson opens from its link in both languages
// with no console error or CSP violation, shows its own text over a live, drawn playground, and
// its promised run numbers are what the page computes; navigation by buttons and keys, the
// address that follows, the lessons page, and "predict, then run" judged from the run.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { englishOnPage } from './chinese-page.mjs';
import { canvasStats, openPage, shotPath, startBrowser } from './harness.mjs';
import { mapPixel } from './surface-helpers.mjs';
import { importFromWeb } from './web-import.mjs';

let env;
let LESSONS;
let analysisNumber;
let needs;
before(async () => {
  env = await startBrowser();
  ({ LESSONS, analysisNumber, needs } = await importFromWeb(
    "export { LESSONS } from './lessons/index'; export { analysisNumber, needs } from './lessons/judge';",
  ));
});
after(async () => {
  await env?.close();
});

const isClassify = (link) => /(^|&)mode=classify(&|$)/.test(link);

// Opens a link as the address bar would and waits until the lesson bar shows `step`.
async function openStep(page, hash, title) {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
  await page.waitForFunction(
    (t) => document.querySelector('[data-testid=lesson-step-title]')?.textContent.includes(t),
    title,
    { timeout: 30000 },
  );
}

// The lesson's text as the page shows it, each <sub>/<sup> written back as _{…}/^{…}.
const shownText = (page) =>
  page.$eval('[data-testid=lesson-text]', (p) =>
    [...p.childNodes]
      .map((n) =>
        n.nodeType === Node.TEXT_NODE ? n.textContent : `${n.tagName === 'SUB' ? '_' : '^'}{${n.textContent}}`,
      )
      .join(''),
  );
// The source text with each sub- or superscript in braces, as the lessons mean them (θ_{t+1},
// η_t, λ_max, t^−0.5): the page must set every one of them, and nothing else.
const braced = (text) =>
  text.replace(/_(max|min|[\p{L}\p{N}])(?![\p{L}\p{N}_{])/gu, '_{$1}').replace(/\^([−-]?\d+(?:\.\d+)?)/g, '^{$1}');

// The text as the page's textContent reads it: the sub- and superscripts without their marks.
const unmarked = (text) => braced(text).replace(/[_^]\{([^{}]*)\}/g, '$1');

// The racers' numbers as the claims name them (racers() of the automation API).
function quantity(racer, name) {
  if (name === 'divergedAt') return Number(/diverged at step (\d+)/.exec(racer.status)?.[1]);
  return racer[name];
}

for (const lang of ['en', 'zh'])
  test(`every lesson step opens from its link in ${lang}, drawn, in its language, with no error`, async () => {
    const { page, context, errors } = await openPage(env, `lesson=index&lang=${lang}`);
    await page.waitForSelector('[data-testid=lesson-index]');
    const listed = await page.$$eval('.lesson-list > li', (items) => items.map((li) => li.dataset.testid));
    assert.deepEqual(
      listed,
      LESSONS.map((l) => `lesson-${l.name}`),
    );
    const api = await page.evaluate(() => window.playground.lessons());
    assert.deepEqual(
      api,
      LESSONS.map((l) => ({ name: l.name, title: l.title[lang], steps: l.steps.length })),
    );
    for (const lesson of LESSONS)
      for (const [i, step] of lesson.steps.entries()) {
        const where = `${lesson.name} step ${i + 1} (${lang})`;
        await openStep(page, `lesson=${lesson.name}&step=${i + 1}&lang=${lang}`, step.title[lang]);
        assert.deepEqual(await page.evaluate(() => window.playground.lesson()), {
          name: lesson.name,
          step: i + 1,
          steps: lesson.steps.length,
        });
        assert.equal(await shownText(page), braced(step.text[lang]), where);
        const canvas = isClassify(step.link) ? '[data-testid=decision-map]' : '[data-testid=surface-map]';
        await page.waitForSelector(canvas);
        if (isClassify(step.link))
          await page.waitForFunction(() => window.playground.racers().length > 0, null, { timeout: 30000 });
        await page.evaluate(
          () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
        );
        const stats = await canvasStats(page, canvas);
        assert.ok(
          stats.painted > 0.99 && stats.colours > 20,
          `${where}: the ${canvas} is drawn (${JSON.stringify(stats)})`,
        );
        if (step.analyze) await page.waitForSelector('[data-testid=hessian-panel]');
        if (lang === 'zh') assert.deepEqual(await englishOnPage(page), [], `${where}: English on the Chinese page`);
      }
    await page.screenshot({ path: shotPath(`lesson-last-step-${lang}`) });
    assert.deepEqual(errors, []);
    await context.close();
  });

// A claim's number on the page now: a racer's (racers()) or the network's analysis (hessian()).
async function claimedNow(page, claim) {
  if ('analysis' in claim || 'kind' in claim) {
    const analysis = await page.evaluate(() => window.playground.hessian());
    return 'kind' in claim ? analysis.kind : analysisNumber(analysis, claim.analysis);
  }
  return quantity((await page.evaluate(() => window.playground.racers()))[claim.racer], claim.quantity);
}

function expectClaim(actual, claim, where) {
  const what = `${where}: ${JSON.stringify(claim)}`;
  if ('kind' in claim) assert.equal(actual, claim.kind, what);
  else assert.ok(Math.abs(actual - claim.value) <= claim.tolerance, `${what}: the page gives ${actual}`);
}

// Trains the step's own run (from its start, `done` epochs or updates in) up to each claim's
// `after` and checks the claims there.
async function checkClaimsInOrder(page, claims, where, done = 0) {
  for (const claim of [...claims].sort((a, b) => a.after - b.after)) {
    if (claim.after > done) await page.evaluate((n) => window.playground.step(n), claim.after - done);
    done = claim.after;
    expectClaim(await claimedNow(page, claim), claim, where);
  }
}

test('every number a step’s text promises about its run is what the page computes', async () => {
  const { page, context, errors } = await openPage(env, 'lesson=index');
  let checked = 0;
  for (const lesson of LESSONS)
    for (const [i, step] of lesson.steps.entries()) {
      // gradNorm and lr are not among racers(); tests/wasm/lessons.test.mjs checks those. Claims
      // with moves in the Critical point panel, and the experiment's, have tests of their own below.
      const claims = (step.claims ?? []).filter(
        (c) => 'after' in c && !c.moves && !['gradNorm', 'lr'].includes(c.quantity),
      );
      if (claims.length === 0) continue;
      await openStep(page, `lesson=${lesson.name}&step=${i + 1}`, step.title.en);
      if (isClassify(step.link))
        await page.waitForFunction(() => window.playground.racers().length > 0, null, { timeout: 30000 });
      await checkClaimsInOrder(page, claims, `${lesson.name} step ${i + 1}`);
      checked += claims.length;
    }
  assert.ok(checked >= 55, `${checked} numbers checked`);
  assert.deepEqual(errors, []);
  await context.close();
});

// The moves a student makes in the Critical point panel, by its buttons: train to moves.at, “Go
// to the critical point”, then “Step to θ ± s·u”.
async function makeMoves(page, moves) {
  await page.evaluate((n) => window.playground.step(n), moves.at);
  if (moves.critical) {
    await page.click('[data-testid=critical-search]');
    await page.waitForSelector('[data-testid=critical-search-result]', { timeout: 60000 });
  }
  if (moves.escape) await page.click(`[data-testid=escape-${moves.escape > 0 ? 'plus' : 'minus'}]`);
}

test('the network steps: the numbers their texts promise after moves in the Critical point panel', async () => {
  const { page, context, errors } = await openPage(env, 'lesson=index');
  let checked = 0;
  for (const lesson of LESSONS)
    for (const [i, step] of lesson.steps.entries()) {
      const withMoves = (step.claims ?? []).filter((c) => c.moves);
      if (withMoves.length === 0) continue;
      const where = `${lesson.name} step ${i + 1}`;
      await openStep(page, `lesson=${lesson.name}&step=${i + 1}`, step.title.en);
      await page.waitForFunction(() => window.playground.racers().length > 0, null, { timeout: 30000 });
      for (const key of new Set(withMoves.map((c) => JSON.stringify(c.moves)))) {
        const moves = JSON.parse(key);
        await page.click('[data-testid=reset]');
        await page.waitForFunction(() => window.playground.racers()[0]?.epoch === 0, null, { timeout: 30000 });
        await makeMoves(page, moves);
        const claims = withMoves.filter((c) => JSON.stringify(c.moves) === key);
        await checkClaimsInOrder(page, claims, `${where} after ${key}`, moves.at);
        checked += claims.length;
      }
    }
  assert.ok(checked >= 9, `${checked} numbers checked`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('←/→ and the buttons move between steps and lessons; the address follows; Restore and Leave', async () => {
  const [first, second] = LESSONS;
  const { page, context, errors } = await openPage(env, `lesson=${first.name}`);
  await page.waitForSelector('[data-testid=lesson-bar]');
  const where = () => page.evaluate(() => window.playground.lesson());
  const hashSays = (name, step) =>
    page.waitForFunction(
      ([n, s]) => location.hash.includes(`lesson=${n}&step=${s}`) || location.hash.endsWith(`lesson=${n}&step=${s}`),
      [name, step],
    );
  assert.deepEqual(await where(), { name: first.name, step: 1, steps: first.steps.length });
  await page.keyboard.press('ArrowRight');
  await hashSays(first.name, 2);
  assert.equal((await where()).step, 2);
  assert.match(await page.textContent('[data-testid=lesson-progress]'), new RegExp(`Step 2 of ${first.steps.length}`));
  await page.click('[data-testid=lesson-previous]');
  await hashSays(first.name, 1);
  await page.click('[data-testid=lesson-next]');
  await hashSays(first.name, 2);
  // A dot per step goes straight there; the last step's Next opens the next lesson.
  await page.click(`.lesson-dots li:nth-child(${first.steps.length}) button`);
  await hashSays(first.name, first.steps.length);
  assert.ok(await page.isDisabled('[data-testid=lesson-previous]').then((d) => !d));
  await page.click('[data-testid=lesson-next]');
  await hashSays(second.name, 1);
  assert.equal(await page.isDisabled('[data-testid=lesson-previous]'), true);
  // The playground stays live: an edit keeps the lesson in the link, Restore brings the step back.
  const own = await page.evaluate(() => window.playground.state());
  await page.evaluate(() => window.playground.setState(`${window.playground.state()}&seed=77`));
  assert.match(await page.evaluate(() => window.playground.state()), /seed=77.*lesson=batch-momentum&step=1/);
  await page.click('[data-testid=lesson-restore]');
  assert.equal(await page.evaluate(() => window.playground.state()), own);
  await page.click('[data-testid=lesson-leave]');
  assert.equal(await where(), null);
  assert.doesNotMatch(await page.evaluate(() => window.playground.state()), /lesson=/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a link to a lesson that does not exist, or to a step beyond its end, is said in both languages', async () => {
  const { page, context, errors } = await openPage(env, 'lesson=saddles&step=2&lang=zh');
  await page.waitForSelector('[data-testid=notice]');
  assert.match(await page.textContent('[data-testid=notice]'), /没有名为“saddles”的课程/);
  assert.equal(await page.evaluate(() => window.playground.lesson()), null);
  const problems = await page.evaluate(() => window.playground.setState('lesson=adaptive&step=42'));
  assert.equal(problems[0].key, 'step');
  assert.match(problems[0].reason, /has steps 1 … 7; showing step 7/);
  assert.deepEqual(await page.evaluate(() => window.playground.lesson()), { name: 'adaptive', step: 7, steps: 7 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('predict, then run: the answer is judged from the run, right or wrong, with its numbers', async () => {
  const { page, context, errors } = await openPage(env, 'lesson=adaptive&step=3');
  await page.waitForSelector('[data-testid=question]');
  // Red (η = 1.1e-6) holds, white (η = 1.2e-6) diverges at step 181: option 0 is what happens.
  await page.click('[data-testid=option-1]');
  await page.click('[data-testid=question-run]');
  await page.waitForSelector('[data-testid=feedback]', { timeout: 60000 });
  assert.equal(await page.getAttribute('[data-testid=verdict]', 'data-right'), 'false');
  assert.match(await page.textContent('[data-testid=verdict]'), /What happened: White diverges, red does not/);
  assert.match(await page.textContent('[data-testid=feedback-racers]'), /diverged at step 181/);
  await page.click('[data-testid=option-0]');
  await page.click('[data-testid=question-run]');
  await page.waitForSelector('[data-testid=verdict][data-right=true]', { timeout: 60000 });
  await page.screenshot({ path: shotPath('lesson-question-en') });

  // Changed settings change what happened: with both rates below the limit, "neither diverges".
  await page.evaluate(() => window.playground.setState('lesson=adaptive&step=3'));
  await page.waitForSelector('[data-testid=option-2]');
  await page.evaluate(() => {
    const link = window.playground.state().replace('gd(lr:0.0000012)', 'gd(lr:1e-6)');
    window.playground.setState(link);
  });
  await page.click('[data-testid=option-2]');
  await page.click('[data-testid=question-run]');
  await page.waitForSelector('[data-testid=verdict][data-right=true]', { timeout: 60000 });
  assert.match(await page.textContent('[data-testid=feedback]'), /below the stability limit/);

  // A classify question: the run ends at the link's epochs, here sped up by stepping to the end.
  await page.evaluate(() => window.playground.setState('lesson=classification&step=5&lang=zh'));
  await page.waitForSelector('[data-testid=option-0]');
  await page.waitForFunction(() => window.playground.racers().length === 2);
  await page.click('[data-testid=option-0]');
  await page.click('[data-testid=question-run]');
  await page.waitForSelector('[data-testid=verdict]', { timeout: 60000 });
  assert.equal(await page.getAttribute('[data-testid=verdict]', 'data-right'), 'true');
  assert.match(await page.textContent('[data-testid=feedback]'), /99\.2%/);
  await page.screenshot({ path: shotPath('lesson-question-zh') });
  assert.deepEqual(errors, []);
  await context.close();
});

// The questions on the network's Hessian and on the surfaces' batch and noise, each answered
// right as the CLI says (`hessian` on the link at epoch 300: 4 negative eigenvalues; `hessian
// --critical true`: kind=saddle; the escaped run's `playground run` rows: training loss 0.568 at
// epoch 600; `minimum-ratio --runs 10`: 6 degenerate, 4 saddle, no minimum; `run`: at update
// 5,000 the full batch's loss 101,936.73 below batch 1's 102,967, and at update 1,000 plain
// gradient descent's loss 1 at the saddle point, the noisy one's 5.8e-7), in both languages.
const NEW_QUESTIONS = [
  ['critical-points', 9, 'en', 'Yes: some directions still curve down'],
  ['critical-points', 10, 'zh', 'A saddle point: some eigenvalues negative, some positive'],
  ['critical-points', 11, 'en', 'Below 0.6: off the plateau'],
  ['critical-points', 12, 'zh', 'None'],
  ['batch-momentum', 1, 'zh', 'Full batch (white)'],
  ['batch-momentum', 5, 'en', 'Only the noisy one (white)'],
];

test('predict, then run on the network’s Hessian and with batch noise: Run makes the panel’s moves or runs the experiment', async () => {
  const { page, context, errors } = await openPage(env, 'lesson=index');
  for (const [name, number, lang, answer] of NEW_QUESTIONS) {
    const step = LESSONS.find((l) => l.name === name).steps[number - 1];
    const where = `${name} step ${number} (${lang})`;
    const question = step.question;
    const option = question.options.findIndex((o) => o.text.en === answer);
    assert.ok(option >= 0, `${where}: no option “${answer}”`);
    await openStep(page, `lesson=${name}&step=${number}&lang=${lang}`, step.title[lang]);
    await page.waitForFunction(() => window.playground.racers().length > 0, null, { timeout: 30000 });
    await page.click(`[data-testid=option-${option}]`);
    await page.click('[data-testid=question-run]');
    await page.waitForSelector('[data-testid=verdict]', { timeout: 240000 });
    assert.equal(await page.getAttribute('[data-testid=verdict]', 'data-right'), 'true', where);
    assert.ok(
      (await page.textContent('[data-testid=feedback]')).includes(unmarked(question.options[option].why[lang])),
      where,
    );
    if (question.moves) {
      // The run made the moves and trained on to the link's end: the page's numbers are the text's.
      const claims = step.claims.filter((c) => JSON.stringify(c.moves) === JSON.stringify(question.moves));
      const [racer] = await page.evaluate(() => window.playground.racers());
      for (const claim of claims) {
        assert.equal(racer.epoch, claim.after, where);
        expectClaim(await claimedNow(page, claim), claim, where);
      }
      const analysis = await page.evaluate(() => window.playground.hessian());
      await page.waitForSelector(`[data-testid=critical-kind][data-kind=${analysis.kind}]`);
      assert.ok(claims.length > 0, `${where}: claims after its moves`);
    }
    // Judged by the network's analysis where the run ended: the feedback shows it.
    if (question.options.some((o) => needs(o.when, 'analysis')))
      assert.match(await page.textContent('[data-testid=feedback-analysis]'), /‖∇J‖ = /);
    if (question.experiment) {
      const runs = question.experiment;
      assert.equal(await page.getAttribute('[data-testid=experiment-scatter]', 'data-points'), String(runs));
      assert.match(await page.textContent('[data-testid=experiment-count]'), new RegExp(`${runs} (of|/) ${runs}`));
      assert.match(await page.textContent('[data-testid=feedback-experiment]'), new RegExp(`^${runs}`));
    }
    if (lang === 'zh') assert.deepEqual(await englishOnPage(page), [], `${where}: English on the Chinese page`);
    await page.screenshot({ path: shotPath(`lesson-${name}-${number}-${lang}`), fullPage: true });
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a drag question: the feedback follows where the student put the start', async () => {
  const { page, context, errors } = await openPage(env, 'lesson=critical-points&step=7');
  await page.waitForSelector('[data-testid=question-start]');
  const view = [-5, 5, -5, 5];
  // From the origin (the step's own start) gradient descent ends at (3, 2): goal missed.
  await page.click('[data-testid=question-run]');
  await page.waitForSelector('[data-testid=verdict]', { timeout: 60000 });
  assert.equal(await page.getAttribute('[data-testid=verdict]', 'data-right'), 'false');
  assert.match(await page.textContent('[data-testid=feedback-racers]'), /ends at \(3, 2\)/);
  // Dragged to (−3, 3), in the basin of the minimum near (−2.81, 3.13): goal reached.
  const from = await mapPixel(page, view, 0, 0);
  const to = await mapPixel(page, view, -3, 3);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(() =>
    /Your start: \(-3/.test(document.querySelector('[data-testid=question-start]').textContent),
  );
  await page.click('[data-testid=question-run]');
  await page.waitForSelector('[data-testid=verdict][data-right=true]', { timeout: 60000 });
  assert.match(await page.textContent('[data-testid=feedback-racers]'), /ends at \(-2\.805/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('screenshots: a lesson step in English and in Chinese', async () => {
  for (const lang of ['en', 'zh']) {
    const { page, context, errors } = await openPage(env, `lesson=critical-points&step=3&lang=${lang}`);
    await page.waitForSelector('[data-testid=hessian-panel]');
    await page.evaluate(() => window.playground.step(500));
    await page.waitForTimeout(300);
    await page.screenshot({ path: shotPath(`lesson-step-${lang}`) });
    assert.deepEqual(errors, []);
    await context.close();
  }
});
