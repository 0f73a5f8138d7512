// The classification page's Landscape panel: playground.slice(plane) equals `playground slice`
// for the same link; the panel draws the map (many colours, the racers' paths), reads α, β and J
// under the pointer, switches to the test set and to the line plane through the link, says why
// there is no PCA plane before training, and speaks Chinese. Every wait is on a condition, with
// generous timeouts: the worker shares the machine with other tests.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { englishOnPage } from './chinese-page.mjs';
import { openClassify } from './classify-helpers.mjs';
import { canvasStats, shotPath, startBrowser } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const cliPath = process.env.PLAYGROUND_CLI ?? join(root, 'build/native/playground');
const WAIT = { timeout: 60000 };

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

function cliSlice(link, plane) {
  return JSON.parse(
    execFileSync(cliPath, ['slice', link, '--plane', plane, '--format', 'json'], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    }),
  );
}

// The panel shows a full landscape of `plane` at `epoch`.
async function landscapeAt(page, plane, epoch) {
  await page.waitForFunction(
    ([p, e]) => {
      const map = document.querySelector('[data-testid=landscape-map]');
      const where = document.querySelector('[data-testid=landscape-where]');
      return (
        map?.dataset.plane === p && map.dataset.epoch === String(e) && (p === 'line' || where?.dataset.full === 'true')
      );
    },
    [plane, epoch],
    WAIT,
  );
  // The drawing happens in the next animation frame.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

test('slice(plane) equals the CLI; the map, paths, hover, test set and line plane', async () => {
  const link = 'mode=classify&data=xor&net=4&epochs=30&seed=2&r=adam(lr:0.03)&r=sgd(lr:0.1)&landscape=pca&span=5';
  const { page, context, errors } = await openClassify(env, link);
  await page.evaluate(() => window.playground.step(30));
  for (const plane of ['random', 'hessian']) {
    const mine = await page.evaluate((p) => window.playground.slice(p), plane);
    const theirs = cliSlice(link, plane);
    assert.deepEqual(mine.alpha, theirs.alpha);
    assert.deepEqual(mine.beta, theirs.beta);
    assert.deepEqual(mine.objective, theirs.objective, `${plane}: the grid, bit for bit`);
    assert.deepEqual(mine.path, theirs.path);
  }
  await assert.rejects(
    page.evaluate(() => window.playground.slice('diagonal')),
    /slice\(plane\) needs one of random, pca, hessian, saddle, line/,
  );

  await landscapeAt(page, 'pca', 30);
  const map = await canvasStats(page, '[data-testid=landscape-map]');
  assert.ok(map.colours >= 40, `the map is drawn in many colours (${map.colours})`);
  // The selected racer's path is drawn in its colour (racerColor(0)).
  const red = await page.$eval('[data-testid=landscape-map]', (canvas) => {
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] > 200 && data[i + 1] < 90 && data[i + 2] < 110) count++;
    return count;
  });
  assert.ok(red > 50, `the path of racer 1 is drawn (${red} pixels of its colour)`);
  await page.locator('[data-testid=landscape-map]').scrollIntoViewIfNeeded();
  const box = await page.locator('[data-testid=landscape-map]').boundingBox();
  await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.45);
  await page.waitForFunction(
    () => /^α = .*, β = .*: J = /.test(document.querySelector('[data-testid=landscape-readout]').textContent),
    null,
    WAIT,
  );
  await page.screenshot({ path: shotPath('classify-landscape-en'), fullPage: true });

  // The test set: a link key; the map's range changes.
  await page.mouse.move(0, 0);
  const trainLegend = await page.locator('[data-testid=landscape-readout]').innerText();
  await page.locator('[data-testid=landscape-set-test]').click();
  assert.match(await page.evaluate(() => window.playground.state()), /landscape_set=test/);
  await page.waitForFunction(
    (before) => {
      const text = document.querySelector('[data-testid=landscape-readout]').textContent;
      return text.startsWith('J from') && text !== before;
    },
    trainLegend,
    WAIT,
  );

  // The line plane: a small chart.
  await page.locator('[data-testid=landscape-plane]').selectOption('line');
  assert.match(await page.evaluate(() => window.playground.state()), /landscape=line/);
  await landscapeAt(page, 'line', 30);
  assert.ok((await canvasStats(page, '[data-testid=landscape-map]')).colours >= 4, 'the line chart is drawn');
  await page.locator('[data-testid=landscape-panel]').screenshot({ path: shotPath('classify-landscape-line') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('before training the PCA plane is explained, not drawn; Chinese panel', async () => {
  const { page, context, errors } = await openClassify(
    env,
    'mode=classify&data=circle&epochs=20&landscape=pca&lang=zh',
  );
  await page.waitForSelector('[data-testid=landscape-error]', WAIT);
  assert.match(await page.locator('[data-testid=landscape-error]').innerText(), /主成分平面需要几个回合/);
  await page.evaluate(() => window.playground.step(20));
  await landscapeAt(page, 'pca', 20);
  assert.equal(await page.locator('[data-testid=landscape-error]').count(), 0);
  await page.locator('[data-testid=landscape-panel]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shotPath('classify-landscape-zh'), fullPage: true });
  assert.deepEqual(await englishOnPage(page), [], 'no English on the Chinese page but names and formulas');
  assert.deepEqual(errors, []);
  await context.close();
});

test('preset “A saddle of a real network” opens the panel on the saddle plane', async () => {
  const { page, context, errors } = await openClassify(env, 'mode=classify');
  await page.locator('[data-testid=preset-real-saddle]').click();
  await page.waitForFunction(() => /landscape=saddle/.test(window.playground.state()), null, WAIT);
  assert.equal(await page.locator('[data-testid=landscape-plane]').inputValue(), 'saddle');
  await page.evaluate(() => window.playground.step(300));
  await landscapeAt(page, 'saddle', 300);
  assert.ok((await canvasStats(page, '[data-testid=landscape-map]')).colours >= 40);
  await page.locator('[data-testid=landscape-panel]').screenshot({ path: shotPath('classify-landscape-saddle') });
  assert.deepEqual(errors, []);
  await context.close();
});
