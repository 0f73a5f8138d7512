// Every message key a view uses exists in English and in Chinese (issue 15, fault 6), read from
// the sources: quoted keys ('map.legend.minimum'), keys built from a template
// (`kind.${analysis.kind}`: every key of that shape must exist in both languages, and at least
// one must), and no message is a word the page would show for a missing value. No browser.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const web = join(dirname(fileURLToPath(import.meta.url)), '../../web');

function sources(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/messages\.ts$|i18n\.ts$/.test(name) ? [path] : [];
  });
}

async function messageTables() {
  const bundled = await build({
    entryPoints: [join(web, 'i18n.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    logLevel: 'error',
  });
  const url = `data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`;
  return (await import(url)).messages;
}

test('every message key the views use exists in both languages', async () => {
  const messages = await messageTables();
  const keys = { en: new Set(Object.keys(messages.en)), zh: new Set(Object.keys(messages.zh)) };
  // The first parts of the page's keys ("map", "classify", ...): a quoted string that starts with
  // one of them and a dot is a key.
  const namespaces = new Set([...keys.en].map((k) => k.split('.')[0]));
  const problems = [];
  let literals = 0;
  let templates = 0;
  for (const file of sources(web)) {
    const text = readFileSync(file, 'utf8').replace(/^import .*$/gm, '');
    const where = relative(web, file);
    for (const [, key] of text.matchAll(/['"]([a-z][\w-]*(?:\.[\w-]+)+)['"]/g)) {
      if (!namespaces.has(key.split('.')[0])) continue;
      literals++;
      for (const lang of ['en', 'zh']) if (!keys[lang].has(key)) problems.push(`${where}: '${key}' missing in ${lang}`);
    }
    for (const [, body] of text.matchAll(/`([a-z][\w-]*\.(?:[\w.-]|\$\{[^}]*\})*)`/g)) {
      if (!body.includes('${') || !namespaces.has(body.split('.')[0])) continue;
      templates++;
      const shape = new RegExp(
        `^${body
          .split(/\$\{[^}]*\}/)
          .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
          .join('[\\w-]+')}$`,
      );
      const en = [...keys.en].filter((k) => shape.test(k));
      const zh = [...keys.zh].filter((k) => shape.test(k));
      if (en.length === 0) problems.push(`${where}: no key has the shape \`${body}\``);
      if (en.join() !== zh.join()) problems.push(`${where}: \`${body}\` keys differ: ${en} vs ${zh}`);
    }
  }
  assert.ok(literals > 200, `found the views' keys (${literals})`);
  assert.ok(templates >= 4, `found the keys built from templates (${templates})`);
  assert.deepEqual(problems, []);
});

test('no message reads like a missing value ("undefined", "null", "NaN")', async () => {
  const messages = await messageTables();
  const problems = [];
  for (const lang of ['en', 'zh'])
    for (const [key, text] of Object.entries(messages[lang]))
      if (/^\s*(undefined|null|NaN)\s*$/i.test(text)) problems.push(`${lang} ${key}: “${text}”`);
  assert.deepEqual(problems, []);
});
