// The lessons (web/lessons/) as data, checked against the core: every state reads through the
// codec without a problem, every number a text promises is recomputed from a real run, a real
// Hessian analysis (of a surface point, or of a network: ClassifySession.hessian) or the
// minimum-ratio experiment's runs, every question has exactly one true answer on the step's own
// run (and a drag question can be solved), and both languages are complete (Chinese keeps only
// names in Latin letters). No browser: the lesson files are bundled with esbuild and imported.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { latinWords, NAMES, namesFromCore } from '../e2e/chinese-page.mjs';
import { importFromWeb } from '../e2e/web-import.mjs';
import { loadModule, root } from './module.mjs';

let m;
let LESSONS;
let holds;
let analysisNumber;
let experimentNumber;
let needs;
let expandLessonLink;
before(async () => {
  m = await loadModule();
  ({ LESSONS, holds, analysisNumber, experimentNumber, needs, expandLessonLink } = await importFromWeb(
    "export { LESSONS } from './lessons/index';" +
      "export { holds, analysisNumber, experimentNumber, needs } from './lessons/judge';" +
      "export { expandLessonLink } from './lessons/navigation';",
  ));
});

const steps = () => LESSONS.flatMap((lesson) => lesson.steps.map((step, i) => ({ lesson, step, number: i + 1 })));
const where = ({ lesson, number }) => `${lesson.name} step ${number}`;
const isClassify = (link) => /(^|&)mode=classify(&|$)/.test(link);

// Every text of a step, in one language (its text, the question and all feedback).
function texts(step, lang) {
  const q = step.question;
  const parts = [step.title[lang], step.text[lang]];
  if (q?.kind === 'choice') parts.push(q.prompt[lang], ...q.options.flatMap((o) => [o.text[lang], o.why[lang]]));
  if (q?.kind === 'start') parts.push(q.prompt[lang], q.reached[lang], q.missed[lang]);
  return parts;
}

// The numbers written in a text: "−123.69", "1,000", "1.747e6", "71.2%" (also read as 0.712),
// "4/17" (also read as 4/17 = 0.2353).
function numbersIn(text) {
  const found = [];
  for (const match of text.matchAll(/[−-]?\d[\d,]*(?:\.\d+)?(?:e[−-]?\d+)?%?/g)) {
    let token = match[0].replace(/−/g, '-');
    const percent = token.endsWith('%');
    token = token.replace('%', '');
    // "1,000" is a thousands separator; "(0.8, −0.8)" never reaches here as one token.
    const value = Number(/^-?\d{1,3}(,\d{3})+(\.|$|e)/.test(token) ? token.replace(/,/g, '') : token.split(',')[0]);
    if (!Number.isFinite(value)) continue;
    found.push(value);
    if (percent) found.push(value / 100);
  }
  for (const [, numerator, denominator] of text.matchAll(/(\d+)\/(\d+)/g)) found.push(numerator / denominator);
  return found;
}

// How the texts name each kind of point, in each language.
const KIND_WORDS = {
  minimum: { en: /minimum/, zh: /最小值/ },
  maximum: { en: /maximum/, zh: /最大值/ },
  saddle: { en: /saddle point/, zh: /鞍点/ },
  degenerate: { en: /degenerate/, zh: /退化/ },
  'not-critical': { en: /not (even )?critical/, zh: /不是临界点|还不是临界点/ },
};

test('there are at least six lessons and 30 steps, with unique names the codec accepts', () => {
  assert.ok(LESSONS.length >= 6, `${LESSONS.length} lessons`);
  assert.ok(steps().length >= 30, `${steps().length} steps`);
  assert.equal(new Set(LESSONS.map((l) => l.name)).size, LESSONS.length);
  for (const lesson of LESSONS) {
    const parsed = JSON.parse(m.parseState(`lesson=${lesson.name}&step=${lesson.steps.length}`));
    assert.deepEqual(parsed.problems, [], lesson.name);
    assert.ok(lesson.name !== 'index', 'index names the list of lessons');
  }
});

