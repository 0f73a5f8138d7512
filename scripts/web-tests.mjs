// Unit tests of the page's pure TypeScript helpers, under node without a browser: type-checks
// tests/web/*.test.ts, bundles each with esbuild into build/web-tests/, then runs them with
// `node --test` (its TAP output is what scripts/test.sh counts).
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sources = join(root, 'tests/web');
const out = join(root, 'build/web-tests');

const tsc = spawnSync(join(root, 'node_modules/.bin/tsc'), ['--noEmit', '-p', sources], { stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

rmSync(out, { recursive: true, force: true });
const tests = readdirSync(sources).filter((name) => name.endsWith('.test.ts'));
await build({
  entryPoints: tests.map((name) => join(sources, name)),
  outdir: out,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  logLevel: 'warning',
});

const run = spawnSync(
  process.execPath,
  ['--test', '--test-timeout=60000', ...tests.map((name) => join(out, name.replace(/\.ts$/, '.mjs')))],
  {
    stdio: 'inherit',
  },
);
process.exit(run.status ?? 1);
