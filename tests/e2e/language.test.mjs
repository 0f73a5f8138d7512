// The page's language belongs to the whole page (issue 15, fault 4): it survives every switch of
// mode, and `?lang=zh` in the query works as `#lang=zh` does.
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

const state = (page) => page.evaluate(() => window.playground.state());
const pageLang = (page) => page.evaluate(() => document.documentElement.lang);

test('中文, then 分类: the classification page is in Chinese and its link keeps lang=zh; and back again', async () => {
  const { page, context, errors } = await openPage(env);
  await page.locator('[data-testid=lang-toggle]').click();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  await page.locator('[data-testid=mode-classify]').click();
  await page.waitForSelector('[data-testid=classify-page]');
  assert.equal(await pageLang(page), 'zh-CN');
  assert.equal(await page.locator('[data-testid=data-panel] h2').textContent(), '数据');
  assert.match(await state(page), /^mode=classify&.*lang=zh/);
  await page.locator('[data-testid=mode-surface]').click();
  await page.waitForSelector('[data-testid=surface-map]');
  assert.equal(await pageLang(page), 'zh-CN');
  assert.match(await state(page), /lang=zh/);
  // Back to English on the surface page: the classification page follows.
  await page.locator('[data-testid=lang-toggle]').click();
  await page.locator('[data-testid=mode-classify]').click();
  await page.waitForSelector('[data-testid=classify-page]');
  assert.equal(await pageLang(page), 'en');
  assert.equal(await page.locator('[data-testid=data-panel] h2').textContent(), 'Data');
  assert.deepEqual(errors, []);
  await context.close();
});

async function openWithQuery(query, hash = '') {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(`${env.url}${query}${hash ? `#${hash}` : ''}`);
  await page.waitForFunction(() => window.playground !== undefined);
  return { page, context, errors };
}

test('?lang=zh opens the page in Chinese on either mode, as #lang=zh does; a bad value is a notice', async () => {
  const surface = await openWithQuery('?lang=zh');
  assert.equal(await pageLang(surface.page), 'zh-CN');
  assert.equal(await surface.page.title(), '优化器游乐场');
  assert.equal(await state(surface.page), 'seed=1&lang=zh');
  await surface.page.locator('[data-testid=mode-classify]').click();
  await surface.page.waitForSelector('[data-testid=classify-page]');
  assert.equal(await pageLang(surface.page), 'zh-CN');
  assert.deepEqual(surface.errors, []);
  await surface.context.close();

  const classify = await openWithQuery('?lang=zh', 'mode=classify&data=xor');
  await classify.page.waitForSelector('[data-testid=classify-page]');
  assert.equal(await pageLang(classify.page), 'zh-CN');
  assert.equal(await state(classify.page), 'mode=classify&data=xor&seed=1&lang=zh');
  await classify.page.screenshot({ path: shotPath('query-lang-classify-zh') });
  await classify.context.close();

  // The link's own lang wins over the query's.
  const both = await openWithQuery('?lang=zh', 'lang=en');
  assert.equal(await pageLang(both.page), 'en');
  await both.context.close();

  const bad = await openWithQuery('?lang=fr');
  await bad.page.locator('[data-testid=notice]').waitFor();
  assert.match(await bad.page.locator('[data-testid=notice]').textContent(), /lang = “fr”: must be en or zh/);
  await bad.context.close();
});
