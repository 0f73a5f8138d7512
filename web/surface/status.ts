// A racer's status in words: running, converged, diverged at step k, or stopped at the limit.
import type { RacerFrame } from '../core';
import type { Translate } from '../i18n';

export function statusText(
  racer: RacerFrame,
  stepLimit: number,
  t: Translate,
): { text: string; kind: 'running' | 'converged' | 'diverged' | 'limit' } {
  if (racer.status === 'diverged') return { text: t('status.diverged', { step: racer.divergedAt }), kind: 'diverged' };
  if (racer.status === 'converged') return { text: t('status.converged', { step: racer.step }), kind: 'converged' };
  if (racer.step >= stepLimit) return { text: t('status.limit', { step: racer.step }), kind: 'limit' };
  return { text: t('status.running', { step: racer.step }), kind: 'running' };
}