test('every step is a state the codec reads without a problem, in its lesson and alone', () => {
  for (const item of steps()) {
    const { lesson, step, number } = item;
    for (const key of ['lang', 'lesson', 'step', 'present', 'embed', 'hide'])
      assert.ok(!new RegExp(`(^|&)${key}=`).test(step.link), `${where(item)}: the page adds ${key}`);
    const alone = JSON.parse(m.parseState(step.link));
    assert.deepEqual(alone.problems, [], `${where(item)}: ${step.link}`);
    // What the page opens for #lesson=NAME&step=K: the step's state with its place in the lesson.
    const opened = expandLessonLink(`lesson=${lesson.name}&step=${number}&lang=zh`);
    assert.deepEqual(opened.problems, []);
    const parsed = JSON.parse(m.parseState(opened.link));
    assert.deepEqual(parsed.problems, [], where(item));
    assert.equal(parsed.state.page.lesson, lesson.name);
    assert.equal(parsed.state.page.step, number);
    assert.equal(parsed.state.lang, 'zh');
    assert.equal(parsed.state.mode, isClassify(step.link) ? 'classify' : 'surface');
    if (step.analyze) assert.equal(parsed.state.mode, 'surface', `${where(item)}: analyze needs a surface`);
  }
});

test('lesson links: an unknown lesson or a step out of range is reported in both languages', () => {
  const unknown = expandLessonLink('lesson=saddles&step=2');
  assert.equal(unknown.problems.length, 1);
  assert.equal(unknown.problems[0].key, 'lesson');
  assert.match(unknown.problems[0].reason.en, /there is no lesson 'saddles'/);
  assert.match(unknown.problems[0].reason.zh, /没有名为“saddles”的课程/);
  assert.equal(unknown.link, '');
  const first = LESSONS[0];
  const beyond = expandLessonLink(`lesson=${first.name}&step=99`);
  assert.match(
    beyond.problems[0].reason.en,
    new RegExp(`steps 1 … ${first.steps.length}; showing step ${first.steps.length}`),
  );
  assert.match(beyond.link, new RegExp(`step=${first.steps.length}`));
  // A student's own state inside a step (more than page keys) is kept as it is.
  const own = `surface=beale&lesson=${first.name}&step=2&seed=4`;
  assert.deepEqual(expandLessonLink(own), { link: own, problems: [] });
});

test('both languages: every text is there, and the Chinese keeps only names in Latin letters', () => {
  const allowed = new Set([...NAMES, ...namesFromCore()]);
  const problems = [];
  for (const lesson of LESSONS)
    for (const text of [lesson.title, lesson.summary])
      if (!text.en.trim() || !text.zh.trim()) problems.push(`${lesson.name}: empty title or summary`);
  for (const item of steps()) {
    const en = texts(item.step, 'en');
    const zh = texts(item.step, 'zh');
    en.forEach((text, i) => {
      if (!text.trim() || !zh[i].trim()) problems.push(`${where(item)}: empty text`);
    });
    for (const text of zh)
      for (const word of latinWords(text)) if (!allowed.has(word)) problems.push(`${where(item)}: “${word}”`);
  }
  assert.deepEqual(problems, []);
});

// ---- runs -------------------------------------------------------------------------------------

// A classify racer's end as the page's controller reports it.
function racerEnd(session, i) {
  const r = session.racer(i);
  return { trainLoss: r.trainLoss, testLoss: r.testLoss, trainAcc: r.trainAcc, testAcc: r.testAcc, status: r.status };
}

// The Critical point panel's step length s when a step opens (ClassifyRunner.escapeStep).
const PANEL_ESCAPE_STEP = 1;

