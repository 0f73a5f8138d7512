// Start-up work in pieces. A page that builds its charts, typesets its formulas and draws its
// first full map in one go blocks the main thread for hundreds of milliseconds; queued here, each
// piece runs in a task of its own, in the order queued, so the browser can paint and answer input
// between them. One piece per task, never a batch of "small" ones: what a piece sets off runs in
// the microtasks at the end of its task (Preact renders a state change there, and an awaited
// nextTask() continues there), so a batch of pieces that each look instant would render all their
// panels in one long task.
const queue: (() => void)[] = [];
// Made on first use: an open port keeps a process alive, so merely importing this module (as the
// node tests of the pure helpers do) must not open one.
let channel: MessageChannel | null = null;
let posted = false;

function runQueued(): void {
  posted = false;
  queue.shift()?.();
  post();
}

function post(): void {
  if (posted || queue.length === 0) return;
  posted = true;
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = runQueued;
  }
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
