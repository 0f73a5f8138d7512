// Bad links: every unusable key or value is named in a dismissible notice, the rest loads, no
// console error, no script from the link runs (link text is never inserted as HTML), and the
// page still works.
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

const script = encodeURIComponent('<script>window.__pwned=1</script>');
const image = encodeURIComponent('<img src=x onerror="window.__pwned=1">');
// Bytes 0..255 in a fixed shuffled order, percent-encoded, then some raw non-ASCII text.
const randomBytes = Array.from({ length: 256 }, (_, i) => (i * 167 + 13) % 256)
  .map((b) => `%${b.toString(16).padStart(2, '0')}`)
  .join('');

const cases = [
  {
    name: 'script and HTML payloads',
    hash: `surface=${script}&r=${image}&${image}=1&lang=${script}&show=${image}`,
    named: ['<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=1">'],
    loaded: (state) => state === 'seed=1',
    play: true,
  },
  {
    name: 'random bytes',
    hash: `${randomBytes}&surface=booth&${randomBytes}=${randomBytes}&r=${randomBytes}&é∑≈ç√=∫˜µ&%E0%A4%A=1`,
    named: [],
    loaded: (state) => state.startsWith('surface=booth'),
  },
  {
    name: 'a very long link',
    hash: `surface=ackley&r=${'adam(lr:0.1)'.repeat(7000)}`,
    named: ['(link)'],
    loaded: (state) => state === 'seed=1',
  },
  {
    name: 'unknown keys and names',
    hash: 'colour=red&surface=rosenbrok&r=adma(lr:0.1)&r=sgd(lr:0.01,beta9:3)&r=adam(sched:cosinus)',
    named: ['colour', 'rosenbrok', 'adma', 'beta9', 'cosinus'],
    loaded: (state) => state.includes('r=sgd(lr:0.01)'),
  },
  {
    name: 'bad numbers',
    hash: 'surface=beale&steps=12abc&speed=-5&start=1,x&view=3,1,0,1&r=sgd(lr:-1)&r=adam(lr:1e999,beta1:2)&seed=1.5',
    named: ['12abc', '-5', '1,x', '3,1,0,1', '1e999', 'seed'],
    loaded: (state) => state.startsWith('surface=beale'),
  },
  {
    name: 'a custom expression that carries HTML',
    hash: `surface=custom&expr=${encodeURIComponent('x^2 + <img src=x onerror=window.__pwned=1>')}`,
    named: ['expr', 'surface'],
    loaded: (state) => state === 'seed=1',
  },
  {
    name: 'a very long value',
    hash: `surface=ackley&expr=${'x+'.repeat(30000)}y&steps=${'9'.repeat(2000)}`,
    named: ['expr', 'steps'],
    loaded: (state) => state.startsWith('surface=ackley'),
  },
];

async function expectHandled(page, errors, c) {
  const notice = page.locator('[data-testid=notice]');
  await notice.waitFor();
  // Past its first items the list waits behind "show all".
  if (await page.locator('[data-testid=notice-more]').count()) await page.locator('[data-testid=notice-more]').click();
  const text = await notice.innerText();
  for (const part of c.named) assert.ok(text.includes(part), `the notice names “${part}”:\n${text.slice(0, 2000)}`);
  const state = await page.evaluate(() => window.playground.state());
  assert.ok(c.loaded(state), `everything else was loaded: ${state.slice(0, 300)}`);
  // Nothing from the link became markup or ran.
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('main img, main script, .notice img, .notice script').count(), 0);
  // The page still works: updates run.
  await page.evaluate(() => window.playground.step(25));
  const racers = await page.evaluate(() => window.playground.racers());
  assert.ok(racers.length >= 1 && racers.every((r) => r.step >= 25 || r.status.startsWith('diverged')));
  if (c.play) {
    await page.screenshot({ path: shotPath('surface-bad-link-notice') });
    await page.locator('[data-testid=play]').click();
    await page.waitForFunction(() => window.playground.racers()[0].step > 100);
    await page.locator('[data-testid=play]').click();
  }
  await notice.locator('.notice-close').click();
  assert.equal(await page.locator('[data-testid=notice]').count(), 0, 'the notice can be dismissed');
  assert.deepEqual(errors, []);
}

// The first three open as a new page; the rest arrive as a new hash in a running page.
for (const c of cases.slice(0, 3)) {
  test(`bad link opened (${c.name}): notice names each problem, no console error, no script runs, the page works`, async () => {
    const { page, context, errors } = await openPage(env, c.hash);
    await expectHandled(page, errors, c);
    await context.close();
  });
}

test('bad links typed into the address bar of a running page: each handled the same way', async () => {
  const { page, context, errors } = await openPage(env);
  for (const c of cases.slice(3)) {
    await page.evaluate((hash) => {
      location.hash = hash;
    }, c.hash);
    await expectHandled(page, errors, c);
  }
  await context.close();
});

test('setState with a bad link returns its problems and loads the rest', async () => {
  const { page, context, errors } = await openPage(env);
  const problems = await page.evaluate(() =>
    window.playground.setState('surface=himmelblau&r=adam(lr:oops)&r=gd(lr:0.01)'),
  );
  assert.equal(problems.length, 1);
  assert.equal(problems[0].key, 'r[1].lr');
  assert.equal(await page.evaluate(() => window.playground.state()), 'surface=himmelblau&r=adam&r=gd(lr:0.01)&seed=1');
  await page.locator('[data-testid=notice]').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
