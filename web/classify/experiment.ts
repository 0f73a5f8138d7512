// The lecture's minimum-ratio experiment on the page (chapter-notes.md §6): K runs of a link,
// run r with seed seed + r, spread over a pool of Web Workers (one per core, each with its own
// wasm module: experimentWorker.ts), each handed the next run as soon as it finishes one. Rows
// arrive in any order and are kept by run; the views draw them as they come. The workers stay
// for the next experiment; Cancel terminates them (a run in progress cannot be interrupted
// otherwise) and the next start makes new ones.
import { startExperimentWorker } from '../platform';
import type { MinimumRatioRow } from './session';

export interface ExperimentToWorker {
  link: string;
  racer: number;
  run: number;
}
export type ExperimentFromWorker =
  | { type: 'row'; row: MinimumRatioRow }
  | { type: 'failed'; run: number; message: string };

export const DEFAULT_RUNS = 20;
export const MAX_RUNS = 200;

type Listener = () => void;

export class MinimumRatioExperiment {
  link = '';
  racer = 0;
  runs = 0;
  rows: MinimumRatioRow[] = []; // in the order they arrived
  running = false;
  failure = '';
  startedAt = 0;
  finishedAt = 0;

  private workers: Worker[] = [];
  private next = 0;
  private listeners = new Set<Listener>();
  private settle: ((rows: MinimumRatioRow[] | Error) => void) | null = null;

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get done(): number {
    return this.rows.length;
  }

  // Starts K runs of `link` with session racer `racer`; resolves with the rows in run order, or
  // rejects when cancelled or when a run fails. A running experiment is cancelled first.
  start(link: string, racer: number, runs: number): Promise<MinimumRatioRow[]> {
    this.cancel();
    this.link = link;
    this.racer = racer;
    this.runs = runs;
    this.rows = [];
    this.failure = '';
    this.running = true;
    this.next = 0;
    this.startedAt = performance.now();
    this.finishedAt = 0;
    const size = Math.max(1, Math.min(runs, navigator.hardwareConcurrency || 2));
    while (this.workers.length < size) {
      const worker = startExperimentWorker();
      worker.onmessage = (event: MessageEvent<ExperimentFromWorker>) => this.receive(worker, event.data);
      worker.onerror = (event) => this.fail(event.message || 'an experiment worker failed');
      this.workers.push(worker);
    }
    for (const worker of this.workers.slice(0, size)) this.handOut(worker);
    this.emit();
    return new Promise((resolve, reject) => {
      this.settle = (result) => (result instanceof Error ? reject(result) : resolve(result));
    });
  }

  cancel(): void {
    if (!this.running) return;
    this.stop(true);
    this.finish(new Error('the experiment was cancelled'));
  }

  dispose(): void {
    this.cancel();
    this.stop(true);
    this.listeners.clear();
  }

  private handOut(worker: Worker): void {
    if (this.next >= this.runs) return;
    const message: ExperimentToWorker = { link: this.link, racer: this.racer, run: this.next++ };
    worker.postMessage(message);
  }

  private receive(worker: Worker, message: ExperimentFromWorker): void {
    if (!this.running) return;
    if (message.type === 'failed') {
      this.fail(message.message);
      return;
    }
    this.rows.push(message.row);
    if (this.rows.length === this.runs) {
      this.stop(false);
      this.finish([...this.rows].sort((a, b) => a.run - b.run));
    } else {
      this.handOut(worker);
    }
    this.emit();
  }

  private fail(message: string): void {
    if (!this.running) return;
    this.failure = message;
    this.stop(true);
    this.finish(new Error(message));
  }

  private stop(terminate: boolean): void {
    if (terminate) {
      for (const worker of this.workers) worker.terminate();
      this.workers = [];
    }
    if (this.running) this.finishedAt = performance.now();
    this.running = false;
  }

  private finish(result: MinimumRatioRow[] | Error): void {
    const settle = this.settle;
    this.settle = null;
    this.emit();
    settle?.(result);
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
