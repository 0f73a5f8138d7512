// Speed of the surface page in headless Chromium (the built site: run scripts/build.sh first).
//  1. Frame rate while playing: 8 racers, 10 updates per frame, a 500×500 colour map, arrows
//     on, charts and panels live; from requestAnimationFrame timestamps over a few seconds.
//  2. Map recompute time of every built-in surface (the core's renderMap into the RGBA buffer,
//     500×500, as after a zoom or a surface change), from the page's performance measures.
// Usage: node scripts/bench-surface-page.mjs [seconds]   (SITE_DIR picks another built site)
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startStaticServer } from './static-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const seconds = Number(process.argv[2] ?? 5);
const racers = [
  'adam(lr:0.02)',
  'sgd(lr:0.0005,momentum:0.9)',
  'rmsprop(lr:0.005)',
  'adagrad(lr:0.5,variant:book)',
  'nadam(lr:0.01,sched:cosine,T_max:5000)',
  'radam(lr:0.02,warmup:100)',
  'lion(lr:0.001)',
  'adamw(lr:0.02,sched:onecycle,total_steps:5000)',
];
const link = `surface=rosenbrock&steps=1000000&speed=10&show=grad,m&${racers.map((r) => `r=${r}`).join('&')}`;

const { server, url } = await startStaticServer(join(root, process.env.SITE_DIR ?? 'build/site'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, deviceScaleFactor: 1 });
  await page.goto(`${url}#${link}`);
  await page.waitForFunction(() => window.playground !== undefined);
  const mapWidth = await page.$eval('[data-testid=surface-map]', (c) => c.clientWidth);

  // 1. Frames while playing.
  await page.locator('[data-testid=play]').click();
  await page.waitForTimeout(500); // warm-up (JIT, first chart builds)
  const frames = await page.evaluate(
    (ms) =>
      new Promise((resolve) => {
        const times = [];
        const tick = (t) => {
          times.push(t);
          if (t - times[0] < ms) requestAnimationFrame(tick);
          else resolve(times);
        };
        requestAnimationFrame(tick);
      }),
    seconds * 1000,
  );
  const steps = await page.evaluate(() => window.playground.racers()[0].step);
  await page.locator('[data-testid=play]').click();
  const gaps = frames
    .slice(1)
    .map((t, i) => t - frames[i])
    .sort((a, b) => a - b);
  const elapsed = (frames[frames.length - 1] - frames[0]) / 1000;
  const quantile = (q) => gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))];
  console.log(
    `load average before: ${loadavg()
      .map((v) => v.toFixed(1))
      .join(' ')} (other work on the machine slows every number)`,
  );
  console.log(`surface page, 8 racers × 10 updates/frame, ${mapWidth}px map drawn from a 500×500 colour map`);
  console.log(
    `  ${(gaps.length / elapsed).toFixed(1)} fps over ${elapsed.toFixed(1)} s; frame interval median ${quantile(0.5).toFixed(1)} ms, ` +
      `p95 ${quantile(0.95).toFixed(1)} ms, max ${gaps[gaps.length - 1].toFixed(1)} ms; ` +
      `${gaps.filter((g) => g > 25).length} frames over 25 ms; racers at step ${steps}`,
  );

  // 2. Map recompute per built-in: three views each (the default and two zooms), median.
  const surfaces = await page.evaluate(() =>
    [...document.querySelectorAll('[data-testid=surface-select] option')]
      .map((o) => o.value)
      .filter((v) => v !== 'custom'),
  );
  console.log('map recompute (500×500, core renderMap incl. copy out of wasm), 5 views each:');
  const rows = [];
  for (const surface of surfaces) {
    const times = await page.evaluate(async (name) => {
      const wait = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      window.playground.setState(`surface=${name}`);
      await wait();
      const view = window.playground.state();
      const durations = [];
      for (const zoom of [1, 0.9, 0.8, 0.7, 0.6]) {
        performance.clearMeasures('map-render');
        // Zoom about the middle of the default view, as the wheel does.
        const box = document.querySelector('[data-testid=view]').value.split(',').map(Number);
        const cx = (box[0] + box[1]) / 2;
        const cy = (box[2] + box[3]) / 2;
        const w = ((box[1] - box[0]) / 2) * zoom;
        const h = ((box[3] - box[2]) / 2) * zoom;
        window.playground.setState(`${view}&view=${cx - w},${cx + w},${cy - h},${cy + h}`);
        await wait();
        const [m] = performance.getEntriesByName('map-render');
        if (m) durations.push(m.duration);
      }
      return durations.sort((a, b) => a - b);
    }, surface);
    const median = times[Math.floor(times.length / 2)];
    rows.push([surface, median, times[times.length - 1]]);
    console.log(
      `  ${surface.padEnd(16)} min ${times[0].toFixed(1)} ms, median ${median.toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms`,
    );
  }
  const worst = rows.reduce((a, b) => (b[1] > a[1] ? b : a));
  console.log(`  slowest median: ${worst[0]} ${worst[1].toFixed(1)} ms`);
} finally {
  await browser.close();
  server.close();
}
