// How racers are named and their status worded on the page. A session racer is one of the
// link's racers (numbered from 1, as in the racers panel), with its loss when comparing losses.
import { type Lang, pick, type Translate } from '../i18n';
import type { LinkStore } from '../store';
import type { RacerMetrics, SetupMessage } from './protocol';

export function racerName(lang: Lang, store: LinkStore, setup: SetupMessage, index: number): string {
  const linkRacer = setup.linkRacers[index] ?? index;
  const text = store.state.racers[linkRacer]?.text ?? '';
  const name = `${linkRacer + 1} · ${text}`;
  const comparing = setup.losses.length > 0 && new Set(setup.losses).size > 1;
  if (!comparing) return name;
  const loss = store.core.catalogue.losses.find((l) => l.name === setup.losses[index]);
  return `${name} · ${loss?.short_label ? pick(lang, loss.short_label) : setup.losses[index]}`;
}

// The racer's status in the page's language: the core's words for its state ("running",
// "epoch limit reached", "diverged at epoch k", ...), with the epoch it is at where they do not
// name one.
export function statusLabel(lang: Lang, t: Translate, racer: RacerMetrics): string {
  // Before its first epoch the core says running, at epoch 0: nothing has run yet.
  if (racer.state === 'running' && racer.epoch === 0) return t('status.notStarted');
  const words = pick(lang, racer.statusText);
  const namesEpoch = racer.state === 'reached' || racer.state === 'diverged';
  return namesEpoch ? words : `${words} · ${t('classify.status.epoch', { epoch: racer.epoch })}`;
}
