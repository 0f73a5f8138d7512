// Display words for the core's names (datasets, activations, losses, ...): the page's own
// translation where it has one, else the name as links write it, so a name the core adds later
// still shows.
import { type MessageKey, messages, type Translate } from '../i18n';

export function nameLabel(t: Translate, kind: 'dataset' | 'act' | 'loss' | 'reg' | 'feature', name: string): string {
  const key = `classify.${kind}.${name}`;
  return key in messages.en ? t(key as MessageKey) : name;
}
