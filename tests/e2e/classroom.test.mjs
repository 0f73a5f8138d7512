// The classroom: presentation mode and embedding show no editing field; hide= hides exactly the
// panels named; Record gives real WebM and GIF files of the whole run, frame by frame (decoded
// and counted here). The one-file offline page is tested in offline.test.mjs.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { canvasStats, openPage, recordBytes, shotPath, startBrowser, visibleFields } from './harness.mjs';

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

test('presentation mode: the map or the network, the charts and the play controls; no editing field; F and the button go full screen', async () => {
  const { page, context, errors } = await openPage(env, 'surface=rosenbrock&r=adam(lr:0.05)&present=1');
  await page.waitForSelector('[data-testid=present-bar]');
  assert.equal(await page.$('header.top'), null, 'no header');
  for (const shown of ['surface-map', 'play', 'status-list', 'present-exit', 'fullscreen'])
    assert.ok(await page.isVisible(`[data-testid=${shown}]`), `${shown} is shown`);
  assert.ok(await page.isVisible('.charts-panel'));
  for (const hidden of ['presets', 'formula-panel', 'racer-0', 'export-png', 'speed'])
    assert.equal(await page.$(`[data-testid=${hidden}]`), null, `${hidden} is not shown`);
  assert.deepEqual(await visibleFields(page), []);
  // Projector-sized type.
  const size = await page.$eval('[data-testid=play]', (b) => Number.parseFloat(getComputedStyle(b).fontSize));
  assert.ok(size >= 18, `the play button's type is ${size}px`);
  // The keyboard drives it: Space plays, F goes full screen.
  await page.keyboard.press(' ');
  await page.waitForFunction(() => window.playground.racers()[0].step > 0);
  await page.keyboard.press('f');
  await page.waitForFunction(() => document.fullscreenElement !== null);
  await page.waitForFunction(
    () => document.querySelector('[data-testid=fullscreen]').textContent === 'Exit full screen',
  );
  await page.click('[data-testid=fullscreen]');
  await page.waitForFunction(() => document.fullscreenElement === null);
  await page.waitForTimeout(700); // the charts take in new numbers twice a second
  await page.screenshot({ path: shotPath('present-surface') });
  await page.click('[data-testid=present-exit]');
  await page.waitForSelector('header.top');
  assert.doesNotMatch(await page.evaluate(() => window.playground.state()), /present/);

  // Classify: the network and its output map, the learning curves and the transport.
  await page.evaluate(() => window.playground.setState('mode=classify&data=xor&present=1&lang=zh'));
  await page.waitForSelector('[data-testid=network-view]');
  await page.waitForFunction(() => window.playground.racers().length > 0);
  for (const shown of ['network-view', 'decision-map', 'curves-panel', 'play', 'epoch'])
    assert.ok(await page.isVisible(`[data-testid=${shown}]`), `${shown} is shown`);
  for (const hidden of ['data-panel', 'racer-0', 'export-csv', 'layers-add', 'speed'])
    assert.ok(!(await page.isVisible(`[data-testid=${hidden}]`)), `${hidden} is not shown`);
  assert.deepEqual(await visibleFields(page), []);
  await page.evaluate(() => window.playground.step(40));
  await page.waitForTimeout(300);
  await page.screenshot({ path: shotPath('present-classify-zh') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a lesson in presentation mode sits beside the map, keys still move between steps', async () => {
  const { page, context, errors } = await openPage(env, 'lesson=adaptive&step=6&present=1');
  await page.waitForSelector('.surface-side [data-testid=lesson-bar]');
  assert.deepEqual(await visibleFields(page), []);
  await page.evaluate(() => window.playground.step(200));
  await page.waitForTimeout(300);
  await page.screenshot({ path: shotPath('present-lesson') });
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => window.playground.lesson()?.step === 7);
  assert.match(await page.evaluate(() => window.playground.state()), /present=1/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('embed: the snippet is an iframe of this state with embed=1; the embedded page has no header and a way out', async () => {
  const { page, context, errors } = await openPage(env, 'surface=beale&r=adam(lr:0.1)');
  await page.click('[data-testid=embed]');
  const snippet = await page.inputValue('[data-testid=embed-snippet]');
  assert.match(
    snippet,
    /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/#surface=beale&amp;r=adam\(lr:0\.1\)&amp;seed=1&amp;embed=1"/,
  );
  assert.match(snippet, /allowfullscreen><\/iframe>$/);
  await page.check('[data-testid=embed-present]');
  assert.match(await page.inputValue('[data-testid=embed-snippet]'), /seed=1&amp;present=1&amp;embed=1"/);
  await page.keyboard.press('Escape');
  assert.equal(await page.$('[data-testid=embed-dialog]'), null);

  // The snippet in someone else's page.
  const host = await context.newPage();
  await host.setContent(`<!doctype html><body style="margin:0">${snippet}</body>`);
  const frame = await (await host.waitForSelector('iframe')).contentFrame();
  await frame.waitForFunction(() => window.playground !== undefined);
  await frame.waitForSelector('[data-testid=surface-map]');
  assert.equal(await frame.$('header.top'), null);
  const open = await frame.getAttribute('[data-testid=embed-open]', 'href');
  assert.match(open, /#surface=beale&r=adam\(lr:0\.1\)&seed=1$/);
  assert.equal(await frame.getAttribute('[data-testid=embed-open]', 'target'), '_blank');
  assert.ok((await canvasStats(frame, '[data-testid=surface-map]')).painted > 0.99);
  await host.screenshot({ path: shotPath('embedded') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('hide= hides exactly the panels it names, in each mode; a panel of the other mode is a problem', async () => {
  const { page, context, errors } = await openPage(env, 'surface=booth&hide=charts,formula,presets');
  await page.waitForSelector('[data-testid=surface-map]');
  assert.equal(await page.$('.charts-panel'), null);
  assert.equal(await page.$('[data-testid=formula-panel]'), null);
  assert.equal(await page.$('[data-testid=presets]'), null);
  assert.ok(await page.isVisible('[data-testid=racer-0]'), 'the racers stay');
  assert.ok(await page.isVisible('[data-testid=speed]'), 'editing stays outside presentation mode');
  const problems = await page.evaluate(() => window.playground.setState('mode=classify&hide=data,curves,network'));
  assert.deepEqual(problems, []);
  await page.waitForSelector('[data-testid=output-panel]');
  for (const hidden of ['data-panel', 'curves-panel', 'network-panel'])
    assert.equal(await page.$(`[data-testid=${hidden}]`), null, `${hidden} is hidden`);
  const wrong = await page.evaluate(() => window.playground.setState('hide=network'));
  assert.equal(wrong[0].key, 'hide');
  assert.match(wrong[0].reason, /unknown panel 'network'/);
  assert.deepEqual(errors, []);
  await context.close();
});

// ---- recording ----------------------------------------------------------------------------

// The frames of a GIF (image descriptors), its size and delays, read from its blocks.
function readGif(bytes) {
  assert.equal(Buffer.from(bytes.subarray(0, 6)).toString('latin1'), 'GIF89a');
  const width = bytes[6] | (bytes[7] << 8);
  const height = bytes[8] | (bytes[9] << 8);
  let at = 13;
  if (bytes[10] & 0x80) at += 3 * 2 ** ((bytes[10] & 7) + 1);
  const skipSubBlocks = () => {
    while (bytes[at] !== 0) at += bytes[at] + 1;
    at++;
  };
  let frames = 0;
  const delays = [];
  while (at < bytes.length && bytes[at] !== 0x3b) {
    if (bytes[at] === 0x21) {
      if (bytes[at + 1] === 0xf9) delays.push((bytes[at + 4] | (bytes[at + 5] << 8)) * 10);
      at += 2;
      skipSubBlocks();
    } else if (bytes[at] === 0x2c) {
      const packed = bytes[at + 9];
      at += 10;
      if (packed & 0x80) at += 3 * 2 ** ((packed & 7) + 1);
      at++; // LZW minimum code size
      skipSubBlocks();
      frames++;
    } else throw new Error(`unexpected GIF block 0x${bytes[at].toString(16)} at ${at}`);
  }
  assert.equal(bytes[at], 0x3b, 'the GIF ends with its trailer');
  return { width, height, frames, delays };
}

// Decodes a WebM in a page of its own (the playground's policy allows no media): its size, its
// length, and a frame from the end.
async function decodeWebm(context, bytes, shot) {
  const viewer = await context.newPage();
  await viewer.setContent(
    `<body style="margin:0"><video id="v" muted preload="auto" src="data:video/webm;base64,${bytes.toString('base64')}"></video></body>`,
  );
  const info = await viewer.evaluate(
    () =>
      new Promise((resolve) => {
        const video = document.getElementById('v');
        const seek = () => {
          video.currentTime = Math.max(0, video.duration - 0.05);
          video.addEventListener(
            'seeked',
            () => resolve({ width: video.videoWidth, height: video.videoHeight, duration: video.duration }),
            { once: true },
          );
        };
        if (video.readyState >= 1) seek();
        else video.addEventListener('loadedmetadata', seek, { once: true });
        video.addEventListener('error', () => resolve({ error: video.error?.message ?? 'error' }));
      }),
  );
  await viewer.waitForTimeout(200);
  await viewer.screenshot({ path: shot });
  const stats = await viewer.evaluate(() => {
    const video = document.getElementById('v');
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const g = canvas.getContext('2d');
    g.drawImage(video, 0, 0);
    const { data } = g.getImageData(0, 0, canvas.width, canvas.height);
    const colours = new Set();
    for (let i = 0; i < data.length; i += 4 * 97) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return colours.size;
  });
  await viewer.close();
  return { ...info, colours: stats };
}

test('record: a surface race as WebM (VP9/VP8, decodable, 30 frames a second) and as GIF (every frame), from step 0 to the step limit', async () => {
  const { page, context, errors } = await openPage(
    env,
    'surface=rosenbrock&r=adam(lr:0.05)&r=momentum(lr:0.001)&steps=1000',
  );
  await page.waitForSelector('[data-testid=surface-map]');
  const webm = await recordBytes(page, 'webm', 60);
  assert.deepEqual([...webm.subarray(0, 4)], [0x1a, 0x45, 0xdf, 0xa3], 'an EBML (WebM) header');
  assert.ok(webm.length > 20000, `${webm.length} bytes`);
  assert.ok(/V_VP9|V_VP8/.test(webm.toString('latin1')), 'a VP9 or VP8 track');
  const video = await decodeWebm(context, webm, shotPath('record-surface-webm'));
  assert.equal(video.error, undefined);
  assert.ok(Math.abs(video.duration - 60 / 30) < 0.05, `60 frames at 30 fps last 2 s, not ${video.duration}`);
  const map = await page.$eval('[data-testid=surface-map]', (c) => [c.width, c.height]);
  assert.equal(video.width, map[0] - (map[0] % 2));
  assert.ok(video.height > map[1], 'the map and its caption');
  assert.ok(video.colours > 30, `the decoded frame is a picture (${video.colours} colours)`);
  // The page ends where the recording ended: every racer at the step limit.
  for (const racer of await page.evaluate(() => window.playground.racers())) assert.equal(racer.step, 1000);

  const gif = readGif(await recordBytes(page, 'gif', 25));
  assert.equal(gif.frames, 25);
  assert.ok(gif.width <= 480 && gif.width >= 400, `${gif.width} px wide`);
  assert.deepEqual(new Set(gif.delays), new Set([50]), 'GIF delays of 1/20 s');
  assert.deepEqual(errors, []);
  await context.close();
});

test('record: classify training as WebM; the dialog shows progress, saves the file, and Cancel stops', async () => {
  const { page, context, errors } = await openPage(env, 'mode=classify&data=xor&epochs=40');
  await page.waitForFunction(() => window.playground.racers().length > 0);
  const webm = await recordBytes(page, 'webm', 41);
  const video = await decodeWebm(context, webm, shotPath('record-classify-webm'));
  assert.equal(video.width, 480);
  assert.ok(Math.abs(video.duration - 41 / 30) < 0.05, `${video.duration} s`);
  assert.equal((await page.evaluate(() => window.playground.racers()))[0].epoch, 40, 'trained to the last epoch');

  await page.click('[data-testid=record]');
  await page.selectOption('[data-testid=record-format]', 'gif');
  await page.selectOption('[data-testid=record-frames]', '60');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=record-start]')]);
  assert.equal(download.suggestedFilename(), 'optimizer-playground-xor.gif');
  await page.waitForSelector('[data-testid=record-result]');
  assert.match(await page.textContent('[data-testid=record-result]'), /Saved optimizer-playground-xor\.gif/);

  await page.selectOption('[data-testid=record-frames]', '480');
  await page.click('[data-testid=record-start]');
  await page.waitForSelector('[data-testid=record-progress]');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=record-progress]')?.value) > 0);
  await page.click('[data-testid=record-cancel]');
  await page.waitForSelector('[data-testid=record-result]');
  assert.equal(await page.textContent('[data-testid=record-result]'), 'Recording cancelled.');
  assert.deepEqual(errors, []);
  await context.close();
});
