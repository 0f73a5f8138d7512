// The export entry "PyTorch script" on both pages, in both languages: the dialog shows the
// script the CLI writes for the page's link (`playground torch --lang`), Download saves that
// text under the core's file name, and a link PyTorch cannot express shows the refusal instead.
// The downloads are kept in build/test-shots/ (torch-*.py) to be run by hand.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { cli } from '../wasm/module.mjs';
import { openPage, shotPath, shotsDir, startBrowser } from './harness.mjs';

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => env?.close());

const cases = [
  ['surface', 'surface=rosenbrock&steps=300&r=adam(lr:0.01,sched:cosine,T_max:300)&r=nesterov(lr:0.0005,warmup:20)'],
  [
    'classify',
    'mode=classify&data=spiral&noise=10&net=6,4&reg=l2&reg_rate=0.001&epochs=30&compare=loss&r=adam(lr:0.01)',
  ],
];

for (const [mode, link] of cases)
  for (const lang of ['en', 'zh'])
    test(`${mode} page, ${lang}: the PyTorch dialog shows and downloads the CLI's script`, async () => {
      const { page, context, errors } = await openPage(env, `${link}&lang=${lang}`);
      try {
        const state = await page.evaluate(() => window.playground.state());
        await page.click('[data-testid="export-torch"]');
        const shown = await page.inputValue('[data-testid="torch-script"]');
        const expected = cli('torch', state, '--lang', lang);
        assert.equal(expected.status, 0, expected.stderr);
        // The dialog shows the first 250 lines and says how many follow; the file has them all.
        const lines = expected.stdout.split('\n');
        assert.equal(shown, lines.length > 251 ? `${lines.slice(0, 250).join('\n')}\n` : expected.stdout);
        if (lines.length > 251)
          assert.match(await page.textContent('[data-testid="torch-more"]'), new RegExp(`${lines.length - 251}`));
        assert.match(shown, lang === 'zh' ? /# 优化器游乐场 → PyTorch/ : /# Optimizer Playground → PyTorch/);
        await page.screenshot({ path: shotPath(`torch-${mode}-${lang}`) });
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.click('[data-testid="torch-download"]'),
        ]);
        assert.match(download.suggestedFilename(), /^playground_(rosenbrock|spiral)\.py$/);
        const saved = `${shotsDir}/torch-${mode}-${lang}.py`;
        await download.saveAs(saved);
        assert.equal(readFileSync(saved, 'utf8'), expected.stdout);
        writeFileSync(`${shotsDir}/torch-${mode}-${lang}.link`, state);
        await page.keyboard.press('Escape');
        assert.equal(await page.locator('[data-testid="torch-dialog"]').count(), 0, 'Escape closes it');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });

test('a phone viewport: the dialog fits, and a link PyTorch cannot express shows why', async () => {
  const { page, context, errors } = await openPage(
    env,
    'surface=booth&r=adam(sched:onecycle,total_steps:10,pct_start:0.1)&lang=zh',
    {
      viewport: { width: 390, height: 844 },
    },
  );
  try {
    await page.click('[data-testid="export-torch"]');
    const refusal = await page.textContent('[data-testid="torch-refusal"]');
    assert.match(refusal, /这个链接无法导出为 PyTorch 脚本：onecycle 的 pct_start·total_steps = 1/);
    assert.equal(await page.locator('[data-testid="torch-download"]').count(), 0);
    await page.screenshot({ path: shotPath('torch-refused-phone-zh') });
    await page.keyboard.press('Escape');
    await page.evaluate(() => window.playground.setState('surface=booth&r=adam(lr:0.1)'));
    await page.click('[data-testid="export-torch"]');
    const box = await page.locator('[data-testid="torch-dialog"]').boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390, `the dialog fits the phone's width: ${JSON.stringify(box)}`);
    await page.screenshot({ path: shotPath('torch-phone-en') });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