// A classify session of `link` trained to epoch `until` (its end when omitted), with the panel's
// `moves` made when it reaches moves.at: "Go to the critical point", then "Step to θ ± s·u".
function classifySession(link, until = Number.POSITIVE_INFINITY, moves) {
  const session = new m.ClassifySession(link);
  const trainTo = (epoch) => {
    while (session.racer(0).epoch < epoch && session.train(1));
  };
  if (moves && moves.at <= until) {
    trainTo(moves.at);
    if (moves.critical) session.criticalPoint(0);
    if (moves.escape) assert.ok(session.escape(0, PANEL_ESCAPE_STEP, moves.escape), 'no negative eigenvalue to escape');
  }
  trainTo(until);
  return session;
}

// The network's analysis of the first racer where the session stands, as playground.hessian().
function analysisOf(session) {
  const a = session.hessian(0, PANEL_ESCAPE_STEP);
  assert.ok(!a.tooLarge, 'the network has a Hessian analysis');
  return a;
}

// The minimum-ratio experiment's rows: run r of the link with seed + r (playground.minimumRatio).
const experiments = new Map();
function experimentRows(link, runs) {
  const key = `${runs}:${link}`;
  if (!experiments.has(key))
    experiments.set(
      key,
      Array.from({ length: runs }, (_, r) => m.minimumRatioRun(link, 0, r)),
    );
  return experiments.get(key);
}

// The racers at the end of the run of `link` (as the page's controllers report them), and at
// each `after` asked for: surface {x, y, loss, gradNorm, lr, divergedAt, status}; classify
// {trainLoss, testLoss, trainAcc, testAcc, status}.
function run(link, afters) {
  const at = new Map();
  if (isClassify(link)) {
    const session = classifySession(link);
    const count = session.racerCount();
    const row = (i, epoch) => {
      const h = session.history(i, 0);
      if (epoch * 7 >= h.length) return null;
      return {
        trainLoss: h[epoch * 7 + 1],
        testLoss: h[epoch * 7 + 2],
        trainAcc: h[epoch * 7 + 3],
        testAcc: h[epoch * 7 + 4],
      };
    };
    for (const after of afters)
      at.set(
        after,
        Array.from({ length: count }, (_, i) => row(i, after)),
      );
    const end = Array.from({ length: count }, (_, i) => racerEnd(session, i));
    session.delete();
    return { at, end };
  }
  const session = new m.SurfaceSession(link);
  const frame = (i) => {
    const r = session.racer(i);
    return {
      step: r.step,
      x: r.x,
      y: r.y,
      loss: r.loss,
      gradNorm: Math.hypot(r.gradX, r.gradY),
      lr: r.nextRate,
      // The step of the update that gave a non-finite value, from the status the page shows.
      divergedAt: Number(/^diverged at step (\d+)$/.exec(r.statusText.en)?.[1] ?? Number.NaN),
      status: r.statusText.en,
    };
  };
  let done = 0;
  for (const after of [...afters].sort((a, b) => a - b)) {
    session.advance(after - done);
    done = after;
    at.set(
      after,
      Array.from({ length: session.racerCount() }, (_, i) => frame(i)),
    );
  }
  while (!session.finished()) session.advance(100000);
  const end = Array.from({ length: session.racerCount() }, (_, i) => frame(i));
  session.delete();
  return { at, end };
}

// What a claim says the step's text states, recomputed: a number, or for a kind claim the kind.
function actualOf(item, claim, at) {
  const { step } = item;
  const label = `${where(item)}: ${JSON.stringify(claim)}`;
  if ('runs' in claim) return experimentNumber(experimentRows(step.link, claim.runs), claim.experiment);
  if ('analysis' in claim || 'kind' in claim) {
    const session = classifySession(step.link, claim.after, claim.moves);
    assert.equal(session.racer(0).epoch, claim.after, `${label}: the run ends before`);
    const analysis = analysisOf(session);
    session.delete();
    return 'kind' in claim ? analysis.kind : analysisNumber(analysis, claim.analysis);
  }
  if ('at' in claim) {
    const a = JSON.parse(analyzeAt(step.link, claim.at));
    return {
      value: a.value,
      gradNorm: Math.hypot(...a.gradient),
      lambda1: a.eigenvalues[0],
      lambda2: a.eigenvalues[1],
    }[claim.quantity];
  }
  let racer;
  if (claim.moves) {
    const session = classifySession(step.link, claim.after, claim.moves);
    assert.equal(session.racer(0).epoch, claim.after, `${label}: the run ends before`);
    racer = racerEnd(session, claim.racer);
    session.delete();
  } else racer = at.get(claim.after)[claim.racer];
  assert.ok(racer, `${label}: no such racer or epoch`);
  if (claim.quantity === 'divergedAt') assert.match(racer.status ?? '', /diverged/, label);
  return racer[claim.quantity];
}

