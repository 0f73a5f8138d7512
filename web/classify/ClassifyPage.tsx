// Classify mode: small networks learning to classify (TensorFlow Playground, plus what its
// users ask for), trained in a Web Worker by any of the core's optimizers. The page lays out the
// presets, the controls, data, network and output panels, the racers and the learning curves,
// the selected racer's critical-point analysis, the minimum-ratio experiment and the loss
// landscape; each is its own view. It also serves window.playground in this mode.
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ModeController } from '../automation';
import { RecordDialog } from '../classroom/RecordDialog';
import { usePageView } from '../classroom/view';
import { downloadCsv } from '../components/download';
import { downloadFigurePng, type LegendEntry } from '../components/figure';
import { formatNumber, formatPercent } from '../components/format';
import { Later } from '../components/Later';
import { PresetBar } from '../components/PresetBar';
import { RacersPanel } from '../components/RacersPanel';
import { racerColor } from '../components/racerColors';
import { TorchExport } from '../components/TorchExport';
import type { Core } from '../core';
import { useLang, useT } from '../i18n';
import type { LinkStore, Mode } from '../store';
import { ControlBar } from './ControlBar';
import { CriticalPointPanel } from './CriticalPointPanel';
import { classColour, divergingCss } from './colors';
import { curvesCsv } from './curvesCsv';
import { DataPanel } from './DataPanel';
import { ExperimentPanel } from './ExperimentPanel';
import { MAX_RUNS, MinimumRatioExperiment } from './experiment';
import { useNews } from './hooks';
import { LandscapePanel } from './LandscapePanel';
import { LearningCurves } from './LearningCurves';
import { nameLabel } from './labels';
import { NetworkPanel } from './NetworkPanel';
import { OutputPanel } from './OutputPanel';
import { PRESETS } from './presets';
import { LANDSCAPE_PLANES, type LandscapePlane } from './protocol';
import { RacerTable } from './RacerTable';
import { racerName, statusLabel } from './racerNames';
import { classifyFrames, recordEpochs } from './recordFrames';
import { ClassifyRunner } from './runner';
import './classify.css';

interface Props {
  core: Core;
  store: LinkStore;
  controllers: Map<Mode, ModeController>;
  aside?: ComponentChildren; // shown beside the page (a lesson, in presentation mode)
}

