// What the page calls a catalogue entry (a dataset, activation, loss, regularisation or
// feature): the core's display name in the page's language, else its name as links write it.
import type { Text } from '../core';
import { type Lang, pick } from '../i18n';

export function nameLabel(lang: Lang, info: { name: string; label?: Text; display?: string }): string {
  if (info.label) return pick(lang, info.label);
  return info.display ?? info.name;
}
