// The network Hessian's speed targets on the classification page, in headless Chromium (the built
// site: run scripts/build.sh first), printed as ratios target/measured (never a timed test):
//   - playground.hessian() for the default network (≤ 2 ms of Hessian + spectrum) and
//     TensorFlow Playground's largest network with 3 classes (≤ 300 ms, aim 150): the median
//     time the training worker spent on it (Hessian, spectrum and the escape probe: an upper
//     bound of the target's work), and the median round trip from the page;
//   - 20 minimum-ratio runs of the default task (≤ 3 s in the page on 2 cores): the first call
//     (the pool's workers start and load their modules) and a second one (warm pool);
//   - main-thread tasks over 50 ms while either runs.
// Usage: node scripts/bench-hessian-page.mjs   (SITE_DIR picks another built site)
import { cpus, loadavg } from 'node:os';
import { startBrowser } from '../tests/e2e/harness.mjs';

// The built site on 127.0.0.1 and Debian's Chromium, as the browser tests use them.
const { url, browser, close } = await startBrowser();
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const line = (label, ms, target) =>
  console.log(
    `${ms <= target ? ' ok ' : 'MISS'}  ${label}: ${ms.toFixed(1)} ms (target ${target} ms, target/measured ${(target / ms).toFixed(2)})`,
  );

console.log(
  `${cpus().length} cores; load average before: ${loadavg()
    .map((v) => v.toFixed(1))
    .join(' ')} (other work on the machine slows every number)`,
);
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, deviceScaleFactor: 1 });
  await page.goto(`${url}#mode=classify`);
  await page.waitForFunction(() => window.playground !== undefined && window.playground.racers().length > 0, null, {
    timeout: 20000,
  });
  await page.waitForTimeout(1000);
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.longTasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask' });
  });
  console.log(`pool size (navigator.hardwareConcurrency): ${await page.evaluate(() => navigator.hardwareConcurrency)}`);

  const roundTrips = async (link, epochs, repeats) => {
    await page.evaluate((l) => window.playground.setState(l), link);
    await page.evaluate((n) => window.playground.step(n), epochs);
    await page.waitForTimeout(500);
    await page.evaluate(() => window.longTasks.splice(0));
    const times = await page.evaluate(async (n) => {
      const result = { worker: [], roundTrip: [] };
      for (let i = 0; i < n; ++i) {
        const start = performance.now();
        const { ms } = await window.playground.hessian();
        result.roundTrip.push(performance.now() - start);
        result.worker.push(ms);
      }
      return result;
    }, repeats);
    return { worker: median(times.worker), roundTrip: median(times.roundTrip) };
  };
  const analyses = [
    ['default network (28 parameters)', 'mode=classify&epochs=20', 30, 2],
    [
      'largest network (451 parameters, 3 classes, 250 training points)',
      'mode=classify&data=spiral&classes=3&features=x,y,x2,y2,xy,sinx,siny&net=8,8,8,8,8,8&epochs=20',
      9,
      300,
    ],
  ];
  for (const [name, link, repeats, target] of analyses) {
    const { worker, roundTrip } = await roundTrips(link, 20, repeats);
    line(`hessian() in the worker, ${name}`, worker, target);
    console.log(`info  hessian() round trip from the page, ${name}: ${roundTrip.toFixed(1)} ms`);
  }
  const analysisTasks = await page.evaluate(() => window.longTasks.splice(0));

  await page.evaluate(() => window.playground.setState('mode=classify'));
  await page.waitForTimeout(500);
  await page.evaluate(() => window.longTasks.splice(0));
  const experiment = () =>
    page.evaluate(async () => {
      const start = performance.now();
      const rows = await window.playground.minimumRatio(20);
      return { ms: performance.now() - start, critical: rows.filter((r) => r.kind !== 'not-critical').length };
    });
  const cold = await experiment();
  line(
    `20 minimum-ratio runs of the default task, first call (workers start; ${cold.critical}/20 critical)`,
    cold.ms,
    3000,
  );
  const warm = await experiment();
  line('20 minimum-ratio runs of the default task, warm pool', warm.ms, 3000);
  const experimentTasks = await page.evaluate(() => window.longTasks.splice(0));
  console.log(
    `main-thread tasks over 50 ms: analyses [${analysisTasks.join(', ')}], experiments [${experimentTasks.join(', ')}]`,
  );
} finally {
  await close();
}