function knownMinimum(link) {
  const name = JSON.parse(m.parseState(link)).state.surface.name;
  const minima = JSON.parse(m.catalogue()).surfaces.find((surface) => surface.name === name).minima;
  assert.ok(minima.length > 0, `${link}: 'minimum' needs a surface with a known minimum`);
  return minima[0];
}

test('a step that analyses a known minimum analyses a critical point: the panel says minimum there', () => {
  let found = 0;
  for (const entry of steps()) {
    const { step } = entry;
    if (step.analyze !== 'minimum') continue;
    const a = JSON.parse(analyzeAt(step.link, 'minimum'));
    assert.equal(a.kind, 'minimum', `${where(entry)}: the panel says ${a.kind}`);
    found++;
  }
  assert.ok(found >= 1);
  // Where the text names the minimum, the step analyses it exactly (not a rounded point).
  for (const entry of steps())
    if (/analyses the minimum/.test(entry.step.text.en))
      assert.equal(entry.step.analyze, 'minimum', `${where(entry)}: analyse the exact minimum`);
});

// The feedback of a wrong answer says "What happened: {the option's text}." and goes on with the
// option's why: a why that opens with the option's own words says them twice.
test('an answer’s explanation does not open by repeating the answer', () => {
  // The first clause of a text, in lower case.
  const head = (text) =>
    text
      .split(/[.。:：,，;；(（]/)[0]
      .trim()
      .toLowerCase();
  const literal = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const entry of steps()) {
    const q = entry.step.question;
    if (q?.kind !== 'choice') continue;
    for (const option of q.options)
      for (const lang of ['en', 'zh']) {
        const answer = head(option.text[lang]);
        const opening = head(option.why[lang]);
        const repeats =
          lang === 'en'
            ? new RegExp(`^${literal(answer)}(?![\\w’'])`).test(opening) // "Momentum’s m" is not a repeat
            : new RegExp(`^是?${literal(answer)}(?!的)`).test(opening); // nor is "动量法的 m"
        assert.ok(
          !repeats,
          `${where(entry)} (${lang}): “${option.why[lang].slice(0, 30)}…” repeats “${option.text[lang]}”`,
        );
      }
  }
});

// Presentation mode leaves out the panels that edit; a step whose text sends the student to one
// of them must name it (LessonStep.panels), or the projector hides what the text talks about.
const PANEL_WORDS = {
  critical: { en: /Critical point panel|experiment panel|\bthe panel\b|In the panel/, zh: /面板/ },
  formula: { en: /update rule\b(?! for all)/, zh: /更新规则[”里]/ },
};

test('a step whose text talks about a panel that presentation mode leaves out names it, and only then', () => {
  for (const entry of steps()) {
    const { step } = entry;
    const mode = isClassify(step.link) ? 'classify' : 'surface';
    for (const [panel, words] of Object.entries(PANEL_WORDS)) {
      if ((panel === 'critical') !== (mode === 'classify')) continue;
      const talks = words.en.test(step.text.en) || words.zh.test(step.text.zh);
      const named = (step.panels ?? []).includes(panel);
      if (talks) assert.ok(named, `${where(entry)} talks about the ${panel} panel: list it in panels`);
    }
    for (const panel of step.panels ?? [])
      assert.ok(
        panel === 'critical' ? mode === 'classify' : mode === 'surface',
        `${where(entry)}: '${panel}' is not a panel of its page`,
      );
  }
});

