// Loads the built wasm module in Node (the wasmBinary recipe of toolchain.md) and runs the
// native CLI, so tests can compare the two.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const wasmDir = join(root, process.env.WASM_BUILD_DIR ?? 'build/wasm');
const nativeDir = join(root, process.env.NATIVE_BUILD_DIR ?? 'build/native');

export async function loadModule() {
  const { default: create } = await import(pathToFileURL(join(wasmDir, 'playground.mjs')).href);
  return create({ wasmBinary: readFileSync(join(wasmDir, 'playground.wasm')) });
}

// Runs the native `playground` CLI; returns {status, stdout, stderr}.
export function cli(...args) {
  const run = spawnSync(join(nativeDir, 'playground'), args, {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

// CSV text → array of row objects with numbers parsed exactly (JS doubles read %.17g exactly).
export function parseCsv(text) {
  const [header, ...lines] = text.trim().split('\n');
  const keys = header.split(',');
  return lines.map((line) => {
    const values = line.split(',');
    return Object.fromEntries(keys.map((k, i) => [k, Number(values[i])]));
  });
}
