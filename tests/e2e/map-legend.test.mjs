// The map's legend explains what is drawn and nothing else (issue 15, faults 6 and 10): no word
// "undefined" on the page, the striped swatch named for what it means and shown only where f has
// no value, and "★ known minimum" only on surfaces that have one.
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

const legend = (page) => page.locator('.map-legend').innerText();
const legendSettles = (page, pattern) =>
  page.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector('.map-legend')?.innerText ?? ''),
    pattern.source,
  );

test('no "undefined" anywhere on the default page; ★ known minimum shown; no stripes where f is defined everywhere', async () => {
  const { page, context, errors } = await openPage(env);
  await legendSettles(page, /Colour: f from/);
  const text = await legend(page);
  assert.match(text, /★\s+known minimum/);
  assert.doesNotMatch(text, /not defined/);
  assert.doesNotMatch(await page.locator('body').innerText(), /\bundefined\b/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('surfaces without a known minimum (saddle, monkey-saddle, custom) show no ★ in the legend', async () => {
  for (const link of ['surface=saddle', 'surface=monkey-saddle', 'surface=custom&expr=x^2-y^2']) {
    const { page, context, errors } = await openPage(env, link);
    await legendSettles(page, /Colour: f from/);
    assert.doesNotMatch(await legend(page), /known minimum/, link);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('where f has no value (log x for x ≤ 0) the striped swatch says so, in English and Chinese', async () => {
  const { page, context, errors } = await openPage(env, 'surface=custom&expr=log(x)%2By^2&view=-2,2,-2,2&start=1,1');
  await legendSettles(page, /f not defined/);
  assert.doesNotMatch(await page.locator('body').innerText(), /\bundefined\b/);
  await page.screenshot({ path: shotPath('map-legend-undefined-en') });
  await page.locator('[data-testid=lang-toggle]').click();
  await legendSettles(page, /f 无定义/);
  assert.deepEqual(errors, []);
  await context.close();
});
