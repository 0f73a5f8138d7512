// Where the page's heavy parts come from when it is served over http: the wasm module and the
// recorder's encoders are fetched from next to app.js on first use, the classify page's training
// worker is worker.js and the minimum-ratio experiment's workers are experiment-worker.js.
// scripts/offline.mjs builds the one-file page with platform.offline.ts in this file's place,
// which carries all of them inside.
import type * as Encoders from './classroom/encoders';
import type { PlaygroundModule } from './core';

type Factory = (options?: Record<string, unknown>) => Promise<PlaygroundModule>;

// True in the one-file offline page (it does not offer itself for download, nor embeds).
export const offline = false;

export const iconUrl = 'assets/icon.svg';

export async function instantiateModule(): Promise<PlaygroundModule> {
  const url = new URL('./playground.mjs', import.meta.url).href;
  const factory = (await import(url)).default as Factory;
  return factory();
}

// The Intl warm-up worker (components/intlWarmUp.ts).
export function startIntlWorker(): Worker {
  return new Worker(new URL('./intl-warmup.js', import.meta.url), { type: 'module' });
}

export function startClassifyWorker(): Worker {
  return new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
}

export function startExperimentWorker(): Worker {
  return new Worker(new URL('./experiment-worker.js', import.meta.url), { type: 'module' });
}

// WebM and GIF encoding (mediabunny, gifenc): loaded when a recording starts.
export async function loadEncoders(): Promise<typeof Encoders> {
  return import(new URL('./recorder.js', import.meta.url).href);
}
