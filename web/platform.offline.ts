// The one-file offline page's platform (see platform.ts): everything is inside the HTML file.
// The wasm binary sits once in the page as base64 (a data block, id "playground-wasm"); the
// classify worker runs from a blob URL made of the worker's bundled source (a classic script), with that base64
// handed over as a global at its top. scripts/offline.mjs resolves the two virtual modules.
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

export function startClassifyWorker(): Worker {
  const prelude = `self.${WORKER_GLOBAL} = ${JSON.stringify(wasmBase64())};\n`;
  const url = URL.createObjectURL(new Blob([prelude, workerSource], { type: 'text/javascript' }));
  // Classic, not a module worker: Chromium does not start a module worker from a blob URL on a
  // file:// page.
  return new Worker(url);
}

// The Intl warm-up worker (components/intlWarmUp.ts), from its function's own source.
export function startIntlWorker(): Worker {
  const source = `(${touchIntl.toString()})();\npostMessage(null);\n`;
  return new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
}

export async function loadEncoders(): Promise<typeof encoders> {
  return encoders;
}
