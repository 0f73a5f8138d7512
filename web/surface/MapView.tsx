// The map: the surface's colour map and contour lines (computed in the core into an RGBA
// buffer and blitted in one call), axes, known minima, the critical points of the view, every
// racer's path, point and arrows, and the Hessian analysis of a clicked point. It is drawn in
// layers (mapLayers.ts: the still layer and the trails; mapLiveLayer.ts: what moves every frame);
// what the pointer does is useMapGestures.ts. This view schedules the drawing and shows the
// readout and the legend.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { formatNumber } from '../components/format';
import { racerColor } from '../components/racerColors';
import { later } from '../components/tasks';
import type { Core, PointAnalysis, RacerFrame } from '../core';
import { useT } from '../i18n';
import type { LinkStore } from '../store';
import { MapFrame, type ViewBox } from './mapGeometry';
import {
  drawStillLayer,
  KIND_COLORS,
  MAP_PIXELS,
  type MapImage,
  mapImageOf,
  PREVIEW_PIXELS,
  renderMapData,
  renderMapImage,
  TrailLayer,
} from './mapLayers';
import { drawLiveLayer } from './mapLiveLayer';
import type { SurfaceRunner } from './runner';
import { useMapGestures } from './useMapGestures';

interface Props {
  core: Core;
  store: LinkStore;
  runner: SurfaceRunner;
  analysis: PointAnalysis | null;
  // A click at (x, y); radius: a few pixels in surface units along x and y (a critical point
  // that near is what the click means).
  onAnalyze: (x: number, y: number, radius: [number, number]) => void;
  canvasRef: { current: HTMLCanvasElement | null };
  // Set by the map: draws it at once and completely (every path to its end), for the recorder.
  drawNowRef: { current: (() => void) | null };
}

// While the view moves (a pan or the wheel), maps are drawn coarse; the full map follows this
// long after the last move.
const SETTLE_MS = 180;
const TRAIL_INK_PER_FRAME = 200_000; // pixels of path length drawn per frame at most
// The very first map, in wasm code that has not run before (so is not yet compiled for speed).
const FIRST_PIXELS = 100;