test('every number a step promises is what its run, its Hessian analysis or its experiment gives', () => {
  let checked = 0;
  for (const item of steps()) {
    const { step } = item;
    const claims = step.claims ?? [];
    if (claims.length === 0) continue;
    const afters = claims.filter((c) => 'after' in c && 'quantity' in c && !c.moves).map((c) => c.after);
    const { at } = run(step.link, afters);
    const texts_ = { en: texts(step, 'en'), zh: texts(step, 'zh') };
    const numbers = { en: texts_.en.flatMap(numbersIn), zh: texts_.zh.flatMap(numbersIn) };
    for (const claim of claims) {
      const label = `${where(item)}: ${JSON.stringify(claim)}`;
      const network = 'analysis' in claim || 'kind' in claim || 'runs' in claim || claim.moves;
      if (network) assert.ok(isClassify(step.link), `${label}: the network's numbers need a classify step`);
      const actual = actualOf(item, claim, at);
      if ('kind' in claim) {
        assert.equal(actual, claim.kind, `${label}: the analysis finds ${actual}`);
        for (const lang of ['en', 'zh'])
          assert.ok(
            texts_[lang].some((text) => KIND_WORDS[claim.kind][lang].test(text)),
            `${label}: the ${lang} text does not name it`,
          );
        checked++;
        continue;
      }
      assert.ok(Number.isFinite(actual), `${label}: got ${actual}`);
      assert.ok(Math.abs(actual - claim.value) <= claim.tolerance, `${label}: the run gives ${actual}`);
      // The text states it (in both languages), as a number within the claim's tolerance.
      for (const lang of ['en', 'zh'])
        assert.ok(
          numbers[lang].some(
            (n) => Math.abs(n - claim.value) <= Math.max(claim.tolerance, Math.abs(claim.value) * 1e-3),
          ),
          `${label}: the ${lang} text does not state ${claim.value}`,
        );
      checked++;
    }
  }
  assert.ok(checked >= 90, `${checked} claims checked`);
});

// `at`: (x, y), or 'minimum', the surface's known minimum from the catalogue.
function analyzeAt(link, at) {
  const [x, y] = at === 'minimum' ? knownMinimum(link) : at;
  const session = new m.SurfaceSession(link);
  const text = session.analyze(x, y, 0, 0);
  session.delete();
  return text;
}

// What each question's run does, read from `playground run`, `hessian` and `minimum-ratio` by hand
// when the lessons were written (e.g. scheduling step 2: losses 3.7e-5, 0.0436, 0.0054 after 300
// updates, so red is lowest; critical-points step 10: `hessian --critical true` on the link says
// kind=saddle; step 12: `minimum-ratio --runs 10` lists 6 degenerate and 4 saddle points, no
// minimum; batch-momentum step 1: `run` gives losses 102967.4 (batch 1) and 101936.73 (full batch)
// at step 5000).
const ANSWERS = {
  'critical-points step 2': 'At the origin, the saddle point ✕',
  'critical-points step 6': 'Past the saddle point and off the map along y',
  'critical-points step 9': 'Yes: some directions still curve down',
  'critical-points step 10': 'A saddle point: some eigenvalues negative, some positive',
  'critical-points step 11': 'Below 0.6: off the plateau',
  'critical-points step 12': 'None',
  'batch-momentum step 1': 'Full batch (white)',
  'batch-momentum step 3': 'Below 0.3',
  'batch-momentum step 4': 'Lower',
  'batch-momentum step 5': 'Only the noisy one (white)',
  'batch-momentum step 6': 'Only momentum (white)',
  'batch-momentum step 7': 'Only momentum',
  'adaptive step 3': 'White diverges, red does not',
  'adaptive step 5': 'Yes',
  'adaptive step 6': 'RMSProp (white)',
  'adaptive step 7': 'Only Adam',
  'scheduling step 2': 'Red, the constant rate',
  'scheduling step 3': 'With warmup (white)',
  'summary step 6': 'Momentum (white)',
  'classification step 4': 'Only Adam',
  'classification step 5': 'Cross-entropy (red)',
  'classification step 6': 'Yes',
};

