// The main thread's side of classify mode: starts the training worker, sends it every change of
// the link (the core decides what starts over and what continues), and keeps what the worker
// reports (the setup, the latest frame, each racer's whole history) for the views to draw.
// Views subscribe to the kinds of news they draw, so a frame does not re-render the page.
import { startClassifyWorker } from '../platform';
import type { LinkStore } from '../store';
import {
  type CriticalSearchResult,
  type FrameMessage,
  type FromWorker,
  type HessianMessage,
  HISTORY_STRIDE,
  type LandscapeMessage,
  type LandscapePlane,
  type LandscapeView,
  type SetupMessage,
  type SliceResult,
  type ThumbnailsMessage,
  type ToWorker,
} from './protocol';

export type News = 'setup' | 'frame' | 'thumbnails' | 'problem' | 'hessian' | 'landscape';
type Listener = (news: News) => void;

// One racer's metrics per epoch, as columns (row k = after k epochs).
export class RacerHistory {
  epoch: number[] = [];
  trainLoss: number[] = [];
  testLoss: number[] = [];
  trainAcc: number[] = [];
  testAcc: number[] = [];
  lr: number[] = [];
  regularization: number[] = [];

  get length(): number {
    return this.epoch.length;
  }

  // Rows from `from` on; rows already held are replaced (a resend after a restart).
  append(from: number, rows: Float64Array): void {
    for (const column of this.columns()) column.length = Math.min(column.length, from);
    for (let at = 0; at < rows.length; at += HISTORY_STRIDE) {
      this.epoch.push(rows[at]);
      this.trainLoss.push(rows[at + 1]);
      this.testLoss.push(rows[at + 2]);
      this.trainAcc.push(rows[at + 3]);
      this.testAcc.push(rows[at + 4]);
      this.lr.push(rows[at + 5]);
      this.regularization.push(rows[at + 6]);
    }
  }

  private columns(): number[][] {
    return [this.epoch, this.trainLoss, this.testLoss, this.trainAcc, this.testAcc, this.lr, this.regularization];
  }
}

export class ClassifyRunner {
  setup: SetupMessage | null = null;
  frame: FrameMessage | null = null;
  thumbnails: ThumbnailsMessage | null = null;
  histories: RacerHistory[] = [];
  problem = '';
  // The racer whose map and network are shown (an index among the session's racers).
  selected = 0;
  // The selected racer's latest Hessian analysis (null until the first of this setup).
  hessian: HessianMessage | null = null;
  // The escape probe's step length, as the Critical point panel sets it.
  escapeStep = 1;
  // The last search for a critical point since the run started (the panel's button or a
  // lesson's Run pressed it), until a reset or a new setup.
  search: CriticalSearchResult | null = null;
  // The latest landscape of the selected racer (null until the first of this setup), and every
  // racer's path on its plane (α, β pairs), grown by each frame's projected points.
  landscape: LandscapeMessage | null = null;
  landscapePaths: number[][] = [];

  private worker: Worker;
  private listeners = new Set<Listener>();
  private appliedLink = '';
  private appliedSpeed = -1;
  private appliedOpened = -1;
  private nextStepId = 1;
  private stepWaiters = new Map<number, () => void>();
  private nextRequestId = 1;
  private analysisWaiters = new Map<number, (message: HessianMessage) => void>();
  private moveWaiters = new Map<number, (result: CriticalSearchResult | Error) => void>();
  private sliceWaiters = new Map<number, (result: SliceResult | Error) => void>();
  private requestedThumbnailClasses = 0;
  private unsubscribe: () => void;

  constructor(private store: LinkStore) {
    this.worker = startClassifyWorker();
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
    this.worker.onerror = (event) => {
      this.problem = event.message || 'the training worker failed';
      this.emit('problem');
    };
    // Followed synchronously, so window.playground.setState(s) then step(n) trains s.
    this.unsubscribe = store.subscribe(() => this.follow());
    this.follow();
  }

