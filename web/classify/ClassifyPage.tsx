// Classify mode: small networks learning to classify (TensorFlow Playground, plus what its
// users ask for), trained in a Web Worker by any of the core's optimizers. The page lays out the
// controls, data, network and output panels, the racers and the learning curves; each is its
// own view. It also serves window.playground in this mode.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ModeController } from '../automation';
import { RecordDialog } from '../classroom/RecordDialog';
import { usePageView } from '../classroom/view';
import { downloadCanvasPng, downloadCsv } from '../components/download';
import { RacersPanel } from '../components/RacersPanel';
import type { Core } from '../core';
import { useT } from '../i18n';
import type { LinkStore, Mode } from '../store';
import { ControlBar } from './ControlBar';
import { curvesCsv } from './curvesCsv';
import { DataPanel } from './DataPanel';
import { useNews } from './hooks';
import { LearningCurves } from './LearningCurves';
import { NetworkPanel } from './NetworkPanel';
import { OutputPanel } from './OutputPanel';
import { RacerTable } from './RacerTable';
import { classifyFrames, recordEpochs } from './recordFrames';
import { ClassifyRunner } from './runner';
import './classify.css';

interface Props {
  core: Core;
  store: LinkStore;
  controllers: Map<Mode, ModeController>;
}

export function ClassifyPage({ core, store, controllers }: Props) {
  const t = useT();
  const runner = useMemo(() => new ClassifyRunner(store), [store]);
  const [drawClass, setDrawClass] = useState(0);
  const mapCanvas = useRef<HTMLCanvasElement | null>(null);
  const tRef = useRef(t);
  tRef.current = t;
  const view = usePageView();
  const [recording, setRecording] = useState(false);
  useNews(runner, ['setup', 'problem']);

  useEffect(() => {
    controllers.set('classify', {
      run: () => {
        runner.reset();
        runner.play();
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
          status: r.status,
        }));
      },
    });
    return () => {
      controllers.delete('classify');
      runner.dispose();
    };
  }, [runner, controllers, store]);

  const settings = store.state.classify!;
  const setup = runner.setup;
  const selectedLinkRacer = setup?.linkRacers[runner.selected] ?? 0;
  // The η_t previews span the run: epochs × mini-batches per epoch.
  const trainCount = setup ? setup.train.length / 3 : 0;
  const updatesPerEpoch = Math.max(1, Math.ceil(trainCount / Math.max(1, settings.batch)));
  const fileName = `optimizer-playground-${settings.data}`;
  // With panels hidden (`hide`, presentation mode) the rest share the width.
  const upper = ['data', 'network', 'output'];
  const lower = ['racers', 'curves'];

  return (
    <div class="classify-page" data-testid="classify-page">
      <ControlBar core={core} store={store} runner={runner} />
      {runner.problem && (
        <p class="field-error classify-problem" role="alert" data-testid="classify-problem">
          {t('classify.problem', { message: runner.problem })}
        </p>
      )}
      <div class={`classify-layout${upper.every(view.shows) ? '' : ' partial'}`}>
        {view.shows('data') && (
          <DataPanel core={core} store={store} runner={runner} drawClass={drawClass} onDrawClass={setDrawClass} />
        )}
        {view.shows('network') && <NetworkPanel core={core} store={store} runner={runner} />}
        {view.shows('output') && (
          <OutputPanel
            store={store}
            runner={runner}
            drawClass={drawClass}
            mapCanvas={mapCanvas}
            onExportPng={() => mapCanvas.current && downloadCanvasPng(mapCanvas.current, fileName)}
            onRecord={() => setRecording(true)}
          />
        )}
      </div>
      <div class={`classify-lower${lower.every(view.shows) ? '' : ' single'}`}>
        {view.shows('racers') && (
          <RacersPanel
            core={core}
            store={store}
            previewSteps={Math.max(1, settings.epochs * updatesPerEpoch)}
            selected={selectedLinkRacer}
            onSelect={(linkRacer) => {
              const index = setup ? setup.linkRacers.indexOf(linkRacer) : linkRacer;
              if (index >= 0 && index !== runner.selected) runner.select(index);
            }}
          />
        )}
        {view.shows('curves') && (
          <section class="panel curves-panel" data-testid="curves-panel">
            <div class="panel-head">
              <h2>{t('classify.curves.title')}</h2>
              {view.shows('export') && (
                <button
                  type="button"
                  data-testid="export-csv"
                  title={t('classify.curves.csv.title')}
                  onClick={() => downloadCsv(curvesCsv(runner.histories), fileName)}
                >
                  CSV
                </button>
              )}
            </div>
            <RacerTable store={store} runner={runner} />
            <p class="small muted">{t('classify.curves.legend')}</p>
            <LearningCurves store={store} runner={runner} />
          </section>
        )}
      </div>
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