export function ClassifyPage({ core, store, controllers, aside = null }: Props) {
  const t = useT();
  const lang = useLang();
  const runner = useMemo(() => new ClassifyRunner(store), [store]);
  const experiment = useMemo(() => new MinimumRatioExperiment(), []);
  const [drawClass, setDrawClass] = useState(0);
  const mapCanvas = useRef<HTMLCanvasElement | null>(null);
  const tRef = useRef(t);
  tRef.current = t;
  const view = usePageView();
  const [recording, setRecording] = useState(false);

  useEffect(() => {
    controllers.set('classify', {
      run: () => {
        runner.reset();
        runner.play();
      },
      runWithMoves: async (moves) => {
        runner.reset();
        try {
          await runner.step(moves.at);
          if (moves.critical) await runner.criticalPoint();
          if (moves.escape) runner.escape(moves.escape);
        } finally {
          // Play after the end would start the run again.
          if (!runner.frame?.finished) runner.play();
        }
      },
      finished: () => !!runner.frame?.finished && !runner.playing,
      frames: () => classifyFrames(runner, store, tRef.current),
      step: (n: number) => runner.step(n),
      racers: () => {
        const { setup, frame } = runner;
        if (!setup || !frame) return [];
        return frame.racers.map((r, i) => ({
          optimizer: store.state.racers[setup.linkRacers[i]]?.text ?? '',
          loss: setup.losses[i],
          epoch: r.epoch,
          trainLoss: r.trainLoss,
          testLoss: r.testLoss,
          trainAcc: r.trainAcc,
          testAcc: r.testAcc,
          status: r.statusText.en,
          statusZh: r.statusText.zh,
        }));
      },
      hessian: async () => {
        const { report, ms } = await runner.analyse();
        if (report.status === 'failed') throw new Error(report.message);
        if (report.status === 'too-large')
          throw new Error(
            `the network has ${report.parameters} parameters; the exact Hessian is computed for at most ${report.limit}`,
          );
        return {
          epoch: report.epoch,
          objective: report.objective,
          gradientNorm: report.gradientNorm,
          eigenvalues: Array.from(report.eigenvalues),
          minimumRatio: report.minimumRatio,
          negative: report.negative,
          kind: report.kind,
          lambdaMaxLr: report.lambdaMaxLr,
          escape: report.escape && {
            step: report.escape.step,
            before: report.escape.before,
            plus: report.escape.plus,
            minus: report.escape.minus,
          },
          ms,
        };
      },
      slice: async (plane: string) => {
        if (!LANDSCAPE_PLANES.includes(plane as LandscapePlane))
          throw new Error(`slice(plane) needs one of ${LANDSCAPE_PLANES.join(', ')}, not '${plane}'`);
        return { ...(await runner.slice(plane as LandscapePlane)) };
      },
      minimumRatio: async (runs: number) => {
        if (!Number.isInteger(runs) || runs < 1 || runs > MAX_RUNS)
          throw new Error(`minimumRatio(K) needs a whole number K from 1 to ${MAX_RUNS}`);
        runner.pause();
        const rows = await experiment.start(store.link, runner.selected, runs);
        return rows.map((r) => ({ ...r }));
      },
    });
    return () => {
      controllers.delete('classify');
      runner.dispose();
      experiment.dispose();
    };
  }, [runner, experiment, controllers, store]);

  const settings = store.state.classify!;
  const fileName = `optimizer-playground-${settings.data}`;
  // The decision map as a figure: a legend naming the racer in its colour with its numbers, and
  // the classes' colours (or the regression's scale).
  const exportPng = () => {
    const canvas = mapCanvas.current;
    const setup = runner.setup;
    const racer = runner.frame?.racers[runner.selected];
    if (!canvas || !setup || !racer) return;
    const numbers = setup.regression
      ? `${t('classify.output.testLoss')} ${formatNumber(racer.testLoss, 4)}`
      : `${t('classify.output.testAcc')} ${formatPercent(racer.testAcc)}`;
    const scale: LegendEntry[] = setup.regression
      ? [-1, 1].map((value) => ({ colour: divergingCss(value), label: t('classify.figure.value', { value }) }))
      : Array.from({ length: setup.classes }, (_, k) => ({
          colour: classColour(k),
          label: t('classify.figure.class', { k }),
        }));
    downloadFigurePng(
      canvas,
      {
        title: `${t('app.title')} · ${nameLabel(lang, core.dataset(settings.data) ?? { name: settings.data })}`,
        entries: [
          {
            colour: racerColor(runner.selected),
            label: `${racerName(lang, store, setup, runner.selected)} — ${statusLabel(lang, t, racer)}, ${numbers}`,
          },
          ...scale,
        ],
      },
      fileName,
    );
  };
  // With panels hidden (`hide`, presentation mode) the rest share the width.
  const upper = ['data', 'network', 'output'];
  const lower = ['racers', 'curves'];
  // In presentation mode the panels a lesson step talks about come first, under the controls.
  const critical = view.shows('critical') && (
    <>
      <CriticalPointPanel store={store} runner={runner} />
      <ExperimentPanel core={core} store={store} runner={runner} experiment={experiment} />
    </>
  );
  const criticalFirst = view.featured.includes('critical');

  return (
    <div class={`classify-page${aside ? ' with-aside' : ''}`} data-testid="classify-page">
      {aside && <div class="classify-aside">{aside}</div>}
      {view.shows('presets') && (
        <PresetBar
          core={core}
          store={store}
          presets={PRESETS}
          family={(state) => state.classify?.data}
          ownCaption="classify.presets.own"
        />
      )}
      <ControlBar core={core} store={store} runner={runner} />
      <ClassifyProblem runner={runner} />
      {criticalFirst && (
        <Later>
          <div class="classify-critical featured">{critical}</div>
        </Later>
      )}
      <div class={`classify-layout${upper.every(view.shows) ? '' : ' partial'}`}>
        {view.shows('data') && (
          <DataPanel core={core} store={store} runner={runner} drawClass={drawClass} onDrawClass={setDrawClass} />
        )}
        {/* The other panels render in tasks of their own (start-up stays under 50 ms a task). */}
        {view.shows('network') && (
          <Later>
            <NetworkPanel core={core} store={store} runner={runner} />
          </Later>
        )}
        {view.shows('output') && (
          <Later>
            <OutputPanel
              store={store}
              runner={runner}
              drawClass={drawClass}
              mapCanvas={mapCanvas}
              onExportPng={exportPng}
              onRecord={() => setRecording(true)}
            />
          </Later>
        )}
      </div>
      <Later>
        <div class={`classify-lower${lower.every(view.shows) ? '' : ' single'}`}>
          {view.shows('racers') && <ClassifyRacers core={core} store={store} runner={runner} />}
          {view.shows('curves') && (
            <section class="panel curves-panel" data-testid="curves-panel">
              <div class="panel-head">
                <h2>{t('classify.curves.title')}</h2>
                {view.shows('export') && (
                  <div class="output-exports">
                    <button
                      type="button"
                      data-testid="export-csv"
                      title={t('classify.curves.csv.title')}
                      onClick={() => downloadCsv(curvesCsv(runner.histories), fileName)}
                    >
                      CSV
                    </button>
                    <TorchExport core={core} store={store} />
                  </div>
                )}
              </div>
              <RacerTable store={store} runner={runner} />
              <p class="small muted">{t('classify.curves.legend')}</p>
              <LearningCurves store={store} runner={runner} />
            </section>
          )}
        </div>
      </Later>
      {((critical && !criticalFirst) || view.shows('landscape')) && (
        <Later>
          <div class="classify-critical">
            {!criticalFirst && critical}
            {view.shows('landscape') && <LandscapePanel store={store} runner={runner} />}
          </div>
        </Later>
      )}
      {recording && (
        <RecordDialog
          frames={() => classifyFrames(runner, store, t)}
          total={recordEpochs(store)}
          unit="epochs"
          fileName={fileName}
          onClose={() => setRecording(false)}
        />
      )}
    </div>
  );
}

