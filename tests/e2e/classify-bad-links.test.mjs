// Bad classify links and bad input: the notice names every problem (in the page's language),
// link text is never run or rendered as HTML, the rest of the link loads and trains, and a bad
// value typed into the page is refused inline without changing the state.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openClassify } from './classify-helpers.mjs';
import { shotPath, startBrowser } from './harness.mjs';

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

const cases = [
  {
    name: 'unknown names and bad numbers',
    link: 'mode=classify&data=sprial&noise=abc&train=95&net=8,99&features=x,z&act=relu6&loss=hinge&compare=los&speed=-1&epochs=2.5&r=adma(lr:0.1)',
    keys: ['data', 'noise', 'train', 'net', 'features', 'act', 'loss', 'compare', 'speed', 'epochs', 'r[1]'],
    shot: 'classify-bad-link',
  },
  {
    name: 'script and HTML payloads',
    link: 'mode=classify&data=%3Cscript%3Ewindow.pwned%3D1%3C%2Fscript%3E&r=%3Cimg%20src%3Dx%20onerror%3D%22window.pwned%3D1%22%3E&net=%3Cb%3E1%3C%2Fb%3E',
    keys: ['data', 'r[1]', 'net'],
  },
  {
    name: 'settings that do not fit together',
    link: 'mode=classify&data=plane&compare=loss&classes=3&surface=beale',
    keys: ['compare', 'classes', 'surface'],
  },
  {
    name: 'drawn points out of range',
    link: 'mode=classify&data=drawn&classes=2&points=7,0,0;1,1,9;1,2',
    keys: ['points'],
  },
  {
    name: 'random bytes',
    link: '%ZZ&&=&mode=classify&%E0%A4%A&data=%FF%FE&net==&r=(((',
    keys: [],
  },
];

for (const c of cases) {
  test(`bad classify link (${c.name}): the notice names each problem, nothing runs, the page trains`, async () => {
    const { page, context, errors } = await openClassify(env, c.link);
    await page.waitForSelector('[data-testid=notice]');
    // Past its first items the list waits behind "show all".
    if (await page.locator('[data-testid=notice-more]').count())
      await page.locator('[data-testid=notice-more]').click();
    const notice = await page.locator('[data-testid=notice]').textContent();
    for (const key of c.keys) assert.ok(notice.includes(`${key} =`), `the notice names ${key}: ${notice}`);
    assert.equal(await page.evaluate(() => window.pwned), undefined, 'no link text ran');
    assert.equal(
      await page.locator('[data-testid=notice] img, [data-testid=notice] b, [data-testid=notice] script').count(),
      0,
    );
    await page.evaluate(() => window.playground.step(3));
    const racers = await page.evaluate(() => window.playground.racers());
    assert.ok(racers.length > 0 && racers.every((r) => r.epoch === 3), 'the rest of the link trains');
    if (c.shot) {
      await page.screenshot({ path: shotPath(`${c.shot}-en`), fullPage: false });
      await page.locator('[data-testid=lang-toggle]').click();
      await page.waitForFunction(() => document.querySelector('[data-testid=notice]')?.textContent.includes('未知'));
      await page.screenshot({ path: shotPath(`${c.shot}-zh`), fullPage: false });
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('bad input on the page is refused inline and changes nothing', async () => {
  const { page, context, errors } = await openClassify(env, 'mode=classify&features=x&net=3&seed=4');
  const before = await page.evaluate(() => window.playground.state());
  await page.locator('[data-testid=epochs]').fill('many');
  await page.locator('[data-testid=epochs]').press('Enter');
  await page.waitForSelector('[data-testid=epochs-error]');
  assert.match(await page.locator('[data-testid=epochs-error]').textContent(), /not a number/);
  await page.locator('[data-testid=target-loss]').fill('-1');
  await page.locator('[data-testid=target-loss]').press('Enter');
  await page.waitForSelector('[data-testid=target-loss-error]');
  await page.locator('[data-testid=racer-0-lr]').fill('0');
  await page.locator('[data-testid=racer-0-lr]').press('Enter');
  await page.waitForSelector('[data-testid=racer-0-lr-error]');
  // The only feature cannot be switched off: a network needs an input.
  await page.locator('[data-testid=feature-x]').click();
  await page.waitForSelector('[data-testid=network-error]');
  assert.equal(await page.evaluate(() => window.playground.state()), before, 'the state is unchanged');
  const problems = await page.evaluate(() => window.playground.setState('mode=classify&batch=0&seed=4'));
  assert.equal(problems.length, 1);
  assert.equal(problems[0].key, 'batch');
  await page.screenshot({ path: shotPath('classify-inline-errors-en'), fullPage: false });
  assert.deepEqual(errors, []);
  await context.close();
});
