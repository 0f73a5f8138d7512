// The lecture's minimum-ratio experiment (chapter-notes.md §6) as a panel: K runs of the link with
// the selected racer (default 20) over a pool of workers (experiment.ts), a progress bar and
// Cancel, the scatter drawn as the runs arrive, a summary, and the rows as CSV.
import { useEffect, useState } from 'preact/hooks';
import { downloadCsv } from '../components/download';
import { formatNumber } from '../components/format';
import type { Core } from '../core';
import { useLang, useT } from '../i18n';
import type { LinkStore } from '../store';
import { ExperimentScatter, KIND_COLOURS } from './ExperimentScatter';
import { DEFAULT_RUNS, MAX_RUNS, type MinimumRatioExperiment } from './experiment';
import { useNews } from './hooks';
import { racerName } from './racerNames';
import type { ClassifyRunner } from './runner';
import type { MinimumRatioRow } from './session';

// P of a network with these layer sizes (inputs, hidden layers, outputs).
export function parameterCount(sizes: number[]): number {
  let count = 0;
  for (let l = 1; l < sizes.length; ++l) count += sizes[l] * (sizes[l - 1] + 1);
  return count;
}

export function experimentCsv(rows: MinimumRatioRow[]): string {
  const lines = ['run,seed,epochs,objective,gradient_norm,minimum_ratio,kind'];
  for (const r of [...rows].sort((a, b) => a.run - b.run))
    lines.push([r.run, r.seed, r.epochs, r.objective, r.gradientNorm, r.minimumRatio, r.kind].join(','));
  return `${lines.join('\n')}\n`;
}

// Re-renders on the experiment's news, at most once per animation frame.
function useExperiment(experiment: MinimumRatioExperiment): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    let frame = 0;
    const off = experiment.subscribe(() => {
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0;
          setTick((v) => v + 1);
        });
    });
    return () => {
      off();
      cancelAnimationFrame(frame);
    };
  }, [experiment]);
}

interface Props {
  core: Core;
  store: LinkStore;
  runner: ClassifyRunner;
  experiment: MinimumRatioExperiment;
}

export function ExperimentPanel({ core, store, runner, experiment }: Props) {
  const t = useT();
  const lang = useLang();
  useNews(runner, ['setup']);
  useExperiment(experiment);
  const [runsText, setRunsText] = useState(String(DEFAULT_RUNS));
  // An experiment started elsewhere (a lesson's Run, playground.minimumRatio) shows its own K.
  useEffect(() => {
    if (experiment.running) setRunsText(String(experiment.runs));
  }, [experiment, experiment.running, experiment.runs]);
  const runs = Number(runsText.trim());
  const runsOk = /^\d+$/.test(runsText.trim()) && runs >= 1 && runs <= MAX_RUNS;
  const setup = runner.setup;
  const parameters = setup ? parameterCount(setup.layerSizes) : 0;
  const limit = core.catalogue.limits.hessian_parameters;
  const tooLarge = parameters > limit;
  const seed = store.state.seed;
  const { rows, running } = experiment;
  const shownRuns = running || rows.length > 0 ? experiment.runs : runsOk ? runs : DEFAULT_RUNS;

  const start = () => {
    if (!runsOk || tooLarge) return;
    runner.pause();
    experiment.start(store.link, runner.selected, runs).catch(() => {
      // Cancelled or failed: the panel shows which from the experiment's state.
    });
  };
  const open = (row: MinimumRatioRow) => {
    const result = core.setValue(experiment.link, 'seed', String(row.seed));
    if (result.problems.length === 0) store.open(result.link);
  };
  const critical = rows.filter((r) => r.kind !== 'not-critical');
  const largest = rows.length ? Math.max(...rows.map((r) => r.minimumRatio)) : 0;
  const seconds = ((experiment.finishedAt || performance.now()) - experiment.startedAt) / 1000;
  const counts = (Object.keys(KIND_COLOURS) as MinimumRatioRow['kind'][])
    .map((kind) => ({ kind, count: rows.filter((r) => r.kind === kind).length }))
    .filter((k) => k.count > 0);

  return (
    <section class="panel experiment-panel" data-testid="experiment-panel">
      <div class="panel-head">
        <h2>{t('classify.experiment.title')}</h2>
        <button
          type="button"
          data-testid="experiment-csv"
          title={t('classify.experiment.csv.title')}
          disabled={rows.length === 0}
          onClick={() => downloadCsv(experimentCsv(rows), `minimum-ratio-${experiment.link ? 'runs' : 'empty'}`)}
        >
          CSV
        </button>
      </div>
      <p class="small muted">
        {t('classify.experiment.explain', {
          seed,
          last: seed + Math.max(0, shownRuns - 1),
          racer: setup ? racerName(lang, store, setup, runner.selected) : '',
        })}
      </p>
      <div class="experiment-controls">
        <label class="field">
          <span class="field-label">{t('classify.experiment.runs')}</span>
          <input
            type="text"
            inputMode="numeric"
            value={runsText}
            data-testid="experiment-runs"
            aria-invalid={!runsOk}
            disabled={running}
            onInput={(e) => setRunsText((e.currentTarget as HTMLInputElement).value)}
            onKeyDown={(e) => e.key === 'Enter' && start()}
          />
        </label>
        {running ? (
          <button type="button" data-testid="experiment-cancel" onClick={() => experiment.cancel()}>
            {t('classify.experiment.cancel')}
          </button>
        ) : (
          <button
            type="button"
            class="primary"
            data-testid="experiment-start"
            disabled={!runsOk || tooLarge || !setup}
            onClick={start}
          >
            {t('classify.experiment.start')}
          </button>
        )}
        {(running || rows.length > 0) && (
          <>
            <progress max={experiment.runs} value={rows.length} data-testid="experiment-progress" />
            <span class="small muted" data-testid="experiment-count">
              {t('classify.experiment.progress', { done: rows.length, runs: experiment.runs })} ·{' '}
              {t('classify.experiment.time', { seconds: seconds.toFixed(1) })}
            </span>
          </>
        )}
      </div>
      {!runsOk && <p class="field-error">{t('classify.experiment.runsError', { max: MAX_RUNS })}</p>}
      {tooLarge && <p class="small">{t('classify.experiment.tooLarge', { parameters, limit })}</p>}
      {experiment.failure && (
        <p class="field-error" role="alert">
          {t('classify.experiment.failed', { message: experiment.failure })}
        </p>
      )}
      {!running && !experiment.failure && rows.length > 0 && rows.length < experiment.runs && (
        <p class="small muted">{t('classify.experiment.cancelled', { done: rows.length, runs: experiment.runs })}</p>
      )}
      <ExperimentScatter rows={rows} onOpen={open} />
      {rows.length > 0 && (
        <>
          <div class="spectrum-legend" data-testid="experiment-legend">
            {counts.map(({ kind, count }) => (
              <span key={kind}>
                <i
                  class={kind === 'not-critical' ? 'hollow' : ''}
                  style={{ background: KIND_COLOURS[kind], borderColor: KIND_COLOURS[kind] }}
                />
                {t(`kind.${kind}`)}: {count}
              </span>
            ))}
          </div>
          <p class="small" data-testid="experiment-summary">
            {t('classify.experiment.summary', {
              largest: formatNumber(largest, 3),
              saddles: critical.filter((r) => r.kind === 'saddle').length,
              done: rows.length,
            })}
          </p>
        </>
      )}
    </section>
  );
}
