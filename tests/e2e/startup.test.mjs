// Start-up is split into separate main-thread tasks (issue 15, fault 9; issue 18): the wasm
// runtime, each section of the core's catalogue, the link and the first render each run in a task
// of their own (web/main.tsx marks each step), so that the browser can paint and answer input
// between them. A trace of the renderer's main thread, from load until the page is idle, gives
// each task's CPU time. How long the longest task is on a given machine is measured and printed by
// scripts/bench.sh (scripts/bench-startup.mjs, budget 25 ms of CPU); here only what holds on any
// machine: the steps stay apart, no task reaches the heavy-task guard, and nothing fails.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { mainThreadTasks, TRACE_CATEGORIES, taskOfMark, threadOfMark } from '../../scripts/main-thread-trace.mjs';
import { HEAVY_TASK_CPU_MS, startBrowser } from './harness.mjs';

let env;
before(async () => {
  env = await startBrowser();
});
after(async () => {
  await env?.close();
});

async function startup(hash, afterLoad) {
  const context = await env.browser.newContext({ viewport: { width: 1440, height: 960 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // A mark the trace shows too: it names the page's main thread among the browser's renderers.
  await page.addInitScript(() => performance.mark('startup-probe'));
  await env.browser.startTracing(page, { categories: TRACE_CATEGORIES });
  await page.goto(`${env.url}${hash ? `#${hash}` : ''}`);
  await page.waitForFunction(
    () => {
      try {
        return window.playground.racers().length > 0;
      } catch {
        return false;
      }
    },
    null,
    { timeout: 60000 },
  );
  await afterLoad(page);
  // What start-up leaves for later (charts, formulas, the full map) runs within this; the
  // assertions below do not depend on it having finished.
  await page.waitForTimeout(1500);
  const marks = await page.evaluate(() =>
    performance
      .getEntriesByType('mark')
      .map((m) => m.name)
      .filter((n) => n.startsWith('boot:')),
  );
  const events = JSON.parse((await env.browser.stopTracing()).toString()).traceEvents;
  await context.close();
  const tasks = mainThreadTasks(events, [threadOfMark(events, 'startup-probe')]);
  return { events, tasks, marks, errors };
}

function check({ events, tasks, marks, errors }, what) {
  assert.deepEqual(errors, [], `${what}: page errors`);
  assert.ok(tasks.length > 20, `${what}: the trace shows the main thread (${tasks.length} tasks)`);
  // Every boot step ran, each in a task of its own.
  for (const step of ['boot:module', 'boot:catalogue:optimizers', 'boot:link', 'boot:render'])
    assert.ok(marks.includes(step), `${what}: boot step ${step} in ${marks.join(', ')}`);
  const owners = marks.map((name) => {
    const task = taskOfMark(events, tasks, name);
    assert.ok(task, `${what}: the trace has the task of ${name}`);
    return task.start;
  });
  assert.equal(new Set(owners).size, marks.length, `${what}: each boot step in a task of its own`);
  const heavy = tasks.filter((t) => t.cpu >= HEAVY_TASK_CPU_MS).map((t) => `${t.cpu.toFixed(0)} ms CPU`);
  assert.deepEqual(heavy, [], `${what}: tasks of ${HEAVY_TASK_CPU_MS} ms of CPU or more`);
  return Math.max(...tasks.map((t) => t.cpu));
}

test('classification link, from load through step(40): each start-up step is a task of its own, none heavy', async () => {
  const longest = check(
    await startup('mode=classify', (page) => page.evaluate(() => window.playground.step(40))),
    'classify',
  );
  console.log(`classify: longest task ${longest.toFixed(1)} ms CPU (scripts/bench.sh measures it against 25 ms)`);
});

test('the default surface page, from load until it is idle: each start-up step is a task of its own, none heavy', async () => {
  const longest = check(await startup('', async () => {}), 'surface');
  console.log(`surface: longest task ${longest.toFixed(1)} ms CPU (scripts/bench.sh measures it against 25 ms)`);
});

test('a lesson link, from load until it is idle: each start-up step is a task of its own, none heavy', async () => {
  const longest = check(await startup('lesson=critical-points&step=1', async () => {}), 'lesson');
  console.log(`lesson: longest task ${longest.toFixed(1)} ms CPU (scripts/bench.sh measures it against 25 ms)`);
});
