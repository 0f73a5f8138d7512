// The page's own words exist in English and Chinese: the same keys, no empty text, the same
// {placeholders} in both; a Chinese text keeps only names and formulas in Latin letters (see
// chinese-page.mjs). The same holds for the presets' titles and captions. No browser: the
// message tables are bundled from web/ with esbuild and imported.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { latinWords, NAMES, namesFromCore } from './chinese-page.mjs';
import { importFromWeb } from './web-import.mjs';

const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function untranslated(zh) {
  const allowed = new Set([...NAMES, ...namesFromCore()]);
  return latinWords(zh.replace(/\{\w+\}/g, '')).filter((word) => !allowed.has(word));
}

test('every message has English and Chinese text with the same placeholders; Chinese keeps only names in Latin letters', async () => {
  const { messages } = await importFromWeb("export { messages } from './i18n';");
  assert.deepEqual(Object.keys(messages.zh).sort(), Object.keys(messages.en).sort(), 'the same keys in both languages');
  const problems = [];
  for (const [key, en] of Object.entries(messages.en)) {
    const zh = messages.zh[key];
    if (!en.trim() || !zh.trim()) problems.push(`${key}: empty text`);
    if (placeholders(zh).join() !== placeholders(en).join())
      problems.push(`${key}: placeholders ${placeholders(en)} vs ${placeholders(zh)}`);
    for (const word of untranslated(zh)) problems.push(`${key}: “${word}” in “${zh}”`);
  }
  assert.deepEqual(problems, []);
});

test('every preset has a title and a caption in both languages; the Chinese keep only names in Latin letters', async () => {
  const surface = (await importFromWeb("export { PRESETS } from './surface/presets';")).PRESETS;
  const classify = (await importFromWeb("export { PRESETS } from './classify/presets';")).PRESETS;
  assert.ok(surface.length > 0 && classify.length > 0);
  const problems = [];
  for (const preset of [...surface, ...classify])
    for (const part of ['title', 'caption']) {
      if (!preset[part].en.trim() || !preset[part].zh.trim()) problems.push(`${preset.id} ${part}: empty text`);
      for (const word of untranslated(preset[part].zh)) problems.push(`${preset.id} ${part}: “${word}”`);
    }
  assert.deepEqual(problems, []);
});
