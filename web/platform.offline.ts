// The one-file offline page's platform (see platform.ts): everything is inside the HTML file.
// The wasm binary sits once in the page as base64 (a data block, id "playground-wasm"); each
// worker (the classify page's training worker, the minimum-ratio experiment's) runs from a blob
// URL made of its bundled source (a classic script), with that base64 handed over as a global at
// its top. scripts/offline.mjs resolves the virtual modules.
import experimentWorkerSource from 'offline:experiment-worker-source';
import createPlaygroundModule from 'offline:playground-module';
import workerSource from 'offline:worker-source';
import iconUrl from './assets/icon.svg';
import * as encoders from './classroom/encoders';
import type { PlaygroundModule } from './core';
import { touchIntl } from './intlTouch';

export const offline = true;

export { iconUrl };

const WORKER_GLOBAL = 'PLAYGROUND_WASM_BASE64';

function wasmBase64(): string {
  if (typeof document !== 'undefined') return document.getElementById('playground-wasm')?.textContent?.trim() ?? '';
  return (self as unknown as Record<string, string>)[WORKER_GLOBAL] ?? '';
}

export async function instantiateModule(): Promise<PlaygroundModule> {
  const text = atob(wasmBase64());
  const wasmBinary = new Uint8Array(text.length);
  for (let i = 0; i < text.length; ++i) wasmBinary[i] = text.charCodeAt(i);
  return (await createPlaygroundModule({ wasmBinary })) as PlaygroundModule;
}

// The blob URL of a worker's source is made once and kept: the experiment starts one worker
// per core, and again after a Cancel.
const workerUrls = new Map<'classify' | 'experiment', string>();

function startWorker(kind: 'classify' | 'experiment', source: string): Worker {
  let url = workerUrls.get(kind);
  if (url === undefined) {
    const prelude = `self.${WORKER_GLOBAL} = ${JSON.stringify(wasmBase64())};\n`;
    url = URL.createObjectURL(new Blob([prelude, source], { type: 'text/javascript' }));
    workerUrls.set(kind, url);
  }
  // Classic, not a module worker: Chromium does not start a module worker from a blob URL on a
  // file:// page.
  return new Worker(url);
}

export function startClassifyWorker(): Worker {
  return startWorker('classify', workerSource);
}

export function startExperimentWorker(): Worker {
  return startWorker('experiment', experimentWorkerSource);
}

// The Intl warm-up worker (components/intlWarmUp.ts), from its function's own source.
export function startIntlWorker(): Worker {
  const source = `(${touchIntl.toString()})();\npostMessage(null);\n`;
  return new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
}

export async function loadEncoders(): Promise<typeof encoders> {
  return encoders;
}
