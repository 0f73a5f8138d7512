// Imports page modules (web/) into a node test without a browser: the source given is bundled
// with esbuild from web/ and loaded as a data: module. For the page's data (messages, presets,
// lessons) and its pure functions.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const web = join(dirname(fileURLToPath(import.meta.url)), '../../web');

// `source`: a module in web/'s terms, e.g. "export { LESSONS } from './lessons/index';".
export async function importFromWeb(source) {
  const bundled = await build({
    stdin: { contents: source, resolveDir: web, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    logLevel: 'error',
  });
  return import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);
}
