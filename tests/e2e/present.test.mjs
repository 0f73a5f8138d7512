// Presentation mode on a 1920×1080 projector and the embed snippet in other people's pages, as a
// teacher uses them: the map fills the screen's height, its labels and the charts' legends grow;
// a lesson sits beside the map (both pages) and shows the panels its text talks about; the icon
// buttons keep their glyph centred; the snippet needs no inline style, warns about nothing, and
// the embedded page fits its play controls (and a lesson its answers) into the frame.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openPage, racersShown, shotPath, startBrowser, visibleFields } from './harness.mjs';

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

const PROJECTOR = { width: 1920, height: 1080 };
const box = (page, selector) => page.locator(selector).first().boundingBox();
const within = (b, height, what) =>
  assert.ok(b && b.y >= 0 && b.y + b.height <= height, `${what} is on the screen: ${JSON.stringify(b)} in ${height}`);

test('present on a projector: the surface map takes the screen’s height, with larger labels and legends', async () => {
  const { page, context, errors } = await openPage(env, 'surface=rosenbrock&r=adam(lr:0.05)&present=1', {
    viewport: PROJECTOR,
  });
  await page.waitForSelector('[data-testid=surface-map][data-plot]');
  await page.waitForSelector('.chart .u-legend');
  const map = await box(page, '[data-testid=surface-map]');
  // What is under the map: its legend (two lines of 18 px), the play controls, one status line.
  assert.ok(map.width >= 800, `the map is ${map.width} px wide, not 640`);
  within(await box(page, '[data-testid=play]'), PROJECTOR.height, 'Play');
  within(await box(page, '[data-testid=status-list]'), PROJECTOR.height, 'the racers’ status');
  // The axes' margin (and with it their type) grows with the map: 58 px at 640 px wide.
  const [left] = (await page.getAttribute('[data-testid=surface-map]', 'data-plot')).split(',').map(Number);
  assert.ok(left >= Math.round((58 * map.width) / 640) - 1, `the axes' margin is ${left} px for a ${map.width} px map`);
  const legend = await page.$eval('.chart .u-legend', (l) => Number.parseFloat(getComputedStyle(l).fontSize));
  assert.ok(legend >= 15, `the charts' legends are ${legend} px`);
  await page.screenshot({ path: shotPath('present-1080-surface') });

  // Nothing beside the map: it stands alone in the middle of the screen, as large as before.
  await page.evaluate(() =>
    window.playground.setState('surface=rosenbrock&r=adam(lr:0.05)&present=1&hide=charts,status,hessian,export'),
  );
  await page.waitForFunction(() => !document.querySelector('.charts-panel'));
  const alone = await box(page, '[data-testid=surface-map]');
  assert.ok(alone.width >= 800, `${alone.width} px`);
  assert.ok(Math.abs(alone.x + alone.width / 2 - PROJECTOR.width / 2) < 40, `centred: ${JSON.stringify(alone)}`);
  within(await box(page, '[data-testid=play]'), PROJECTOR.height, 'Play');
  await page.screenshot({ path: shotPath('present-1080-alone') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('present on a projector: a classification lesson sits beside the network, the output map and both curves', async () => {
  for (const lang of ['en', 'zh']) {
    const { page, context, errors } = await openPage(env, `lesson=classification&step=1&present=1&lang=${lang}`, {
      viewport: PROJECTOR,
    });
    await page.waitForSelector('[data-testid=curve-accuracy] canvas');
    await page.waitForFunction(racersShown);
    const lesson = await box(page, '[data-testid=lesson-bar]');
    const map = await box(page, '[data-testid=decision-map]');
    const network = await box(page, '[data-testid=network-view]');
    assert.ok(lesson.x + lesson.width <= network.x && network.x + network.width <= map.x, 'lesson | network | map');
    assert.ok(lesson.y < 100, `the lesson starts at the top, at ${lesson.y}`);
    assert.ok(map.width >= 450, `the output map is ${map.width} px wide`);
    for (const [selector, what] of [
      ['[data-testid=decision-map]', 'the output map'],
      ['[data-testid=curve-loss]', 'the loss curve'],
      ['[data-testid=curve-accuracy]', 'the accuracy curve'],
      ['[data-testid=play]', 'Play'],
      ['[data-testid=lesson-next]', 'Next'],
    ])
      within(await box(page, selector), PROJECTOR.height, what);
    await page.evaluate(() => window.playground.step(50));
    await page.waitForTimeout(600);
    await page.screenshot({ path: shotPath(`present-1080-classify-lesson-${lang}`) });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('present: a lesson step shows the Critical point and experiment panels it talks about, first, with no editing field', async () => {
  const { page, context, errors } = await openPage(env, 'lesson=critical-points&step=8&present=1', {
    viewport: PROJECTOR,
  });
  await page.waitForSelector('[data-testid=surface-map]');
  for (const step of [9, 10, 11, 12]) {
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((s) => window.playground.lesson()?.step === s, step);
    await page.waitForSelector('[data-testid=critical-panel]');
    await page.waitForSelector('[data-testid=experiment-panel]');
    // Under the controls, before the network and the output map; on the screen.
    const critical = await box(page, '[data-testid=critical-panel]');
    const experiment = await box(page, '[data-testid=experiment-panel]');
    const output = await box(page, '[data-testid=output-panel]');
    assert.ok(critical.y < output.y && experiment.y < output.y, `step ${step}: the panels come first`);
    within(await box(page, '[data-testid=critical-kind]'), PROJECTOR.height, `step ${step}: the kind of point`);
    within(await box(page, '[data-testid=experiment-scatter]'), PROJECTOR.height, `step ${step}: the scatter`);
    assert.deepEqual(await visibleFields(page), [], `step ${step}: no editing field`);
  }
  await page.screenshot({ path: shotPath('present-1080-experiment-step') });
  // The lesson's Run runs the experiment there, and the panel draws it.
  await page.click('[data-testid=option-0]');
  await page.click('[data-testid=question-run]');
  await page.waitForSelector('[data-testid=feedback]', { timeout: 60000 });
  assert.equal(await page.getAttribute('[data-testid=experiment-scatter]', 'data-points'), '10');
  // A step that does not talk about them leaves them out, as presentation mode does.
  await page.evaluate(() => {
    location.hash = 'lesson=critical-points&step=8&present=1';
  });
  await page.waitForFunction(() => window.playground.lesson()?.step === 8);
  await page.evaluate(() => window.playground.setState('mode=classify&present=1'));
  await page.waitForSelector('[data-testid=output-panel]');
  await page.waitForTimeout(300);
  assert.equal(await page.$('[data-testid=critical-panel]'), null);

  // The summary lesson's update rule panel.
  await page.evaluate(() => {
    location.hash = 'lesson=summary&step=2&present=1';
  });
  await page.waitForSelector('[data-testid=formula-panel]');
  within(await box(page, '[data-testid=formula-panel]'), PROJECTOR.height, 'the update rule');
  assert.deepEqual(errors, []);
  await context.close();
});

// The glyph's ink box (its text's range) against its button's box.
async function glyphOffset(page, selector) {
  return page.$eval(selector, (button) => {
    const range = document.createRange();
    range.selectNodeContents(button);
    const ink = range.getBoundingClientRect();
    const own = button.getBoundingClientRect();
    return {
      dx: Math.abs(ink.x + ink.width / 2 - (own.x + own.width / 2)),
      dy: Math.abs(ink.y + ink.height / 2 - (own.y + own.height / 2)),
      inside: ink.x >= own.x && ink.right <= own.right && ink.y >= own.y && ink.bottom <= own.bottom,
    };
  });
}

test('present: the Hessian’s × and the Landscape’s ↻ sit in the middle of their buttons', async () => {
  const { page, context, errors } = await openPage(env, 'lesson=critical-points&step=3&present=1', {
    viewport: PROJECTOR,
  });
  const close = await page.waitForSelector('[data-testid=hessian-panel] button.icon');
  const onClose = await glyphOffset(page, '[data-testid=hessian-panel] button.icon');
  assert.ok(onClose.inside && onClose.dx <= 2 && onClose.dy <= 3, `× ${JSON.stringify(onClose)}`);
  assert.ok((await close.boundingBox()).width >= 36, 'a projector-sized button');
  await page.evaluate(() => window.playground.setState('mode=classify&present=1'));
  await page.waitForSelector('[data-testid=landscape-panel] button.icon');
  const refresh = await glyphOffset(page, '[data-testid=landscape-panel] button.icon');
  assert.ok(refresh.inside && refresh.dx <= 2 && refresh.dy <= 3, `↻ ${JSON.stringify(refresh)}`);
  assert.deepEqual(errors, []);
  await context.close();
});

// The snippet of `hash` (with presentation mode or not) from the Embed dialog.
async function snippetOf(hash, present, lang = 'en') {
  const { page, context } = await openPage(env, `${hash}&lang=${lang}`);
  await page.click('[data-testid=embed]');
  if (present) await page.check('[data-testid=embed-present]');
  const snippet = await page.inputValue('[data-testid=embed-snippet]');
  await context.close();
  return snippet;
}

// The snippet in a course page `width` wide whose policy allows no inline style; resolves with
// the frame, its box, and the host page's console messages.
async function hostPage(snippet, width) {
  const context = await env.browser.newContext({ viewport: { width, height: 1200 }, deviceScaleFactor: 1 });
  const host = await context.newPage();
  const messages = [];
  host.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  await host.setContent(
    `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="style-src 'self'"></head>` +
      `<body><h1>Week 3: optimisation</h1>${snippet}<p>Below the frame.</p></body></html>`,
  );
  const element = await host.waitForSelector('iframe');
  const frame = await element.contentFrame();
  await frame.waitForFunction(() => window.playground !== undefined, null, { timeout: 20000 });
  await frame.waitForTimeout(800);
  return { context, host, frame, frameBox: await element.boundingBox(), messages };
}

// The element's box inside the frame's own viewport (its height is the snippet's height).
async function inFrame(frame, selector) {
  return frame.$eval(selector, (element) => {
    const r = element.getBoundingClientRect();
    return { y: r.y, height: r.height, bottom: r.bottom, viewport: innerHeight };
  });
}

test('embed: the snippet uses no inline style and one fullscreen attribute; the host page logs nothing', async () => {
  const snippet = await snippetOf('surface=rosenbrock&r=adam(lr:0.05)', false);
  assert.doesNotMatch(snippet, /\sstyle=/);
  assert.doesNotMatch(snippet, /\sallow=/);
  assert.match(snippet, /\sallowfullscreen/);
  assert.match(snippet, /\sframeborder="0"/);
  const height = Number(/height="(\d+)"/.exec(snippet)[1]);
  for (const width of [1024, 1280]) {
    const { context, host, frame, frameBox, messages } = await hostPage(snippet, width);
    assert.equal(Math.round(frameBox.height), height);
    const play = await inFrame(frame, '[data-testid=play]');
    assert.ok(play.bottom <= play.viewport, `${width}: Play ends at ${play.bottom} of ${play.viewport}`);
    await host.screenshot({ path: shotPath(`embed-host-${width}`) });
    assert.deepEqual(messages, [], `${width}: the host page's console`);
    await context.close();
  }
});

test('embed in presentation mode: a slide with “Open in the playground ↗”, no “Leave presentation”; a lesson keeps its answers', async () => {
  for (const lang of ['en', 'zh']) {
    const plain = await snippetOf('surface=rosenbrock&r=adam(lr:0.05)', true, lang);
    for (const width of [1024, 1280]) {
      const { context, host, frame, messages } = await hostPage(plain, width);
      assert.equal(await frame.$('[data-testid=present-exit]'), null, 'no way out of the slide');
      const open = await frame.waitForSelector('[data-testid=present-bar] [data-testid=embed-open]');
      assert.equal(await open.getAttribute('target'), '_blank');
      // The full playground: neither embedded nor presenting.
      assert.match(await open.getAttribute('href'), /#surface=rosenbrock&r=adam\(lr:0\.05\)&seed=1&lang=(en|zh)$/);
      const play = await inFrame(frame, '[data-testid=play]');
      assert.ok(play.bottom <= play.viewport, `${width} ${lang}: Play ends at ${play.bottom} of ${play.viewport}`);
      await host.screenshot({ path: shotPath(`embed-present-${width}-${lang}`) });
      assert.deepEqual(messages, []);
      await context.close();
    }
    for (const hash of ['lesson=critical-points&step=2', 'lesson=critical-points&step=11']) {
      const lesson = await snippetOf(hash, true, lang);
      for (const width of [1024, 1280]) {
        const { context, host, frame, messages } = await hostPage(lesson, width);
        await frame.waitForSelector('[data-testid=option-0]');
        for (const selector of ['[data-testid=option-0]', '[data-testid=question-run]', '[data-testid=play]']) {
          const b = await inFrame(frame, selector);
          assert.ok(
            b.bottom <= b.viewport,
            `${hash} ${width} ${lang}: ${selector} ends at ${b.bottom} of ${b.viewport}`,
          );
        }
        await host.screenshot({ path: shotPath(`embed-lesson-${hash.slice(-1)}-${width}-${lang}`) });
        assert.deepEqual(messages, []);
        await context.close();
      }
    }
  }
});
