// Surface mode: optimizers racing on a 2-D loss surface. The page lays out the presets, the
// map with its controls and Hessian panel, the surface chooser, the racers, the formula panel
// and the charts; each is its own view. It also serves window.playground in this mode.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ModeController } from '../automation';
import { downloadCanvasPng, downloadCsv } from '../components/download';
import { PresetBar } from '../components/PresetBar';
import { RacersPanel } from '../components/RacersPanel';
import type { Core, PointAnalysis } from '../core';
import { useT } from '../i18n';
import type { LinkStore, Mode } from '../store';
import { Charts } from './Charts';
import { Controls } from './Controls';
import { FormulaPanel } from './FormulaPanel';
import { HessianPanel } from './HessianPanel';
import { useControl } from './hooks';
import { MapView } from './MapView';
import { PRESETS } from './presets';
import { SurfaceRunner } from './runner';
import { SurfaceChooser } from './SurfaceChooser';
import { trajectoriesCsv } from './trajectoryCsv';
import './surface.css';

export function SurfacePage({
  core,
  store,
  controllers,
}: {
  core: Core;
  store: LinkStore;
  controllers: Map<Mode, ModeController>;
}) {
  const t = useT();
  const runner = useMemo(() => new SurfaceRunner(core, store), [core, store]);
  useControl(runner);
  const [selected, setSelected] = useState(0);
  const [analysis, setAnalysis] = useState<PointAnalysis | null>(null);
  const mapCanvas = useRef<HTMLCanvasElement | null>(null);

  useEffect(() => {
    controllers.set('surface', {
      step: async (n: number) => runner.step(n),
      racers: () =>
        runner.racers().map((r, i) => ({
          optimizer: store.state.racers[i]?.text ?? '',
          step: r.step,
          x: r.x,
          y: r.y,
          loss: r.loss,
          status: r.status === 'diverged' ? `diverged at step ${r.divergedAt}` : r.status,
        })),
    });
    return () => {
      controllers.delete('surface');
      runner.dispose();
    };
  }, [runner, controllers, store]);

  // A new surface makes the analysed point meaningless.
  const surface = store.state.surface!;
  const surfaceKey = `${surface.name}|${surface.expression}`;
  useEffect(() => setAnalysis(null), [surfaceKey]);
  if (selected >= store.state.racers.length && store.state.racers.length > 0)
    setSelected(store.state.racers.length - 1);

  const analyze = useCallback(
    (x: number, y: number) => setAnalysis(JSON.parse(runner.session.analyze(x, y)) as PointAnalysis),
    [runner],
  );
  const fileName = `optimizer-playground-${surface.name}`;

  return (
    <div class="surface-page">
      <PresetBar
        core={core}
        store={store}
        presets={PRESETS}
        family={(state) => state.surface?.name}
        ownCaption="presets.own"
      />
      <div class="surface-layout">
        <div class="surface-main">
          <MapView
            core={core}
            store={store}
            runner={runner}
            analysis={analysis}
            onAnalyze={analyze}
            canvasRef={mapCanvas}
          />
          <Controls
            store={store}
            runner={runner}
            onExportPng={() => mapCanvas.current && downloadCanvasPng(mapCanvas.current, fileName)}
            onExportCsv={() => downloadCsv(trajectoriesCsv(runner.session), fileName)}
          />
          {analysis && <HessianPanel core={core} store={store} analysis={analysis} onClose={() => setAnalysis(null)} />}
        </div>
        <div class="surface-side">
          <SurfaceChooser core={core} store={store} />
          <FormulaPanel core={core} store={store} runner={runner} selected={selected} />
          <RacersPanel
            core={core}
            store={store}
            beforeRemove={(index) => runner.removeRacer(index)}
            previewSteps={surface.steps}
            selected={selected}
            onSelect={setSelected}
          />
        </div>
      </div>
      <section class="panel charts-panel">
        <h2>{t('charts.title')}</h2>
        <Charts core={core} store={store} runner={runner} />
      </section>
    </div>
  );
}
