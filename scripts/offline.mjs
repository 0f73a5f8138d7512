// Writes build/offline/optimizer-playground.html: the whole playground in one HTML file that
// works from file:// with no server (run after bundle.mjs; a copy goes next to the site, whose
// "Offline" button offers it for download). Inside it:
//   - the wasm binary once, as base64 in a data block (never executed, so not a script);
//   - one inline module script: the page with web/platform.offline.ts, the Emscripten glue and
//     the recorder's encoders bundled in, and every worker's bundled source as a string (the
//     classify page's training worker and the minimum-ratio experiment's, each started from a
//     blob URL as a classic worker);
//   - one <style>: uPlot's and KaTeX's styles (KaTeX's fonts as data: URLs) and the page's own.
// Its Content-Security-Policy allows exactly that: the script and the style by their SHA-256,
// wasm compilation, data: images and fonts, blob: workers; nothing is fetched.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { pageBuildOptions } from './esbuild-options.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const site = join(root, process.env.SITE_DIR ?? 'build/site');
const wasm = join(root, process.env.WASM_BUILD_DIR ?? 'build/wasm');
const outDir = join(root, process.env.OFFLINE_DIR ?? 'build/offline');
const NAME = 'optimizer-playground.html';
const MAX_BYTES = 8 * 1024 * 1024;

// The offline platform in place of web/platform.ts, and its virtual modules: the wasm glue and
// each worker's source (`sources`: 'worker-source' and 'experiment-worker-source').
function offlinePlugin(sources) {
  return {
    name: 'offline',
    setup(b) {
      b.onResolve({ filter: /^\.\.?\/platform$/ }, (args) => ({
        path: join(args.resolveDir, args.path, '..', 'platform.offline.ts'),
      }));
      b.onResolve({ filter: /^offline:playground-module$/ }, () => ({ path: join(wasm, 'playground.mjs') }));
      b.onResolve({ filter: /^offline:.*-source$/ }, (args) => {
        const name = args.path.slice('offline:'.length);
        if (!(name in sources)) throw new Error(`offline: no source for ${args.path}`);
        return { path: name, namespace: 'offline' };
      });
      b.onLoad({ filter: /.*/, namespace: 'offline' }, (args) => ({ contents: sources[args.path], loader: 'text' }));
    },
  };
}

async function bundle(entry, sources, format) {
  const result = await build({
    ...pageBuildOptions,
    format,
    // A classic script has no import.meta. The Emscripten glue resolves the .wasm's address
    // against it (a blob: URL cannot be a base) but never fetches it: it gets the bytes.
    define: format === 'iife' ? { 'import.meta.url': '"file:///"' } : {},
    entryPoints: [join(root, entry)],
    outdir: join(outDir, 'parts'),
    write: false,
    loader: { '.svg': 'dataurl' },
    plugins: [offlinePlugin(sources)],
  });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'))?.text ?? '';
  const css = result.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '';
  return { js, css };
}

// The workers are classic scripts: from a file:// page (an opaque origin) Chromium refuses to
// start a module worker from a blob URL, and runs a classic one. A worker never starts a worker
// itself: its copy of the platform gets empty sources.
const noWorkers = { 'worker-source': '', 'experiment-worker-source': '' };
const worker = await bundle('web/classify/worker.ts', noWorkers, 'iife');
const experimentWorker = await bundle('web/classify/experimentWorker.ts', noWorkers, 'iife');
const page = await bundle(
  'web/main.tsx',
  { 'worker-source': worker.js, 'experiment-worker-source': experimentWorker.js },
  'esm',
);

const katexFonts = join(root, 'node_modules/katex/dist/fonts');
const katexCss = readFileSync(join(root, 'node_modules/katex/dist/katex.min.css'), 'utf8')
  // woff2 only (every browser that runs the page reads it), as data: URLs.
  .replace(/,url\(fonts\/[^)]+\.(woff|ttf)\) format\("(woff|truetype)"\)/g, '')
  .replace(/url\(fonts\/([^)]+\.woff2)\)/g, (_, font) => {
    const data = readFileSync(join(katexFonts, font)).toString('base64');
    return `url(data:font/woff2;base64,${data})`;
  });
if (/url\(fonts\//.test(katexCss)) throw new Error('offline: a KaTeX font was left outside the file');
const style = [readFileSync(join(root, 'node_modules/uplot/dist/uPlot.min.css'), 'utf8'), katexCss, page.css].join(
  '\n',
);
// Inside <script>, "</script" would end the element early.
const script = page.js.replace(/<\/script/gi, '<\\/script');
const icon = `data:image/svg+xml;base64,${readFileSync(join(root, 'web/assets/icon.svg')).toString('base64')}`;
const wasmBase64 = readFileSync(join(wasm, 'playground.wasm')).toString('base64');

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const policy = [
  "default-src 'none'",
  `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
  `style-src ${sha256(style)}`,
  'img-src data: blob:',
  'font-src data:',
  'worker-src blob:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// web/index.html with its links to files replaced by what they hold.
let html = readFileSync(join(root, 'web/index.html'), 'utf8');
// `text` is the replacement itself (never a pattern with $-groups: the script holds `$`s), or a
// function of the match and its groups.
const replace = (pattern, text) => {
  if (!pattern.test(html)) throw new Error(`offline: web/index.html no longer has ${pattern}`);
  html = html.replace(pattern, typeof text === 'function' ? text : () => text);
};
replace(/<!-- Strict policy[^>]*-->\s*/, '<!-- One file: everything inside; the policy allows exactly that. -->\n    ');
replace(/(http-equiv="Content-Security-Policy"\s+content=")[^"]*"/, (_, start) => `${start}${policy}"`);
replace(/<link rel="icon"[^>]*>/, `<link rel="icon" href="${icon}" type="image/svg+xml" />`);
replace(/\s*<link rel="stylesheet" href="uPlot.min.css" \/>/, '');
replace(/\s*<link rel="stylesheet" href="katex.min.css" \/>/, '');
replace(/<link rel="stylesheet" href="app.css" \/>/, `<style>${style}</style>`);
replace(
  /<script type="module" src="app.js"><\/script>/,
  `<script type="application/octet-stream" id="playground-wasm">${wasmBase64}</script>\n    <script type="module">${script}</script>`,
);

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, NAME), html);
const bytes = Buffer.byteLength(html);
if (bytes > MAX_BYTES) throw new Error(`offline: ${NAME} is ${bytes} bytes, over ${MAX_BYTES}`);
cpSync(join(outDir, NAME), join(site, NAME));
console.log(`offline: ${join(outDir, NAME)} (${(bytes / 1e6).toFixed(2)} MB)`);
