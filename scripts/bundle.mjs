// Bundles the page with esbuild into build/site/ (app.js, app.css from the modules' CSS imports,
// worker.js, recorder.js), next to the wasm module and static assets.

import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { pageBuildOptions } from './esbuild-options.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// SITE_DIR / WASM_BUILD_DIR let several people build side by side without sharing build/site.
const site = join(root, process.env.SITE_DIR ?? 'build/site');
const wasm = join(root, process.env.WASM_BUILD_DIR ?? 'build/wasm');

rmSync(site, { recursive: true, force: true });
mkdirSync(join(site, 'fonts'), { recursive: true });

// The recorder's encoders are their own file, loaded when a recording starts (web/platform.ts).
const entryPoints = { app: join(root, 'web/main.tsx'), recorder: join(root, 'web/classroom/encoders.ts') };
if (existsSync(join(root, 'web/classify/worker.ts'))) entryPoints.worker = join(root, 'web/classify/worker.ts');

await build({
  ...pageBuildOptions,
  entryPoints,
  outdir: site,
  sourcemap: true,
  // The wasm module is loaded at run time from next to app.js.
  external: ['./playground.mjs'],
});

cpSync(join(root, 'web/index.html'), join(site, 'index.html'));
cpSync(join(root, 'web/assets'), join(site, 'assets'), { recursive: true });
cpSync(join(root, 'node_modules/uplot/dist/uPlot.min.css'), join(site, 'uPlot.min.css'));
cpSync(join(root, 'node_modules/katex/dist/katex.min.css'), join(site, 'katex.min.css'));
const fonts = join(root, 'node_modules/katex/dist/fonts');
for (const font of readdirSync(fonts).filter((f) => f.endsWith('.woff2')))
  cpSync(join(fonts, font), join(site, 'fonts', font));
for (const file of ['playground.mjs', 'playground.wasm']) cpSync(join(wasm, file), join(site, file));
