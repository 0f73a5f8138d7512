// Fails (exit 1) when a source file of ours is longer than the house limit of 900 lines
// (GUIDE: "No source file over 900 lines"), naming each such file and its length. Reads the
// files git tracks, and the new ones it does not ignore, under the source folders; the fuzzers'
// corpora are inputs, not source, and build outputs and node_modules are ignored by git.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAX_LINES = 900;
const FOLDERS = ['core', 'cli', 'wasm', 'web', 'tests', 'scripts'];
const SOURCE = /\.(cpp|hpp|h|c|ts|tsx|mjs|js|css|html|sh)$/;
const NOT_SOURCE = /^tests\/fuzz\/corpus\//;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...FOLDERS], {
  cwd: root,
  encoding: 'utf8',
});
const files = [...new Set(listed.split('\0'))].filter((f) => SOURCE.test(f) && !NOT_SOURCE.test(f));

const lineCount = (text) => (text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0));
let longest = { file: '', lines: 0 };
const tooLong = [];
for (const file of files) {
  let text;
  try {
    text = readFileSync(join(root, file), 'utf8');
  } catch {
    continue; // listed by git but deleted in the working tree
  }
  const lines = lineCount(text);
  if (lines > longest.lines) longest = { file, lines };
  if (lines > MAX_LINES) tooLong.push(`${file}: ${lines} lines`);
}

if (tooLong.length > 0) {
  console.log(`over ${MAX_LINES} lines (split them by role):\n  ${tooLong.join('\n  ')}`);
  process.exit(1);
}
console.log(`${files.length} source files, none over ${MAX_LINES} lines (longest ${longest.file}, ${longest.lines})`);
