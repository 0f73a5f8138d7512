// The Critical point panel (chapter-notes.md §4): the selected racer's exact Hessian, as the
// training worker reports it (when training pauses or ends, after a move, on request, and every
// few epochs while playing): the kind of point, J, ‖∇J‖, the minimum ratio, λ_max·η_t against
// the stability limit 2, the spectrum, the escape along the most negative eigenvalue's
// eigenvector (J on both sides, and buttons that move the racer there), and the lecture's way to
// the nearest critical point.
import { useState } from 'preact/hooks';
import { formatNumber, parseLinkNumber } from '../components/format';
import { useLang, useT } from '../i18n';
import type { LinkStore } from '../store';
import { useNews } from './hooks';
import { racerName } from './racerNames';
import type { ClassifyRunner } from './runner';
import { SpectrumChart } from './SpectrumChart';

const MAX_ESCAPE_STEP = 100;

export function CriticalPointPanel({ store, runner }: { store: LinkStore; runner: ClassifyRunner }) {
  const t = useT();
  const lang = useLang();
  useNews(runner, ['setup', 'hessian']);
  const [stepText, setStepText] = useState(String(runner.escapeStep));
  const [stepError, setStepError] = useState(false);
  const [searching, setSearching] = useState(false);
  const { setup, hessian, search } = runner;
  const report = hessian?.report;

  const commitStep = () => {
    // A refused length is never used: the probe and the moves wait for a good one.
    const step = parseLinkNumber(stepText);
    const ok = step !== null && step > 0 && step <= MAX_ESCAPE_STEP;
    setStepError(!ok);
    if (ok && step !== runner.escapeStep) void runner.analyse(step);
  };
  const goToCriticalPoint = async () => {
    setSearching(true);
    try {
      await runner.criticalPoint();
    } catch {
      // A failed search leaves the racer where it was, and the panel without a result.
    } finally {
      setSearching(false);
    }
  };

  const kind = report?.status === 'ok' ? report.kind : null;
  return (
    <section class="panel critical-panel" data-testid="critical-panel">
      <div class="panel-head">
        <h2>
          {t('classify.critical.title')}
          {kind && (
            <span class={`kind kind-${kind}`} data-testid="critical-kind" data-kind={kind}>
              {t(`kind.${kind}`)}
            </span>
          )}
        </h2>
        <button
          type="button"
          class="icon"
          data-testid="critical-refresh"
          title={t('classify.critical.refresh')}
          aria-label={t('classify.critical.refresh')}
          onClick={() => void runner.analyse()}
        >
          ↻
        </button>
      </div>
      {setup && hessian && (
        <p class="small muted critical-where">
          <span class="racer-name">{racerName(lang, store, setup, hessian.racer)}</span>
          {report?.status === 'ok' && ` · ${t('classify.status.epoch', { epoch: report.epoch })}`}
          {hessian.moves > 0 && <em> · {t('classify.critical.moved')}</em>}
        </p>
      )}
      {!report && <p class="small muted">{t('classify.critical.waiting')}</p>}
      {report?.status === 'too-large' && (
        <p class="small" data-testid="critical-too-large">
          {t('classify.critical.tooLarge', { parameters: report.parameters, limit: report.limit })}
        </p>
      )}
      {report?.status === 'failed' && (
        <p class="field-error" role="alert">
          {t('classify.critical.failed', { message: report.message })}
        </p>
      )}
      {report?.status === 'ok' && (
        <>
          <dl class="critical-numbers" data-testid="critical-numbers">
            <div>
              <dt>{t('classify.critical.objective')}</dt>
              <dd data-testid="critical-objective">{formatNumber(report.objective, 6)}</dd>
            </div>
            <div title={t('classify.critical.gradient.title')}>
              <dt>{t('classify.critical.gradient')}</dt>
              <dd data-testid="critical-gradient">{formatNumber(report.gradientNorm, 3)}</dd>
            </div>
            <div title={t('classify.critical.ratio.title')}>
              <dt>{t('classify.critical.ratio')}</dt>
              <dd data-testid="critical-ratio">
                {t('classify.critical.ratio.value', {
                  positive: report.positive,
                  parameters: report.parameters,
                  ratio: formatNumber(report.minimumRatio, 3),
                })}
              </dd>
            </div>
            <div>
              <dt>{t('classify.critical.sharpness')}</dt>
              <dd data-testid="critical-sharpness" class={report.lambdaMaxLr > 2 ? 'unstable' : ''}>
                {formatNumber(report.lambdaMaxLr, 3)}
              </dd>
            </div>
          </dl>
          <SpectrumChart eigenvalues={report.eigenvalues} tolerance={report.tolerance} counts={report} />
          <p class="small" data-testid="critical-explain">
            {t(`classify.critical.explain.${report.kind}`, { negative: report.negative, flat: report.flat })}
          </p>
          <p class="small muted">
            {t(report.lambdaMaxLr > 2 ? 'classify.critical.sharpness.unstable' : 'classify.critical.sharpness.stable', {
              value: `λ_max·η_t = ${formatNumber(report.lambdaMaxLr, 3)}`,
            })}{' '}
            {t('classify.critical.tau', { tau: formatNumber(report.tolerance, 2) })}
          </p>
          {report.l1Ignored && <p class="small critical-note">{t('classify.critical.l1')}</p>}
          <div class="escape-box" data-testid="escape-box">
            <h3>{t('classify.critical.escape.title')}</h3>
            <label class="field escape-step">
              <span class="field-label">{t('classify.critical.escape.step')}</span>
              <input
                type="text"
                inputMode="decimal"
                value={stepText}
                data-testid="escape-step"
                aria-invalid={stepError}
                onInput={(e) => setStepText((e.currentTarget as HTMLInputElement).value)}
                onBlur={commitStep}
                onKeyDown={(e) => e.key === 'Enter' && commitStep()}
              />
            </label>
            {stepError && (
              <p class="field-error" data-testid="escape-step-error">
                {t('classify.critical.escape.stepError', { value: stepText.trim() })}
              </p>
            )}
            {stepError ? null : report.escape ? (
              <>
                <p class="small mono-numbers" data-testid="escape-values">
                  {t('classify.critical.escape.values', {
                    before: formatNumber(report.escape.before, 6),
                    plus: formatNumber(report.escape.plus, 6),
                    minus: formatNumber(report.escape.minus, 6),
                  })}
                </p>
                <div class="escape-buttons">
                  {([1, -1] as const).map((sign) => (
                    <button
                      type="button"
                      key={sign}
                      data-testid={sign > 0 ? 'escape-plus' : 'escape-minus'}
                      class={
                        (sign > 0 ? report.escape!.plus : report.escape!.minus) <
                        (sign > 0 ? report.escape!.minus : report.escape!.plus)
                          ? 'primary'
                          : ''
                      }
                      title={t('classify.critical.escape.plus.title')}
                      onClick={() => runner.escape(sign)}
                    >
                      {t(sign > 0 ? 'classify.critical.escape.plus' : 'classify.critical.escape.minus')}
                    </button>
                  ))}
                </div>
              </>
            ) : (
              <p class="small muted" data-testid="escape-none">
                {t('classify.critical.escape.none')}
              </p>
            )}
          </div>
          <div class="critical-search">
            <button
              type="button"
              data-testid="critical-search"
              title={t('classify.critical.search.title')}
              disabled={searching}
              onClick={() => void goToCriticalPoint()}
            >
              {t(searching ? 'classify.critical.search.busy' : 'classify.critical.search')}
            </button>
            {search && !searching && (
              <span class="small muted" data-testid="critical-search-result">
                {t(search.converged ? 'classify.critical.search.converged' : 'classify.critical.search.stalled', {
                  norm: formatNumber(search.gradientNorm, 2),
                  first: search.gradientNormSteps,
                  second: search.newtonSteps,
                })}
              </span>
            )}
          </div>
        </>
      )}
    </section>
  );
}