// What the worker could not do with the link (its setup failed), where the page would show it.
// A view of its own: the page itself re-renders only when the link changes.
function ClassifyProblem({ runner }: { runner: ClassifyRunner }) {
  const t = useT();
  useNews(runner, ['problem']);
  return runner.problem ? (
    <p class="field-error classify-problem" role="alert" data-testid="classify-problem">
      {t('classify.problem', { message: runner.problem })}
    </p>
  ) : null;
}

// The racers panel with the setup's racers: which link racer is selected, and η_t previews that
// span the run (epochs × mini-batches per epoch).
function ClassifyRacers({ core, store, runner }: { core: Core; store: LinkStore; runner: ClassifyRunner }) {
  useNews(runner, ['setup']);
  const settings = store.state.classify!;
  const setup = runner.setup;
  const trainCount = setup ? setup.train.length / 3 : 0;
  const updatesPerEpoch = Math.max(1, Math.ceil(trainCount / Math.max(1, settings.batch)));
  return (
    <RacersPanel
      core={core}
      store={store}
      previewSteps={Math.max(1, settings.epochs * updatesPerEpoch)}
      selected={setup?.linkRacers[runner.selected] ?? 0}
      onSelect={(linkRacer) => {
        const index = setup ? setup.linkRacers.indexOf(linkRacer) : linkRacer;
        if (index >= 0 && index !== runner.selected) runner.select(index);
      }}
    />
  );
}
