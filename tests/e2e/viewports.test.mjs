// Both pages on a phone (390×844) and on a desktop (1440×960), in English and Chinese (issue 15,
// fault 5): nothing is wider than the screen, panels stack on a phone, every number can be
// read, and no visible text says "undefined" or shows an unfilled {placeholder}. Full-page
// screenshots of each go to build/test-shots/ (phone-*, desktop-*) to be looked at.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openClassify } from './classify-helpers.mjs';
import { openPage, shotPath, startBrowser } from './harness.mjs';

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 960 };

// Elements (by selector) whose box sticks out of the viewport sideways, other than inside a
// container that scrolls sideways on purpose.
async function cutOff(page, selectors) {
  return page.evaluate((list) => {
    const width = document.documentElement.clientWidth;
    const out = [];
    for (const selector of list)
      for (const element of document.querySelectorAll(selector)) {
        const box = element.getBoundingClientRect();
        if (box.width === 0) continue;
        let scroller = element.parentElement;
        while (scroller && getComputedStyle(scroller).overflowX !== 'auto') scroller = scroller.parentElement;
        if (scroller) continue;
        if (box.left < -0.5 || box.right > width + 0.5)
          out.push(`${selector}: ${Math.round(box.left)}…${Math.round(box.right)} of ${width}`);
      }
    return out;
  }, selectors);
}

async function visibleTextProblems(page) {
  const text = await page.locator('body').innerText();
  return [...text.matchAll(/\bundefined\b|\bNaN\b|\{[a-z]+\}/g)].map((m) => m[0]);
}

async function toChinese(page) {
  await page.locator('[data-testid=lang-toggle]').click();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  await page.waitForTimeout(300);
}

const SURFACE_PARTS = ['.map-view', '.controls', '.panel', '.chart', '.status-list', 'header.top'];
const CLASSIFY_PARTS = [
  '.panel',
  '[data-testid=output-numbers]',
  '[data-testid=confusion]',
  '[data-testid=racer-table]',
  '[data-testid=network-view]',
  '.chart',
  'header.top',
];

for (const [name, viewport] of [
  ['phone', PHONE],
  ['desktop', DESKTOP],
]) {
  test(`surface page on a ${name} (${viewport.width}×${viewport.height}), English and Chinese`, async () => {
    const { page, context, errors } = await openPage(
      env,
      'surface=book-saddle&start=0.8,-0.8&r=gd(lr:0.05)&r=adam(lr:0.02)&show=crit',
      {
        viewport,
      },
    );
    await page.evaluate(() => window.playground.step(300));
    await page.waitForTimeout(300);
    assert.ok(
      (await page.evaluate(() => document.documentElement.scrollWidth)) <= viewport.width,
      'no sideways scrolling',
    );
    assert.deepEqual(await cutOff(page, SURFACE_PARTS), []);
    const map = await page.locator('[data-testid=surface-map]').boundingBox();
    assert.ok(map.width >= Math.min(viewport.width - 40, 500), `the map is ${map.width} px wide`);
    assert.deepEqual(await visibleTextProblems(page), []);
    await page.screenshot({ path: shotPath(`${name}-surface-en`), fullPage: true });
    await toChinese(page);
    assert.deepEqual(await cutOff(page, SURFACE_PARTS), []);
    assert.deepEqual(await visibleTextProblems(page), []);
    await page.screenshot({ path: shotPath(`${name}-surface-zh`), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`classification page on a ${name} (${viewport.width}×${viewport.height}), English and Chinese`, async () => {
    const { page, context, errors } = await openClassify(
      env,
      'mode=classify&data=spiral&classes=3&net=6,4&r=adam(lr:0.02)&r=sgd(lr:0.1)',
      {
        viewport,
      },
    );
    await page.evaluate(() => window.playground.step(20));
    await page.waitForTimeout(400);
    assert.ok(
      (await page.evaluate(() => document.documentElement.scrollWidth)) <= viewport.width,
      'no sideways scrolling',
    );
    assert.deepEqual(await cutOff(page, CLASSIFY_PARTS), []);
    const data = await page.locator('[data-testid=data-panel]').boundingBox();
    const network = await page.locator('[data-testid=network-view]').boundingBox();
    assert.ok(network.width >= Math.min(viewport.width - 80, 400), `the network graph is ${network.width} px wide`);
    if (name === 'phone') assert.ok(network.y >= data.y + data.height, 'the network panel is under the data panel');
    assert.deepEqual(await visibleTextProblems(page), []);
    await page.screenshot({ path: shotPath(`${name}-classify-en`), fullPage: true });
    await toChinese(page);
    assert.deepEqual(await cutOff(page, CLASSIFY_PARTS), []);
    assert.deepEqual(await visibleTextProblems(page), []);
    await page.screenshot({ path: shotPath(`${name}-classify-zh`), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });
}
