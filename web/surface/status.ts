// A racer's status as the page shows it: the core's words for what the racer reached (running,
// the step limit, diverged at step k, or the kind of point it stopped at) and the step it is at;
// "not started" before its first update (the core calls that running, at step 0).
import type { RacerFrame } from '../core';
import { type Lang, pick, type Translate } from '../i18n';

export function statusText(racer: RacerFrame, lang: Lang, t: Translate): { text: string; kind: RacerFrame['status'] } {
  if (racer.status === 'running' && racer.step === 0) return { text: t('status.notStarted'), kind: racer.status };
  const words = pick(lang, racer.statusText);
  // "diverged at step k" names its step already.
  const text = racer.status === 'diverged' ? words : `${words} · ${t('status.step', { step: racer.step })}`;
  return { text, kind: racer.status };
}
