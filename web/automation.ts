// window.playground: the small automation API of docs/reference.md, for tests and power users.
//   state() → the current state string; setState(s) → the problems of s (loads the rest);
//   step(n) → n updates (surface) or n epochs (classify), done when the promise resolves;
//   racers() → per racer {optimizer, step, x, y, loss, status, statusZh} or
//              {optimizer, loss, epoch, trainLoss, testLoss, trainAcc, testAcc, status, statusZh};
//   classify mode only: hessian() → promise of the selected racer's exact Hessian analysis
//   {epoch, objective, gradientNorm, eigenvalues, minimumRatio, negative, kind, lambdaMaxLr,
//   escape, ms}; minimumRatio(K) →
//   promise of the experiment's rows [{run, seed, epochs, objective, gradientNorm,
//   minimumRatio, kind}]; slice(plane) → promise of the selected racer's loss landscape on the
//   CLI's grid {alpha, beta, objective, path}.
//   lessons() → [{name, title, steps}]; lesson() → {name, step, steps} or null;
//   record({format, frames}) → a Blob of the run drawn frame by frame (WebM or GIF).
import { type FrameSource, type RecordFormat, record } from './classroom/record';
import type { Problem } from './core';
import type { Lang } from './i18n';
import type { PanelMoves } from './lessons/format';
import { LESSONS } from './lessons/index';
import { findLesson } from './lessons/navigation';
import type { LinkStore, Mode } from './store';

export interface ModeController {
  step(n: number): Promise<void>;
  racers(): Record<string, unknown>[];
  hessian?(): Promise<Record<string, unknown>>;
  minimumRatio?(runs: number): Promise<Record<string, unknown>[]>;
  slice?(plane: string): Promise<Record<string, unknown>>;
  // From the start of the run, playing (a lesson's "Run").
  run(): void;
  // Classify: a lesson's Run with moves in the Critical point panel: from the start straight to
  // epoch moves.at, the moves, then playing on; resolves once the moves are made.
  runWithMoves?(moves: PanelMoves): Promise<void>;
  // Every racer has stopped (step limit, epochs, divergence) and nothing plays.
  finished(): boolean;
  frames(): FrameSource;
}

// A problem as the contract writes it (docs/reference.md).
export interface ProblemReport {
  key: string;
  value: string;
  reason: string;
  reason_zh: string;
}

export interface Automation {
  state(): string;
  setState(link: string): ProblemReport[];
  step(n: number): Promise<void>;
  racers(): Record<string, unknown>[];
  hessian(): Promise<Record<string, unknown>>;
  minimumRatio(runs: number): Promise<Record<string, unknown>[]>;
  slice(plane: string): Promise<Record<string, unknown>>;
  lessons(): { name: string; title: string; steps: number }[];
  lesson(): { name: string; step: number; steps: number } | null;
  record(options: { format: RecordFormat; frames: number }): Promise<Blob>;
}

declare global {
  interface Window {
    playground?: Automation;
  }
}

export function installAutomation(
  store: LinkStore,
  controllers: Map<Mode, ModeController>,
  lang: () => Lang,
): () => void {
  const active = (): ModeController => {
    const controller = controllers.get(store.mode);
    if (!controller) throw new Error(`the ${store.mode} page is not ready`);
    return controller;
  };
  window.playground = {
    state: () => store.link,
    setState: (link: string) =>
      store
        .open(String(link).replace(/^#/, ''))
        .map((p: Problem) => ({ key: p.key, value: p.value, reason: p.reason.en, reason_zh: p.reason.zh })),
    step: async (n: number) => {
      if (!Number.isFinite(n) || n < 0) throw new Error('step(n) needs a number n >= 0');
      await active().step(Math.floor(n));
    },
    racers: () => active().racers(),
    hessian: async () => {
      const controller = active();
      if (!controller.hessian) throw new Error('hessian() needs the classification page (mode=classify)');
      return controller.hessian();
    },
    minimumRatio: async (runs: number) => {
      const controller = active();
      if (!controller.minimumRatio) throw new Error('minimumRatio(K) needs the classification page (mode=classify)');
      return controller.minimumRatio(Number(runs));
    },
    slice: async (plane: string) => {
      const controller = active();
      if (!controller.slice) throw new Error('slice(plane) needs the classification page (mode=classify)');
      return controller.slice(String(plane));
    },
    lessons: () => LESSONS.map((l) => ({ name: l.name, title: l.title[lang()], steps: l.steps.length })),
    lesson: () => {
      const lesson = findLesson(store.state.page.lesson);
      if (!lesson) return null;
      return { name: lesson.name, step: Math.max(1, store.state.page.step), steps: lesson.steps.length };
    },
    record: (options) => record(active().frames(), { format: options?.format, frames: options?.frames }),
  };
  return () => {
    delete window.playground;
  };
}
