// The notice of a bad link stays readable however bad the link (issue 15, fault 7): repeated
// problems are one line, the list is capped with the rest behind a button, and the notice
// collapses to one line.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openPage, shotPath, startBrowser } from './harness.mjs';

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

const items = (page) => page.locator('[data-testid=notice] li');
const height = async (page) => (await page.locator('[data-testid=notice]').boundingBox()).height;

test('3,000 racers: one line says 2,992 were ignored, and the page stays on screen', async () => {
  const link = Array.from({ length: 3000 }, () => 'r=adam').join('&');
  const { page, context, errors } = await openPage(env, link);
  await page.locator('[data-testid=notice]').waitFor();
  assert.equal(await items(page).count(), 1);
  assert.match(await items(page).first().textContent(), /2,992 racers beyond the 8 allowed were ignored/);
  assert.ok((await height(page)) < 120, `the notice is ${await height(page)} px tall`);
  assert.equal(await page.locator('.racer-card').count(), 8);
  assert.deepEqual(errors, []);
  await context.close();
});

test('40 different problems: 8 are listed, the rest behind “show all”; the notice collapses and expands', async () => {
  const link = Array.from({ length: 40 }, (_, i) => `key${i}=1`).join('&');
  const { page, context, errors } = await openPage(env, link);
  await page.locator('[data-testid=notice]').waitFor();
  assert.equal(await items(page).count(), 8);
  const more = page.locator('[data-testid=notice-more]');
  assert.match(await more.textContent(), /32 more/);
  const capped = await height(page);
  assert.ok(capped < 300, `the capped notice is ${capped} px tall`);
  await page.screenshot({ path: shotPath('notice-capped-en') });
  await more.click();
  assert.equal(await items(page).count(), 40);
  assert.ok((await height(page)) < 0.6 * 960, 'the whole list scrolls inside the notice');
  await page.locator('[data-testid=notice-toggle]').click();
  assert.equal(await items(page).count(), 0, 'collapsed: no list');
  assert.ok((await height(page)) < 60, `collapsed to one line (${await height(page)} px)`);
  assert.match(await page.locator('[data-testid=notice]').textContent(), /40/);
  await page.locator('[data-testid=notice-toggle]').click();
  assert.ok((await items(page).count()) > 0, 'expanded again');
  await page.locator('[data-testid=lang-toggle]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=notice]')?.textContent.includes('未知'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('window.playground.setState returns the problems as the contract writes them: {key, value, reason, reason_zh}', async () => {
  const { page, context, errors } = await openPage(env);
  const problems = await page.evaluate(() => window.playground.setState('steps=5&steps=6&steps=7'));
  assert.deepEqual(problems, [
    {
      key: 'steps',
      value: '5',
      reason: 'given 3 times; the last value is used',
      reason_zh: '出现了 3 次；使用最后一个值',
    },
  ]);
  assert.deepEqual(errors, []);
  await context.close();
});
