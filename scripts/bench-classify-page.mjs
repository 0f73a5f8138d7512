// Speed of the classification page in headless Chromium (the built site: run scripts/build.sh
// first). Training runs in the page's Web Worker; the main thread only draws. For each case the
// page plays at full speed (speed=0) for a few seconds and reports:
//   - long tasks: main-thread tasks over 50 ms (PerformanceObserver 'longtask'),
//   - frame rate and frame intervals from requestAnimationFrame timestamps,
//   - decision-map refreshes per second (new grids from the worker drawn on the map),
//   - epochs trained per second (in the worker).
// Cases: TensorFlow Playground's largest network (7 features, 6 hidden layers of 8) and the
// default network (x, y; 4, 2), both on the spiral.
// Usage: node scripts/bench-classify-page.mjs [seconds]   (SITE_DIR picks another built site)
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startStaticServer } from './static-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const seconds = Number(process.argv[2] ?? 5);
const cases = [
  {
    name: "TensorFlow Playground's largest network (features x,y,x²,y²,xy,sin x,sin y; 8,8,8,8,8,8)",
    link: 'mode=classify&data=spiral&noise=10&features=x,y,x2,y2,xy,sinx,siny&net=8,8,8,8,8,8&epochs=10000&speed=0',
  },
  {
    name: 'default network (x, y; 4,2)',
    link: 'mode=classify&data=spiral&noise=10&epochs=10000&speed=0',
  },
];

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
console.log(
  `load average before: ${loadavg()
    .map((v) => v.toFixed(1))
    .join(' ')} (other work on the machine slows every number)`,
);
try {
  for (const { name, link } of cases) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, deviceScaleFactor: 1 });
    await page.goto(`${url}#${link}`);
    await page.waitForFunction(() => window.playground !== undefined && window.playground.racers().length > 0, null, {
      timeout: 20000,
    });
    await page.evaluate(() => {
      window.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.longTasks.push(entry.duration);
      }).observe({ type: 'longtask' });
    });
    await page.locator('[data-testid=play]').click();
    await page.waitForTimeout(500); // warm-up: JIT, first chart builds
    const result = await page.evaluate(
      (ms) =>
        new Promise((resolve) => {
          const map = document.querySelector('[data-testid=decision-map]');
          const refreshes = () => Number(map.dataset.refreshes ?? 0);
          const epoch = () => window.playground.racers()[0]?.epoch ?? 0;
          window.longTasks.length = 0;
          const start = { refreshes: refreshes(), epoch: epoch() };
          // Rates are taken over the time the run was still training (a fast network can reach
          // the epoch limit, 10000, within the measurement).
          let last = { epoch: start.epoch, time: 0, refreshes: start.refreshes };
          const times = [];
          const tick = (t) => {
            times.push(t);
            const e = epoch();
            if (e !== last.epoch) last = { epoch: e, time: t, refreshes: refreshes() };
            if (t - times[0] < ms) requestAnimationFrame(tick);
            else {
              const active = Math.max(1, (last.time || t) - times[0]) / 1000;
              resolve({
                times,
                active,
                refreshRate: (last.refreshes - start.refreshes) / active,
                epochRate: (last.epoch - start.epoch) / active,
                finished: e >= 10000,
                longTasks: [...window.longTasks],
              });
            }
          };
          requestAnimationFrame(tick);
        }),
      seconds * 1000,
    );
    await page.locator('[data-testid=play]').click();
    const { times } = result;
    const gaps = times
      .slice(1)
      .map((t, i) => t - times[i])
      .sort((a, b) => a - b);
    const elapsed = (times[times.length - 1] - times[0]) / 1000;
    const quantile = (q) => gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))];
    const longest = result.longTasks.length ? Math.max(...result.longTasks).toFixed(0) : '–';
    console.log(name);
    console.log(`  long tasks (> 50 ms) on the main thread: ${result.longTasks.length} (longest ${longest} ms)`);
    console.log(
      `  ${(gaps.length / elapsed).toFixed(1)} fps over ${elapsed.toFixed(1)} s; frame interval median ${quantile(0.5).toFixed(1)} ms, ` +
        `p95 ${quantile(0.95).toFixed(1)} ms, max ${gaps[gaps.length - 1].toFixed(1)} ms`,
    );
    console.log(
      `  decision map refreshed ${result.refreshRate.toFixed(1)} times/s; ${result.epochRate.toFixed(0)} epochs/s trained` +
        (result.finished
          ? ` (the run reached its 10000 epochs after ${result.active.toFixed(1)} s of the measurement)`
          : ''),
    );
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
