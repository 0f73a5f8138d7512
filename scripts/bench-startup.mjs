// Start-up of the page in headless Chromium (the built site: run scripts/build.sh first): for each
// page, the longest main-thread task from navigation until the page is idle, in CPU time (the
// thread time of Chromium's trace, which unlike wall time does not count waiting for a core), over
// several loads, against the budget of 25 ms: half the 50 ms of a long task, so that a machine
// twice as slow still keeps it. With --detail it also prints what the longest tasks spent their
// time on (the trace's events inside them, by self time).
// Usage: node scripts/bench-startup.mjs [--loads N] [--detail]   (SITE_DIR picks another site)
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { mainThreadTasks, TRACE_CATEGORIES, taskBreakdown, threadOfMark } from './main-thread-trace.mjs';
import { startStaticServer } from './static-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const loads = Number(args[args.indexOf('--loads') + 1] || 3) || 3;
const detail = args.includes('--detail');
const BUDGET_MS = 25;

export const STARTUP_PAGES = [
  { name: 'surface page (the default link)', hash: '' },
  { name: 'classification page (mode=classify)', hash: 'mode=classify' },
  { name: 'a lesson link (critical-points, step 1)', hash: 'lesson=critical-points&step=1' },
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

// One load of `hash` in a fresh context (no cache): the page's main-thread tasks from navigation
// until it has been idle, and the trace.
async function load(hash) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 960 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => performance.mark('startup-probe'));
  await browser.startTracing(page, {
    categories: detail
      ? [...TRACE_CATEGORIES, 'v8', 'v8.wasm', 'v8.execute', 'disabled-by-default-v8.compile']
      : TRACE_CATEGORIES,
  });
  await page.goto(`${url}${hash ? `#${hash}` : ''}`);
  await page.waitForFunction(
    () => {
      try {
        return window.playground.racers().length > 0;
      } catch {
        return false;
      }
    },
    null,
    { timeout: 30000 },
  );
  // What start-up leaves for later (charts, formulas, the full map) runs within this.
  await page.waitForTimeout(1500);
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  await context.close();
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  const thread = threadOfMark(events, 'startup-probe');
  return { events, tasks: mainThreadTasks(events, thread ? [thread] : undefined) };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

console.log(
  `${cpus().length} cores; load average before: ${loadavg()
    .map((v) => v.toFixed(1))
    .join(' ')} (other work on the machine slows every number)`,
);
const results = [];
try {
  await load(''); // warm the server and the browser's own start-up
  for (const { name, hash } of STARTUP_PAGES) {
    const longest = [];
    for (let i = 0; i < loads; ++i) {
      const { events, tasks } = await load(hash);
      const sorted = [...tasks].sort((a, b) => b.cpu - a.cpu);
      longest.push(sorted[0].cpu);
      if (detail) {
        console.log(`${name}, load ${i + 1}: ${tasks.length} tasks; longest:`);
        for (const task of sorted.slice(0, 3)) {
          const parts = taskBreakdown(events, task, 6)
            .map((p) => `${p.name} ${p.self.toFixed(1)}`)
            .join('; ');
          const marks = events
            .filter(
              (e) =>
                e.cat?.includes('blink.user_timing') &&
                e.pid === task.pid &&
                e.ts / 1000 >= task.start &&
                e.ts / 1000 <= task.start + task.wall,
            )
            .map((e) => e.name);
          const marked = marks.length ? ` [marks: ${[...new Set(marks)].join(', ')}]` : '';
          console.log(`  ${task.cpu.toFixed(1)} ms CPU (${task.wall.toFixed(1)} wall): ${parts}${marked}`);
        }
      }
    }
    results.push({ name, longest });
  }
} finally {
  await browser.close();
  server.close();
}
console.log(
  `\n== start-up: the longest main-thread task from load, CPU ms (budget ${BUDGET_MS}, median of ${loads}) ==`,
);
for (const { name, longest } of results) {
  const m = median(longest);
  console.log(
    `${m <= BUDGET_MS ? ' ok ' : 'MISS'}  ${name}: median ${m.toFixed(1)} ms (loads: ${longest
      .map((v) => v.toFixed(1))
      .join(' / ')}), budget/ours ${(BUDGET_MS / m).toFixed(2)}`,
  );
}
