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

// "running", "done", "reached target at epoch k", "diverged at epoch k", in the page's language.
export function statusLabel(t: Translate, racer: RacerMetrics): string {
  const epoch = /(\d+)\s*$/.exec(racer.status)?.[1] ?? String(racer.epoch);
  switch (racer.state) {
    case 'running':
      return t('classify.status.running', { epoch: racer.epoch });
    case 'done':
      return t('classify.status.done', { epoch: racer.epoch });
    case 'reached':
      return t('classify.status.reached', { epoch });
    case 'diverged':
      return t('classify.status.diverged', { epoch });
  }
  return racer.status;
}
