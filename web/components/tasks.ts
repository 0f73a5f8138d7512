// Start-up work in pieces. A page that builds its charts, typesets its formulas and draws its
// first full map in one go blocks the main thread for hundreds of milliseconds; queued here, each
// piece runs in a task of its own (a few small ones share a task), in the order queued, so the
// browser can paint and answer input between them.
const TASK_BUDGET_MS = 8;

const queue: (() => void)[] = [];
const channel = new MessageChannel();
let posted = false;

channel.port1.onmessage = () => {
  posted = false;
  const start = performance.now();
  do queue.shift()?.();
  while (queue.length > 0 && performance.now() - start < TASK_BUDGET_MS);
  post();
};

function post(): void {
  if (posted || queue.length === 0) return;
  posted = true;
  channel.port2.postMessage(null);
}

// Runs `job` in a later task; the returned function cancels it if it has not run yet.
export function later(job: () => void): () => void {
  let cancelled = false;
  queue.push(() => {
    if (!cancelled) job();
  });
  post();
  return () => {
    cancelled = true;
  };
}

// Resolves in a later task (after what is already queued).
export function nextTask(): Promise<void> {
  return new Promise((resolve) => later(resolve));
}
