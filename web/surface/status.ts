// A racer's status as the page shows it: the core's words for what the racer reached (running,
// the step limit, diverged at step k, or the kind of point it stopped at) and the step it is at.
import type { RacerFrame } from '../core';
import { type Lang, pick, type Translate } from '../i18n';

export function statusText(racer: RacerFrame, lang: Lang, t: Translate): { text: string; kind: RacerFrame['status'] } {
  const words = pick(lang, racer.statusText);
  // "diverged at step k" names its step already.
  const text = racer.status === 'diverged' ? words : `${words} · ${t('status.step', { step: racer.step })}`;
  return { text, kind: racer.status };
}