// What the page's Run produces for a question: the racers' ends, and where the question is
// judged by them, the network's analysis there or the experiment's runs.
function questionEnd(step) {
  const q = step.question;
  if (q.experiment) return { racers: [], experiment: experimentRows(step.link, q.experiment) };
  if (!isClassify(step.link)) return { racers: run(step.link, []).end };
  const session = classifySession(step.link, undefined, q.moves);
  const end = { racers: Array.from({ length: session.racerCount() }, (_, i) => racerEnd(session, i)) };
  if (q.options.some((option) => needs(option.when, 'analysis'))) end.analysis = analysisOf(session);
  session.delete();
  return end;
}

test('every choice question has exactly one true answer on the step’s own run: the one seen by hand', () => {
  const asked = [];
  for (const item of steps()) {
    const q = item.step.question;
    if (q?.kind !== 'choice') continue;
    if (q.moves || q.experiment) assert.ok(isClassify(item.step.link), `${where(item)}: a network question`);
    const end = questionEnd(item.step);
    const holding = q.options.filter((option) => holds(option.when, end)).map((option) => option.text.en);
    assert.deepEqual(holding, [ANSWERS[where(item)]], where(item));
    asked.push(where(item));
  }
  assert.deepEqual(asked.sort(), Object.keys(ANSWERS).sort());
});

test('every drag question fails from the step’s own start and can be solved from another', () => {
  let questions = 0;
  for (const item of steps()) {
    const q = item.step.question;
    if (q?.kind !== 'start') continue;
    assert.ok(!isClassify(item.step.link), `${where(item)}: dragging the start needs a surface`);
    assert.equal(
      holds(q.goal, { racers: run(item.step.link, []).end }),
      false,
      `${where(item)}: solved before any drag`,
    );
    const view = JSON.parse(m.parseState(item.step.link)).state.surface.view;
    let solved = null;
    for (let i = 1; i < 10 && !solved; ++i)
      for (let j = 1; j < 10 && !solved; ++j) {
        const x = view[0] + ((view[1] - view[0]) * i) / 10;
        const y = view[2] + ((view[3] - view[2]) * j) / 10;
        if (holds(q.goal, { racers: run(`${item.step.link}&start=${x},${y}`, []).end })) solved = [x, y];
      }
    assert.ok(solved, `${where(item)}: no start on a 9×9 grid of the view reaches the goal`);
    questions++;
  }
  assert.ok(questions >= 2);
});

