// The Hessian analysis of a clicked point (the chapter's critical points): what kind of point it is,
// f and ∇f there, the Hessian's eigenvalues and eigenvectors (drawn on the map), and for a
// saddle (or wherever an eigenvalue is negative) a button that moves the start a little along
// the escape direction, so every racer restarts from there.
import { formatNumber } from '../components/format';
import type { Core, PointAnalysis } from '../core';
import { useT } from '../i18n';
import type { LinkStore } from '../store';
import { roundForLink } from './mapGeometry';

const ESCAPE_FRACTION = 0.04; // of the view

export function HessianPanel({
  core,
  store,
  analysis,
  onClose,
}: {
  core: Core;
  store: LinkStore;
  analysis: PointAnalysis;
  onClose: () => void;
}) {
  const t = useT();
  const surface = store.state.surface!;
  const axes = core.surface(surface.name)?.axes ?? ['x', 'y'];
  const [x0, x1, y0, y1] = surface.view;
  const [l1, l2] = analysis.eigenvalues;
  const [u1x, u1y, u2x, u2y] = analysis.eigenvectors;
  const positives = [l1, l2].filter((l) => l > 0).length;

  const stepAlongEscape = () => {
    if (!analysis.escape) return;
    const [ux, uy] = analysis.escape;
    // A step along u that crosses ESCAPE_FRACTION of the view (measured in view widths).
    const distance = ESCAPE_FRACTION / (Math.hypot(ux / (x1 - x0), uy / (y1 - y0)) || 1);
    const sx = analysis.x + distance * ux;
    const sy = analysis.y + distance * uy;
    store.setValue('start', `${roundForLink(sx, x1 - x0)},${roundForLink(sy, y1 - y0)}`);
  };

  return (
    <div class="panel hessian-panel" data-testid="hessian-panel">
      <div class="panel-head">
        <h2>
          {t('hessian.title')}{' '}
          <span class={`kind kind-${analysis.kind}`} data-testid="hessian-kind">
            {t(`kind.${analysis.kind}`)}
          </span>
        </h2>
        <button type="button" class="icon" aria-label={t('hessian.close')} title={t('hessian.close')} onClick={onClose}>
          ×
        </button>
      </div>
      <p class="small">
        {axes[0]} = {formatNumber(analysis.x, 6)}, {axes[1]} = {formatNumber(analysis.y, 6)}, f ={' '}
        {formatNumber(analysis.value, 6)}, ∇f = ({formatNumber(analysis.gradient[0])},{' '}
        {formatNumber(analysis.gradient[1])})
      </p>
      <table class="live-numbers">
        <tbody>
          <tr>
            <th>λ₁ = {formatNumber(l1, 5)}</th>
            <td>
              u₁ = ({formatNumber(u1x, 3)}, {formatNumber(u1y, 3)})
            </td>
          </tr>
          <tr>
            <th>λ₂ = {formatNumber(l2, 5)}</th>
            <td>
              u₂ = ({formatNumber(u2x, 3)}, {formatNumber(u2y, 3)})
            </td>
          </tr>
        </tbody>
      </table>
      <p class="muted small">
        {t(`hessian.explain.${analysis.kind}`)}{' '}
        {analysis.kind !== 'not-critical' && t('hessian.ratio', { ratio: `${positives}/2` })}
      </p>
      <p class="muted small">{t('hessian.arrows')}</p>
      {/* Escaping is what a racer stuck at a critical point needs; elsewhere it just rolls on. */}
      {analysis.escape && analysis.kind !== 'not-critical' && (
        <button type="button" class="primary" data-testid="escape" onClick={stepAlongEscape}>
          {t('hessian.escape')}
        </button>
      )}
    </div>
  );
}
