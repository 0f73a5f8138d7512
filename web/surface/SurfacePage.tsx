// Surface mode: optimizers racing on a 2-D loss surface. The page lays out the presets, the
// map with its controls and Hessian panel, the surface chooser, the racers, the formula panel
// and the charts; each is its own view. It also serves window.playground in this mode.
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ModeController } from '../automation';
import { RecordDialog } from '../classroom/RecordDialog';
import { usePageView } from '../classroom/view';
import { downloadCsv } from '../components/download';
import { downloadFigurePng, type Figure } from '../components/figure';
import { formatNumber } from '../components/format';
import { Later } from '../components/Later';
import { PresetBar } from '../components/PresetBar';
import { RacersPanel } from '../components/RacersPanel';
import { racerColor } from '../components/racerColors';
import type { Core, PointAnalysis } from '../core';
import { useLang, useT } from '../i18n';
import { findLesson } from '../lessons/navigation';
import type { LinkStore, Mode } from '../store';
import { Charts } from './Charts';
import { Controls } from './Controls';
import { FormulaPanel } from './FormulaPanel';
import { HessianPanel } from './HessianPanel';
import { useControl } from './hooks';
import { MapView } from './MapView';
import { MapFrame, type ViewBox } from './mapGeometry';
import { PRESETS } from './presets';
import { surfaceFrames } from './recordFrames';
import { SurfaceRunner } from './runner';
import { SurfaceChooser } from './SurfaceChooser';
import { statusText } from './status';
import { trajectoriesCsv } from './trajectoryCsv';
import './surface.css';

export function SurfacePage({
  core,
  store,
  controllers,
  aside = null,
}: {
  core: Core;
  store: LinkStore;
  controllers: Map<Mode, ModeController>;
  aside?: ComponentChildren; // shown first beside the map (a lesson, in presentation mode)
}) {
  const t = useT();
  const lang = useLang();
  const runner = useMemo(() => new SurfaceRunner(core, store), [core, store]);
  useControl(runner);
  const [selected, setSelected] = useState(0);
  const [analysis, setAnalysis] = useState<PointAnalysis | null>(null);
  const mapCanvas = useRef<HTMLCanvasElement | null>(null);
  const drawMapNow = useRef<(() => void) | null>(null);
  const tRef = useRef(t);
  tRef.current = t;
  const view = usePageView();
  const [recording, setRecording] = useState(false);

  useEffect(() => {
    controllers.set('surface', {
      run: () => {
        runner.restart();
        runner.play();
      },
      finished: () => runner.session.finished() && !runner.playing,
      frames: () => {
        if (!mapCanvas.current || !drawMapNow.current) throw new Error('the map is not drawn yet');
        return surfaceFrames(runner, store, mapCanvas.current, drawMapNow.current, tRef.current);
      },
      step: async (n: number) => runner.step(n),
      racers: () =>
        runner.racers().map((r, i) => ({
          optimizer: store.state.racers[i]?.text ?? '',
          step: r.step,
          x: r.x,
          y: r.y,
          loss: r.loss,
          status: r.statusText.en,
          statusZh: r.statusText.zh,
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
    (x: number, y: number, radius: [number, number]) =>
      setAnalysis(JSON.parse(runner.session.analyze(x, y, radius[0], radius[1])) as PointAnalysis),
    [runner],
  );
  // A lesson step may open with the Hessian analysis of a point; any other opened link closes it.
  const { lesson, step } = store.state.page;
  const own = findLesson(lesson)?.steps[Math.max(1, step) - 1]?.analyze;
  const point = own === 'minimum' ? core.surface(surface.name)?.minima[0] : own;
  useEffect(() => {
    if (point) analyze(point[0], point[1], [0, 0]);
    else setAnalysis(null);
  }, [store.opened, point?.[0], point?.[1], analyze]);
  const fileName = `optimizer-playground-${surface.name}`;
  // The map as a figure: each racer's number at its point, and a legend naming every racer in its
  // colour with its status and loss.
  const exportPng = () => {
    const canvas = mapCanvas.current;
    if (!canvas) return;
    const frame = new MapFrame(surface.view as ViewBox, canvas.clientWidth, canvas.clientHeight);
    const racers = runner.racers();
    const figure: Figure = {
      title: `${t('app.title')} · ${surface.name === 'custom' ? `f(x, y) = ${surface.expression}` : surface.name}`,
      entries: racers.map((r, i) => ({
        colour: racerColor(i),
        label: `${i + 1} · ${store.state.racers[i]?.text ?? ''} — ${statusText(r, lang, t).text}, f = ${formatNumber(r.loss, 6)}`,
      })),
      marks: racers
        .map((r, i) => ({ x: frame.px(r.x), y: frame.py(r.y), text: String(i + 1), colour: racerColor(i) }))
        .filter((mark) => frame.contains(mark.x, mark.y)),
    };
    downloadFigurePng(canvas, figure, fileName);
  };

  // On a projector the Hessian analysis goes beside the map, which takes the screen's height.
  const hessian = analysis && view.shows('hessian') && (
    <HessianPanel core={core} store={store} analysis={analysis} onClose={() => setAnalysis(null)} />
  );
  const sideEmpty =
    !aside &&
    !(view.present && (view.shows('charts') || hessian)) &&
    !['surface', 'formula', 'racers'].some(view.shows);
  const charts = view.shows('charts') && (
    <section class="panel charts-panel">
      <h2>{t('charts.title')}</h2>
      <Later>
        <Charts core={core} store={store} runner={runner} />
      </Later>
    </section>
  );
  return (
    <div class="surface-page">
      {view.shows('presets') && !lesson && (
        <PresetBar
          core={core}
          store={store}
          presets={PRESETS}
          family={(state) => state.surface?.name}
          ownCaption="presets.own"
        />
      )}
      {/* Presentation without anything beside the map (hide=charts): the map alone, centred. */}
      <div class={`surface-layout${sideEmpty ? ' alone' : ''}`}>
        <div class="surface-main">
          <MapView
            core={core}
            store={store}
            runner={runner}
            analysis={analysis}
            onAnalyze={analyze}
            canvasRef={mapCanvas}
            drawNowRef={drawMapNow}
          />
          {/* A task after the map: its racers' status comes from the core's first calls. */}
          <Later>
            <Controls
              core={core}
              store={store}
              runner={runner}
              onExportPng={exportPng}
              onExportCsv={() => downloadCsv(trajectoriesCsv(runner.session), fileName)}
              onRecord={() => setRecording(true)}
            />
          </Later>
          {!view.present && hessian}
        </div>
        {/* The panels beside the map and the charts render in tasks of their own. */}
        <div class="surface-side">
          {aside}
          {view.present && hessian}
          <Later>
            {view.shows('surface') && <SurfaceChooser core={core} store={store} />}
            {view.shows('formula') && <FormulaPanel core={core} store={store} runner={runner} selected={selected} />}
          </Later>
          {view.shows('racers') && (
            <Later>
              <RacersPanel
                core={core}
                store={store}
                beforeRemove={(index) => runner.removeRacer(index)}
                previewSteps={surface.steps}
                dataTerms={core.surface(surface.name)?.data_terms ?? 0}
                selected={selected}
                onSelect={setSelected}
              />
            </Later>
          )}
          {view.present && charts}
        </div>
      </div>
      {!view.present && charts}
      {recording && (
        <RecordDialog
          frames={() => controllers.get('surface')!.frames()}
          total={surface.steps}
          unit="updates"
          fileName={fileName}
          onClose={() => setRecording(false)}
        />
      )}
    </div>
  );
}