test('the judge: outcomes read the racers’ numbers, the analysis and the experiment as stated', () => {
  const racers = [
    { x: 1, y: 2, loss: 0.5, status: 'step limit reached' },
    { x: -1, y: 0, loss: 0.1, status: 'diverged at step 7' },
  ];
  const end = { racers };
  assert.equal(holds({ racer: 1, diverged: true }, end), true);
  assert.equal(holds({ racer: 0, diverged: true }, end), false);
  assert.equal(holds({ racer: 0, quantity: 'loss', below: 0.5 }, end), false); // strict
  assert.equal(holds({ racer: 0, quantity: 'loss', above: 0.4, below: 0.6 }, end), true);
  assert.equal(holds({ racer: 0, near: [1.3, 2.4], within: 0.5 }, end), false); // distance exactly 0.5
  assert.equal(holds({ racer: 0, near: [1.3, 2.39], within: 0.5 }, end), true);
  assert.equal(holds({ lowest: 'loss', racer: 1 }, end), true);
  assert.equal(holds({ highest: 'x', racer: 1 }, end), false);
  assert.equal(holds({ not: { highest: 'x', racer: 1 } }, end), true);
  assert.equal(
    holds(
      {
        all: [
          { lowest: 'loss', racer: 1 },
          { racer: 5, diverged: false },
        ],
      },
      end,
    ),
    false,
  );
  // A tie is nobody's lowest.
  assert.equal(holds({ lowest: 'loss', racer: 0 }, { racers: [{ loss: 1 }, { loss: 1 }] }), false);

  // The network's analysis: its numbers with strict bounds, its kind; none at all holds nothing.
  const analysis = {
    kind: 'saddle',
    objective: 0.69,
    gradientNorm: 3e-8,
    minimumRatio: 4 / 17,
    negative: 3,
    lambdaMaxLr: 0.11,
    escape: { plus: 0.67, minus: 0.68 },
  };
  const analysed = { racers, analysis };
  assert.equal(holds({ kind: 'saddle' }, analysed), true);
  assert.equal(holds({ kind: 'minimum' }, analysed), false);
  assert.equal(holds({ analysis: 'negative', above: 2, below: 4 }, analysed), true);
  assert.equal(holds({ analysis: 'negative', below: 3 }, analysed), false); // strict
  assert.equal(holds({ analysis: 'escapePlus', below: 0.69 }, analysed), true);
  assert.equal(
    holds({ analysis: 'escapeMinus', above: 0 }, { racers, analysis: { ...analysis, escape: null } }),
    false,
  );
  assert.equal(holds({ analysis: 'lambdaMaxLr', below: 2 }, end), false);
  assert.equal(holds({ not: { kind: 'saddle' } }, { racers, analysis: null }), true);
  assert.equal(needs({ not: { all: [{ racer: 0, diverged: false }, { kind: 'saddle' }] } }, 'analysis'), true);
  assert.equal(needs({ racer: 0, quantity: 'trainLoss', below: 1 }, 'analysis'), false);

  // The experiment's runs: counts by kind, the smallest and largest among all or one kind.
  const experiment = [
    { kind: 'saddle', minimumRatio: 0.8, objective: 0.3 },
    { kind: 'degenerate', minimumRatio: 0.9, objective: 0.1 },
    { kind: 'saddle', minimumRatio: 0.7, objective: 0.2 },
  ];
  assert.equal(experimentNumber(experiment, { count: 'saddle' }), 2);
  assert.equal(experimentNumber(experiment, { count: 'minimum' }), 0);
  assert.equal(experimentNumber(experiment, { largest: 'minimumRatio' }), 0.9);
  assert.equal(experimentNumber(experiment, { smallest: 'objective', kind: 'saddle' }), 0.2);
  assert.ok(Number.isNaN(experimentNumber(experiment, { largest: 'objective', kind: 'maximum' })));
  assert.equal(holds({ experiment: { count: 'minimum' }, below: 1 }, { racers, experiment }), true);
  assert.equal(holds({ experiment: { count: 'saddle' }, above: 2 }, { racers, experiment }), false);
  assert.equal(holds({ experiment: { count: 'saddle' }, below: 5 }, end), false); // no runs: nothing holds
  assert.equal(needs({ experiment: { count: 'saddle' }, below: 5 }, 'experiment'), true);
});

test('docs/reference.md lists every lesson with its number of steps, and the panels hide= can name', () => {
  const reference = readFileSync(join(root, 'docs/reference.md'), 'utf8');
  const section = reference.slice(reference.indexOf('## Lessons'), reference.indexOf('## Classroom'));
  const rows = [...section.matchAll(/^\| `([a-z0-9-]+)` \| [^|]+ \| (\d+) \|$/gm)].map((row) => [
    row[1],
    Number(row[2]),
  ]);
  assert.deepEqual(
    rows,
    LESSONS.map((l) => [l.name, l.steps.length]),
  );
  const { panels } = JSON.parse(m.catalogue());
  for (const mode of ['surface', 'classify']) {
    const listed = new RegExp(`${mode} \`${panels[mode].join(' ')}\``);
    assert.match(reference, listed, `the ${mode} panels in the key table`);
  }
});
