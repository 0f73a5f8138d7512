// Charts and exports (issue 15, fault 11): the gradient-norm chart has a log scale, so one diverged
// racer does not flatten the others; a comparison of cross-entropy with MSE plots each loss on its
// own chart; an exported map carries a legend that names every racer in its colour.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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

// The vertical extent, in canvas pixels, of the pixels of `colour` ([r, g, b]) in a chart.
async function lineSpread(page, chart, colour) {
  return page.$eval(
    `[data-testid=${chart}] canvas`,
    (canvas, [r, g, b]) => {
      const { data, width, height } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let top = height;
      let bottom = -1;
      for (let y = 0; y < height; ++y)
        for (let x = 0; x < width; ++x) {
          const i = 4 * (y * width + x);
          // Opaque pixels only: the grid is white at 8 % opacity.
          if (data[i + 3] > 200 && Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 30) {
            top = Math.min(top, y);
            bottom = Math.max(bottom, y);
          }
        }
      return bottom - top;
    },
    colour,
  );
}

test('gradient norm: a log scale (on by default) keeps a steady racer readable next to one that diverged', async () => {
  // SGD with η = 1 on rosenbrock leaves at |∇f| ≈ 1.4e9 (step 1); Adam's |∇f| falls from 162.
  const { page, context, errors } = await openPage(env, 'surface=rosenbrock&r=sgd(lr:1)&r=adam(lr:0.01)&steps=400');
  await page.evaluate(() => window.playground.step(400));
  const toggle = page.locator('[data-testid=chart-grad_norm] input[type=checkbox]');
  assert.equal(await toggle.isChecked(), true);
  await page.waitForTimeout(700);
  const white = [255, 255, 255]; // racer 2's colour
  const logSpread = await lineSpread(page, 'chart-grad_norm', white);
  await toggle.uncheck();
  await page.waitForTimeout(700);
  const linearSpread = await lineSpread(page, 'chart-grad_norm', white);
  assert.ok(linearSpread < 6, `on a linear axis Adam's line is flattened (${linearSpread} px)`);
  // Adam's |∇f| falls about two decades (162 → ~1) of the axis's nine: ~2/9 of its 110 px.
  assert.ok(logSpread > 15 && logSpread > 4 * linearSpread, `on the log axis it is readable (${logSpread} px)`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('CE vs MSE: each loss on its own chart, with only its own racers', async () => {
  const { page, context, errors } = await openClassify(env, 'mode=classify&data=xor&compare=loss&r=adam(lr:0.03)');
  await page.evaluate(() => window.playground.step(10));
  await page.waitForSelector('[data-testid=curve-loss-ce] canvas');
  await page.waitForSelector('[data-testid=curve-loss-mse] canvas');
  assert.equal(await page.locator('[data-testid=curve-loss]').count(), 0, 'not one chart with two units');
  assert.match(await page.locator('[data-testid=curve-loss-ce] figcaption').innerText(), /cross-entropy/i);
  assert.match(await page.locator('[data-testid=curve-loss-mse] figcaption').innerText(), /MSE|squared/i);
  await page.screenshot({ path: shotPath('compare-losses-en'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

// The PNG the page hands over, drawn into the page: its size, and whether each colour appears
// in the band below `fromY`.
async function downloadedPng(page, button, colours, fromY) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
  const bytes = readFileSync(await download.path()).toString('base64');
  return page.evaluate(
    async ([data, colours, fromY]) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const g = canvas.getContext('2d');
      g.drawImage(image, 0, 0);
      const below = g.getImageData(0, fromY, image.width, image.height - fromY).data;
      const found = colours.map(([r, gg, b]) => {
        for (let i = 0; i < below.length; i += 4)
          if (Math.abs(below[i] - r) + Math.abs(below[i + 1] - gg) + Math.abs(below[i + 2] - b) < 12) return true;
        return false;
      });
      return { width: image.width, height: image.height, found };
    },
    [bytes, colours, fromY],
  );
}

test('the exported map PNG has a legend with every racer in its colour, under the map', async () => {
  const { page, context, errors } = await openPage(
    env,
    'surface=himmelblau&r=adam(lr:0.03)&r=gd(lr:0.01)&r=rmsprop(lr:0.01)',
  );
  await page.evaluate(() => window.playground.step(100));
  const canvas = await page.locator('[data-testid=surface-map]').boundingBox();
  const red = [255, 77, 109];
  const orange = [255, 159, 28];
  const png = await downloadedPng(page, '[data-testid=export-png]', [red, orange], Math.round(canvas.height));
  assert.ok(png.height > canvas.height + 40, `a legend below the map (${png.height} vs ${canvas.height} px)`);
  assert.deepEqual(png.found, [true, true], 'racer 1 (red) and racer 3 (orange) are in the legend');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the exported decision map PNG names the racer and shows the class colours', async () => {
  const { page, context, errors } = await openClassify(env, 'mode=classify&data=xor&r=adam(lr:0.03)');
  await page.evaluate(() => window.playground.step(5));
  const map = await page.locator('[data-testid=decision-map]').evaluate((c) => c.height);
  const png = await downloadedPng(page, '[data-testid=output-panel] [data-testid=export-png]', [[255, 77, 109]], map);
  assert.ok(png.height > map + 30, `a legend below the map (${png.height} vs ${map} px)`);
  assert.deepEqual(png.found, [true], 'the racer’s colour is in the legend');
  assert.deepEqual(errors, []);
  await context.close();
});
