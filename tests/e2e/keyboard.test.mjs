// The keyboard (issue 15, fault 12): the map takes the focus; arrows pan, + and − zoom about the
// centre, Enter analyses the centre; both pages have their `?` help.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { englishOnPage } from './chinese-page.mjs';
import { openClassify } from './classify-helpers.mjs';
import { openPage, shotPath, startBrowser } from './harness.mjs';

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

const view = async (page) =>
  (await page.evaluate(() => window.playground.state()))
    .match(/(?:^|&)view=([^&]*)/)?.[1]
    .split(',')
    .map(Number);

test('the map is focusable: arrows pan a tenth of the view, + and − zoom about its centre, Enter analyses the centre', async () => {
  const { page, context, errors } = await openPage(env, 'surface=book-saddle&show=crit');
  const map = page.locator('[data-testid=surface-map]');
  // Reached from the keyboard: Tab moves through the page's controls to the map.
  await page.locator('[data-testid=play]').focus();
  let reached = false;
  for (let i = 0; i < 40 && !reached; ++i) {
    await page.keyboard.press('Shift+Tab');
    reached = await map.evaluate((canvas) => document.activeElement === canvas);
  }
  assert.ok(reached, 'Tab reaches the map');
  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await view(page), [-1.6, 2.4, -2, 2], 'right: the view moves 0.4 (a tenth of 4) right');
  await page.keyboard.press('ArrowUp');
  assert.deepEqual(await view(page), [-1.6, 2.4, -1.6, 2.4]);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowDown');
  assert.equal(await view(page), undefined, 'back at the surface’s own view');
  await page.keyboard.press('+');
  const zoomed = await view(page);
  assert.ok(
    Math.abs(zoomed[1] - zoomed[0] - 4 / 1.2) < 1e-3 && Math.abs(zoomed[0] + zoomed[1]) < 1e-3,
    `zoomed in about 0: ${zoomed}`,
  );
  await page.keyboard.press('-');
  assert.equal(await view(page), undefined, 'and out again');
  // Enter: the centre (0, 0) is book-saddle's saddle point.
  await page.keyboard.press('Enter');
  await page.locator('[data-testid=hessian-panel]').waitFor();
  assert.equal(await page.locator('[data-testid=hessian-kind]').innerText(), 'saddle point');
  await page.screenshot({ path: shotPath('keyboard-map-focused') });
  // Space still plays while the map has the focus.
  await page.keyboard.press(' ');
  await page.waitForFunction(() => window.playground.racers()[0].step > 0);
  await page.keyboard.press('?');
  await page.locator('[data-testid=help-overlay]').waitFor();
  assert.match(await page.locator('[data-testid=help-overlay]').innerText(), /arrows/i);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the classification page has its ? help, in English and Chinese', async () => {
  const { page, context, errors } = await openClassify(env, 'mode=classify&data=xor');
  await page.locator('body').press('?');
  const help = page.locator('[data-testid=help-overlay]');
  await help.waitFor();
  const text = await help.innerText();
  assert.match(text, /Space/);
  assert.match(text, /play \/ pause/);
  assert.match(text, /one epoch/);
  await page.screenshot({ path: shotPath('classify-help-en') });
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });
  await page.locator('[data-testid=help]').click();
  await help.waitFor();
  await page.keyboard.press('Escape');
  await page.locator('[data-testid=lang-toggle]').click();
  await page.locator('body').press('?');
  await help.waitFor();
  assert.match(await help.innerText(), /回合/);
  assert.deepEqual(await englishOnPage(page), [], 'no English in the Chinese help');
  assert.deepEqual(errors, []);
  await context.close();
});
