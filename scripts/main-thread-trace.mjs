// Main-thread tasks from a Chromium trace, as the browser tests and the start-up benchmark read
// them. A task is a `RunTask` event of a renderer's main thread (`CrRendererMain`); its `cpu` is
// the thread time Chromium measured for it (`tdur`), which unlike the wall time (`dur`, what the
// `longtask` API reports) does not count the time the task waited for a core on a busy machine.
// All times in ms, on the trace's clock.

// Categories that give every task with its thread time, the script and layout work inside it,
// and the page's own performance marks.
export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'];

// The {pid, tid} of every thread named `name` in the trace.
function threadsNamed(events, name) {
  return events
    .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === name)
    .map((e) => ({ pid: e.pid, tid: e.tid }));
}

// The main thread of the page that made the performance mark `mark`, or null.
export function threadOfMark(events, mark) {
  const event = events.find((e) => e.name === mark);
  return event ? { pid: event.pid, tid: event.tid } : null;
}

// The tasks of the given threads (default: every renderer's main thread), in time order.
export function mainThreadTasks(events, threads = threadsNamed(events, 'CrRendererMain')) {
  const keys = new Set(threads.map((t) => `${t.pid}:${t.tid}`));
  return events
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && keys.has(`${e.pid}:${e.tid}`))
    .map((e) => ({ pid: e.pid, tid: e.tid, start: e.ts / 1000, wall: e.dur / 1000, cpu: (e.tdur ?? e.dur) / 1000 }))
    .sort((a, b) => a.start - b.start);
}

// The task during which the mark `name` (a performance.mark of the page) was made, or null.
export function taskOfMark(events, tasks, name) {
  const mark = events.find((e) => e.name === name && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n' || e.ph === 'b'));
  if (!mark) return null;
  const at = mark.ts / 1000;
  return tasks.find((t) => t.pid === mark.pid && t.tid === mark.tid && t.start <= at && at <= t.start + t.wall) ?? null;
}

// What a task spent its time on: the named events inside it on its thread, each with its own
// (self) thread time, largest first. For finding where a long task goes.
export function taskBreakdown(events, task, top = 8) {
  const inside = events
    .filter(
      (e) =>
        e.ph === 'X' &&
        e.pid === task.pid &&
        e.tid === task.tid &&
        e.name !== 'RunTask' &&
        e.ts / 1000 >= task.start &&
        (e.ts + e.dur) / 1000 <= task.start + task.wall + 1e-3,
    )
    .map((e) => ({
      name: describe(e),
      start: e.ts,
      end: e.ts + e.dur,
      cpu: (e.tdur ?? e.dur) / 1000,
    }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  // Self time: an event's time minus that of the events directly inside it.
  const stack = [];
  for (const event of inside) {
    event.self = event.cpu;
    while (stack.length && stack[stack.length - 1].end <= event.start) stack.pop();
    if (stack.length) stack[stack.length - 1].self -= event.cpu;
    stack.push(event);
  }
  const totals = new Map();
  for (const event of inside) totals.set(event.name, (totals.get(event.name) ?? 0) + Math.max(0, event.self));
  return [...totals.entries()]
    .map(([name, self]) => ({ name, self }))
    .sort((a, b) => b.self - a.self)
    .slice(0, top);
}

function describe(event) {
  const data = event.args?.data ?? event.args?.beginData ?? {};
  const where = data.url ? ` ${data.url.split('/').pop()}${data.lineNumber ? `:${data.lineNumber}` : ''}` : '';
  const what = data.functionName ? ` ${data.functionName}` : data.type ? ` ${data.type}` : '';
  return `${event.name}${what}${where}`;
}

// Watches every renderer main thread of `browser` from now on. `take()` returns the tasks since
// the last take (or the start) and keeps watching; only one watch per browser at a time (a
// browser has one trace).
export async function watchMainThreads(browser) {
  await browser.startTracing(undefined, { categories: TRACE_CATEGORIES });
  let tracing = true;
  return {
    async take() {
      const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
      await browser.startTracing(undefined, { categories: TRACE_CATEGORIES });
      return mainThreadTasks(events);
    },
    async stop() {
      if (!tracing) return;
      tracing = false;
      await browser.stopTracing();
    },
  };
}