export function MapView({ core, store, runner, analysis, onAnalyze, canvasRef, drawNowRef }: Props) {
  const t = useT();
  const analysisRef = useRef(analysis);
  analysisRef.current = analysis;
  const [legend, setLegend] = useState<{ min: number; max: number; logScale: boolean; undefined: boolean } | null>(
    null,
  );
  const [hover, setHover] = useState<{ x: number; y: number; value: number } | null>(null);
  const redrawRef = useRef<() => void>(() => {});
  // The frame the map was last drawn with, and the drawing's "the view is moving" signal.
  const frameRef = useRef<MapFrame | null>(null);
  const viewMovedRef = useRef<() => void>(() => {});
  useMapGestures(canvasRef as { current: HTMLCanvasElement }, {
    store,
    runner,
    frame: useCallback(() => frameRef.current, []),
    onViewMoved: useCallback(() => viewMovedRef.current(), []),
    onAnalyze,
    onHover: setHover,
  });

  useEffect(() => {
    const canvas = canvasRef.current!;
    // The maps of the surface over the current view: the coarse one (drawn at once, and while the
    // view moves) and the full one with the view's critical points, which are prepared in tasks
    // of their own (components/tasks.ts) once the view rests: a surface's first full map, in wasm
    // code the browser has not optimised yet, took 60 ms, and the critical points as much again.
    let coarse: { key: string; map: MapImage } | null = null;
    let full: { key: string; map: MapImage } | null = null;
    let critical: { key: string; points: PointAnalysis[] } | null = null;
    let preparing = '';
    let cancelPreparing = () => {};
    let stillKey = '';
    let still: HTMLCanvasElement | null = null;
    const trails = new TrailLayer();
    let scheduled = 0;
    let moving = false;
    let settleTimer = 0;
    viewMovedRef.current = () => {
      moving = true;
      window.clearTimeout(settleTimer);
      settleTimer = window.setTimeout(() => {
        moving = false;
        request();
      }, SETTLE_MS);
    };
    // The canvas's CSS size, from the ResizeObserver (reading clientWidth would force a layout:
    // at start-up, of the whole page).
    let width = 0;
    let height = 0;

    const surfaceKey = () => {
      const surface = store.state.surface!;
      return `${surface.name}|${surface.expression}|${surface.view.join(',')}`;
    };
    // The full map and (when shown) the critical points of `key`, each in a later task.
    const prepare = (key: string, view: ViewBox) => {
      const wantCritical = store.state.show.crit;
      const job = `${key}|${wantCritical}`;
      if (preparing === job) return;
      cancelPreparing();
      preparing = job;
      const steps: (() => void)[] = [];
      if (full?.key !== key) {
        // The core's map in one task, its image (colours and contour lines) in the next.
        let data: ReturnType<typeof renderMapData> | null = null;
        steps.push(() => {
          data = renderMapData(runner.session, view, MAP_PIXELS);
        });
        steps.push(() => {
          if (!data) return;
          const map = mapImageOf(data, MAP_PIXELS);
          full = { key, map };
          setLegend({ min: map.min, max: map.max, logScale: map.logScale, undefined: map.undefinedPixels > 0 });
        });
      }
      if (wantCritical && critical?.key !== key)
        steps.push(() => {
          performance.mark('critical-points-start');
          const points = runner.session.criticalPoints(view[0], view[1], view[2], view[3]);
          critical = { key, points: JSON.parse(points) as PointAnalysis[] };
          performance.clearMeasures('critical-points');
          performance.measure('critical-points', 'critical-points-start');
          performance.clearMarks('critical-points-start');
        });
      const next = () => {
        const step = steps.shift();
        if (!step) return;
        cancelPreparing = later(() => {
          if (surfaceKey() !== key) return;
          step();
          request();
          next();
        });
      };
      next();
    };

    // Start-up: until the map has a picture, its first coarse map and its still layer are made
    // in tasks of their own (each was half of a 30 ms first frame); the frame then only blits.
    let firstPicture: (() => void) | null = null;
    const draw = (complete = false, upTo: 'map' | 'still' | 'all' = 'all') => {
      if (upTo === 'all') scheduled = 0;
      const state = store.state;
      const surface = state.surface;
      if (!surface || store.mode !== 'surface') return;
      const view = surface.view as ViewBox;
      if (width === 0 || height === 0) return;
      const ratio = window.devicePixelRatio || 1;
      if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
        canvas.width = Math.round(width * ratio);
        canvas.height = Math.round(height * ratio);
      }
      const frame = new MapFrame(view, width, height);
      frameRef.current = frame;
      // The plot area in CSS pixels, for tests and tools that point at surface coordinates.
      const plot = `${frame.left},${frame.top},${frame.width},${frame.height}`;
      if (canvas.dataset.plot !== plot) canvas.dataset.plot = plot;

      const key = surfaceKey();
      if (!still && upTo === 'all') {
        firstPicture ??= later(() => {
          draw(false, 'map');
          firstPicture = later(() => {
            draw(false, 'still');
            firstPicture = null;
            request();
          });
        });
        return;
      }
      if (!moving && (full?.key !== key || (state.show.crit && critical?.key !== key))) prepare(key, view);
      // Until the full map is ready: the coarse one (very coarse for the first of a surface).
      let map: MapImage;
      let mapKey: string;
      if (!moving && full?.key === key) {
        map = full.map;
        mapKey = `${key}|full`;
      } else {
        if (coarse?.key !== key)
          coarse = { key, map: renderMapImage(runner.session, view, coarse ? PREVIEW_PIXELS : FIRST_PIXELS) };
        map = coarse.map;
        mapKey = `${key}|coarse`;
      }
      if (upTo === 'map') return;
      const criticalPoints = state.show.crit && !moving && critical?.key === key ? critical.points : null;
      const info = core.surface(surface.name);
      const nextStillKey = `${mapKey}|${width}x${height}@${ratio}|${criticalPoints !== null}`;
      if (nextStillKey !== stillKey || !still) {
        stillKey = nextStillKey;
        still = drawStillLayer({
          map,
          frame,
          ratio,
          axes: info?.axes ?? ['x', 'y'],
          minima: info?.minima ?? [],
          criticalPoints,
        });
      }
      if (upTo === 'still') return;
      // The paths depend on the view and the canvas, not on how sharp the map under them is.
      const trailsKey = `${view.join(',')}|${width}x${height}@${ratio}|${runner.generation}`;
      if (trailsKey !== trails.currentKey) trails.reset(trailsKey, frame, ratio);

      const g = canvas.getContext('2d')!;
      g.setTransform(1, 0, 0, 1, 0, 0);
      g.drawImage(still, 0, 0);
      g.setTransform(ratio, 0, 0, ratio, 0, 0);
      g.save();
      g.beginPath();
      g.rect(frame.left, frame.top, frame.width, frame.height);
      g.clip();

      const count = runner.session.racerCount();
      const racers: RacerFrame[] = [];
      for (let i = 0; i < count; ++i) racers.push(runner.session.racer(i));
      // About 8 ms of drawing per frame in software rendering; long runs catch up over frames.
      const budget = { ink: complete ? Number.POSITIVE_INFINITY : TRAIL_INK_PER_FRAME };
      trails.behind = false;
      const drawTrails = (f: MapFrame) => {
        const ends: ([number, number] | null)[] = [];
        for (let i = 0; i < count; ++i) {
          ends.push(trails.update(runner.session, i, racers[i].stride, f, ratio, racerColor(i), budget));
          if (ends[i] === null) break; // every trail was cleared: start over, in racer order
        }
        return ends;
      };
      let ends = drawTrails(frame);
      if (ends.includes(null)) ends = drawTrails(frame);
      if (trails.behind && !runner.playing) request();
      g.setTransform(1, 0, 0, 1, 0, 0);
      g.drawImage(trails.outline, 0, 0);
      g.drawImage(trails.colour, 0, 0);
      g.setTransform(ratio, 0, 0, ratio, 0, 0);
      drawLiveLayer(g, frame, {
        racers,
        trailEnds: ends,
        start: surface.start,
        gradientArrows: state.show.grad,
        momentumArrows: state.show.m,
        analysis: analysisRef.current,
        focused: document.activeElement === canvas,
      });
      g.restore();
    };

    // Several events in one frame (a store change and a runner frame) draw once.
    const request = () => {
      if (!scheduled) scheduled = requestAnimationFrame(() => draw());
    };
    drawNowRef.current = () => {
      cancelAnimationFrame(scheduled);
      draw(true);
    };
    // While playing, the runner's own animation frame draws at once (no extra frame of lag).
    const unsubscribeRunner = runner.onFrame(() => (runner.playing ? draw() : request()));
    const unsubscribeStore = store.subscribe(request);
    redrawRef.current = request;
    const observer = new ResizeObserver(([entry]) => {
      width = entry.contentRect.width;
      height = entry.contentRect.height;
      request();
    });
    observer.observe(canvas);
    // The centre cross shows while the map has the focus.
    canvas.addEventListener('focus', request);
    canvas.addEventListener('blur', request);

    return () => {
      drawNowRef.current = null;
      unsubscribeRunner();
      unsubscribeStore();
      observer.disconnect();
      cancelAnimationFrame(scheduled);
      window.clearTimeout(settleTimer);
      cancelPreparing();
      firstPicture?.();
      canvas.removeEventListener('focus', request);
      canvas.removeEventListener('blur', request);
    };
  }, [core, store, runner, canvasRef, drawNowRef]);

  // A new analysis is drawn at once.
  useEffect(() => redrawRef.current(), [analysis]);

  const surface = store.state.surface;
  const axes = core.surface(surface?.name ?? '')?.axes ?? ['x', 'y'];
  return (
    <div class="map-view">
      {/* Focusable: its keys pan, zoom and analyse (useMapGestures). */}
      <canvas ref={canvasRef} class="map" tabIndex={0} data-testid="surface-map" aria-label={t('map.aria')} />
      <div class="map-readout" data-testid="map-readout">
        {hover
          ? `${axes[0]} = ${formatNumber(hover.x, 5)}, ${axes[1]} = ${formatNumber(hover.y, 5)}, f = ${
              Number.isFinite(hover.value) ? formatNumber(hover.value, 5) : t('map.readout.undefined')
            }`
          : t('map.hint')}
      </div>
      <div class="map-legend">
        {legend && Number.isFinite(legend.min) && (
          <span>
            {t(legend.logScale ? 'map.range.log' : 'map.range.linear', {
              min: formatNumber(legend.min),
              max: formatNumber(legend.max),
            })}
          </span>
        )}
        {/* Only what the map shows: a star where the surface has known minima, stripes where f has
            no value in the view. */}
        {(core.surface(surface?.name ?? '')?.minima.length ?? 0) > 0 && (
          <span class="legend-item">
            <span class="legend-star">★</span> {t('map.legend.minimum')}
          </span>
        )}
        <span class="legend-item">
          <span class="legend-start">◎</span> {t('map.legend.start')}
        </span>
        {legend?.undefined && (
          <span class="legend-item">
            <span class="legend-stripes" /> {t('map.legend.undefined')}
          </span>
        )}
        {store.state.show.crit && (
          <span class="legend-item">
            <span style={{ color: KIND_COLORS.minimum }}>●</span> {t('kind.minimum')}{' '}
            <span style={{ color: KIND_COLORS.maximum }}>▲</span> {t('kind.maximum')}{' '}
            <span style={{ color: KIND_COLORS.saddle }}>✕</span> {t('kind.saddle')}{' '}
            <span style={{ color: KIND_COLORS.degenerate }}>◆</span> {t('kind.degenerate')}
          </span>
        )}
      </div>
    </div>
  );
}