  dispose(): void {
    this.unsubscribe();
    this.worker.terminate();
    for (const resolve of this.stepWaiters.values()) resolve();
    this.stepWaiters.clear();
    for (const resolve of this.moveWaiters.values()) resolve(new Error('the page was closed'));
    this.moveWaiters.clear();
    for (const resolve of this.sliceWaiters.values()) resolve(new Error('the page was closed'));
    this.sliceWaiters.clear();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get playing(): boolean {
    return this.frame?.playing ?? false;
  }

  play(): void {
    this.send({ type: 'play' });
  }
  pause(): void {
    this.send({ type: 'pause' });
  }
  reset(): void {
    this.send({ type: 'reset' });
    this.search = null;
    this.emit('hessian');
  }
  select(racer: number): void {
    this.selected = racer;
    this.send({ type: 'select', racer });
  }
  // Thumbnails of the datasets with K classes where they offer a choice (asked once per K).
  requestThumbnails(classes: number): void {
    if (classes === this.requestedThumbnailClasses) return;
    this.requestedThumbnailClasses = classes;
    this.send({ type: 'thumbnails', classes });
  }

  // Pauses, then trains n epochs; resolves once the worker has posted their numbers.
  step(epochs: number): Promise<void> {
    const id = this.nextStepId++;
    this.pause();
    return new Promise((resolve) => {
      this.stepWaiters.set(id, resolve);
      this.send({ type: 'step', id, epochs });
    });
  }

  // The selected racer's Hessian analysis now (with the escape probe of `escapeStep`).
  analyse(escapeStep = this.escapeStep): Promise<HessianMessage> {
    this.escapeStep = escapeStep;
    const id = this.nextRequestId++;
    return new Promise((resolve) => {
      this.analysisWaiters.set(id, resolve);
      this.send({ type: 'analyse', id, escapeStep });
    });
  }

  // Moves the selected racer along (+1) or against (−1) its escape direction by `escapeStep`.
  escape(sign: 1 | -1): void {
    this.send({ type: 'escape', sign, step: this.escapeStep });
  }

  // Moves the selected racer to the critical point the lecture's method reaches from it.
  criticalPoint(): Promise<CriticalSearchResult> {
    const id = this.nextRequestId++;
    this.pause();
    return new Promise((resolve, reject) => {
      this.moveWaiters.set(id, (result) => (result instanceof Error ? reject(result) : resolve(result)));
      this.send({ type: 'critical', id });
    });
  }

  // What the Landscape panel shows (null: hidden); `now` recomputes it at once.
  showLandscape(view: LandscapeView | null, now = false): void {
    this.send({ type: 'landscape', id: now ? this.nextRequestId++ : 0, view });
  }

  // The selected racer's slice on the CLI's grid (the automation API).
  slice(plane: LandscapePlane): Promise<SliceResult> {
    const id = this.nextRequestId++;
    return new Promise((resolve, reject) => {
      this.sliceWaiters.set(id, (result) => (result instanceof Error ? reject(result) : resolve(result)));
      this.send({ type: 'slice', id, plane });
    });
  }

  // An edit continues the run (the core keeps what it can); a link opened from outside (hash,
  // automation API) starts afresh, so it reproduces what `playground run` gives for it.
  private follow(): void {
    const state = this.store.state;
    if (state.mode !== 'classify' || !state.classify) return;
    const speed = state.classify.speed;
    const fresh = this.store.opened !== this.appliedOpened;
    if (this.store.link === this.appliedLink && speed === this.appliedSpeed && !fresh) return;
    this.appliedLink = this.store.link;
    this.appliedSpeed = speed;
    this.appliedOpened = this.store.opened;
    this.send({ type: 'open', link: this.store.link, speed, fresh });
  }

  private send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private receive(message: FromWorker): void {
    switch (message.type) {
      case 'setup':
        this.setup = message;
        // The next frame (sent right after) is the first of this setup; an older one no longer fits.
        this.frame = null;
        this.histories = Array.from({ length: message.racerCount }, () => new RacerHistory());
        this.selected = Math.min(this.selected, message.racerCount - 1);
        this.problem = '';
        this.hessian = null;
        this.search = null;
        this.landscape = null;
        this.landscapePaths = [];
        this.emit('setup');
        return;
      case 'frame': {
        if (!this.setup || message.generation !== this.setup.generation) return;
        for (const [i, rows] of message.history.entries()) this.histories[i]?.append(message.historyFrom[i], rows);
        this.frame = message;
        this.extendLandscapePaths(message);
        this.emit('frame');
        return;
      }
      case 'landscape':
        if (!this.setup || message.generation !== this.setup.generation) return;
        this.landscape = message;
        this.landscapePaths = message.paths.map((p) => Array.from(p));
        this.emit('landscape');
        return;
      case 'slice': {
        const resolve = this.sliceWaiters.get(message.id);
        this.sliceWaiters.delete(message.id);
        resolve?.(message.result ?? new Error(message.message ?? 'the slice failed'));
        return;
      }
      case 'stepped': {
        const resolve = this.stepWaiters.get(message.id);
        this.stepWaiters.delete(message.id);
        resolve?.();
        return;
      }
      case 'thumbnails':
        this.thumbnails = message;
        this.emit('thumbnails');
        return;
      case 'hessian': {
        const resolve = this.analysisWaiters.get(message.id);
        this.analysisWaiters.delete(message.id);
        resolve?.(message);
        if (!this.setup || message.generation !== this.setup.generation) return;
        this.hessian = message;
        this.emit('hessian');
        return;
      }
      case 'moved': {
        const resolve = this.moveWaiters.get(message.id);
        this.moveWaiters.delete(message.id);
        resolve?.(message.search ?? new Error(message.message ?? 'the search failed'));
        this.search = message.search ?? null;
        this.emit('hessian');
        return;
      }
      case 'problem':
        this.problem = message.message;
        this.emit('problem');
        return;
    }
  }

  // Each racer's current point on the plane, appended when it moved.
  private extendLandscapePaths(frame: FrameMessage): void {
    if (!this.landscape || frame.landscapeVersion !== this.landscape.version) return;
    const points = frame.landscapePoints;
    for (let r = 0; r < this.landscapePaths.length && 2 * r + 1 < points.length; ++r) {
      const path = this.landscapePaths[r];
      const [a, b] = [points[2 * r], points[2 * r + 1]];
      if (path[path.length - 2] !== a || path[path.length - 1] !== b) path.push(a, b);
    }
  }

  // How many news of each kind there have been: a view that subscribes after its render (effects
  // run later) learns from it whether it missed one in between.
  readonly newsCount: Record<News, number> = {
    setup: 0,
    frame: 0,
    thumbnails: 0,
    problem: 0,
    hessian: 0,
    landscape: 0,
  };

  private emit(news: News): void {
    this.newsCount[news]++;
    for (const listener of [...this.listeners]) listener(news);
  }
}
