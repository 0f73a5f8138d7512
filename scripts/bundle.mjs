// Bundles the page with esbuild into build/site/ (app.js, app.css from the modules' CSS imports,
// worker.js, experiment-worker.js, recorder.js), next to the wasm module and static assets, and
// writes a brotli (.br) and a gzip (.gz) copy of every file worth compressing, for the server to
// send instead.

import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { pageBuildOptions } from './esbuild-options.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// SITE_DIR / WASM_BUILD_DIR let several people build side by side without sharing build/site.
const site = join(root, process.env.SITE_DIR ?? 'build/site');
const wasm = join(root, process.env.WASM_BUILD_DIR ?? 'build/wasm');

rmSync(site, { recursive: true, force: true });
mkdirSync(join(site, 'fonts'), { recursive: true });

// The recorder's encoders are their own file, loaded when a recording starts (web/platform.ts).
const entryPoints = {
  app: join(root, 'web/main.tsx'),
  recorder: join(root, 'web/classroom/encoders.ts'),
  'intl-warmup': join(root, 'web/intlWorker.ts'),
};
if (existsSync(join(root, 'web/classify/worker.ts'))) entryPoints.worker = join(root, 'web/classify/worker.ts');
if (existsSync(join(root, 'web/classify/experimentWorker.ts')))
  entryPoints['experiment-worker'] = join(root, 'web/classify/experimentWorker.ts');

await build({
  ...pageBuildOptions,
  entryPoints,
  outdir: site,
  // Code loaded on demand (KaTeX, with the first formula) goes into chunks beside app.js, so that
  // `import.meta.url` means the same folder in every file. (The offline page is one file: it
  // keeps such code in its one script.)
  splitting: true,
  chunkNames: '[name]-[hash]',
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

// Text and wasm shrink to a third or less; woff2 fonts and images are compressed already, and
// source maps are only fetched by a developer's tools.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.svg', '.json']);
function precompress(folder) {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) precompress(path);
    else if (COMPRESSIBLE.has(extname(name))) {
      const bytes = readFileSync(path);
      writeFileSync(
        `${path}.br`,
        brotliCompressSync(bytes, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
        }),
      );
      writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
    }
  }
}
precompress(site);
