// The map: the surface's colour map and contour lines (computed in the core into an RGBA
// buffer and blitted in one call), axes, known minima, the critical points of the view,
// every racer's path, point and arrows, and the Hessian analysis of a clicked point.
// Pointer: drag the start marker to move the start (all racers restart there); drag elsewhere
// (or Shift+drag) to pan; the wheel zooms about the cursor; a click analyses that point.
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatNumber } from '../components/format';
import { racerColor } from '../components/racerColors';
import type { Core, PointAnalysis, RacerFrame } from '../core';
import { useT } from '../i18n';
import type { LinkStore } from '../store';
import { MapFrame, roundForLink, type ViewBox } from './mapGeometry';
import {
  drawArrow,
  drawStillLayer,
  KIND_COLORS,
  type MapImage,
  PREVIEW_PIXELS,
  renderMapImage,
  strokePolyline,
  TrailLayer,
} from './mapLayers';
import type { SurfaceRunner } from './runner';

interface Props {
  core: Core;
  store: LinkStore;
  runner: SurfaceRunner;
  analysis: PointAnalysis | null;
  onAnalyze: (x: number, y: number) => void;
  canvasRef: { current: HTMLCanvasElement | null };
  // Set by the map: draws it at once and completely (every path to its end), for the recorder.
  drawNowRef: { current: (() => void) | null };
}

const ARROW_PIXELS = 46;
const START_GRAB_PIXELS = 14;
const CLICK_SLOP_PIXELS = 4;
const ZOOM_STEP = 1.2;
// While the view moves (a pan or the wheel), maps are drawn coarse; the full map follows this
// long after the last move.
const SETTLE_MS = 180;
const TRAIL_INK_PER_FRAME = 200_000; // pixels of path length drawn per frame at most

export function MapView({ core, store, runner, analysis, onAnalyze, canvasRef, drawNowRef }: Props) {
  const t = useT();
  const analysisRef = useRef(analysis);
  analysisRef.current = analysis;
  const [legend, setLegend] = useState<{ min: number; max: number; logScale: boolean } | null>(null);
  const [hover, setHover] = useState<{ x: number; y: number; value: number } | null>(null);
  const redrawRef = useRef<() => void>(() => {});

  useEffect(() => {
    const canvas = canvasRef.current!;
    let mapKey = '';
    let map: MapImage | null = null;
    let criticalKey = '';
    let criticalPoints: PointAnalysis[] | null = null;
    let stillKey = '';
    let still: HTMLCanvasElement | null = null;
    const trails = new TrailLayer();
    let frame: MapFrame | null = null;
    let scheduled = 0;
    let moving = false;
    let settleTimer = 0;
    const viewMoved = () => {
      moving = true;
      window.clearTimeout(settleTimer);
      settleTimer = window.setTimeout(() => {
        moving = false;
        request();
      }, SETTLE_MS);
    };
    // The canvas's CSS size, from the ResizeObserver (reading clientWidth every frame would force
    // a layout whenever a panel's numbers changed).
    let width = canvas.clientWidth;
    let height = canvas.clientHeight;

    const currentFrame = (): MapFrame | null => frame;

    const draw = (complete = false) => {
      scheduled = 0;
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
      frame = new MapFrame(view, width, height);
      // The plot area in CSS pixels, for tests and tools that point at surface coordinates.
      const plot = `${frame.left},${frame.top},${frame.width},${frame.height}`;
      if (canvas.dataset.plot !== plot) canvas.dataset.plot = plot;

      const nextMapKey = `${surface.name}|${surface.expression}|${view.join(',')}|${moving ? 'preview' : 'full'}`;
      if (nextMapKey !== mapKey) {
        mapKey = nextMapKey;
        map = moving ? renderMapImage(runner.session, view, PREVIEW_PIXELS) : renderMapImage(runner.session, view);
        if (!moving) setLegend({ min: map.min, max: map.max, logScale: map.logScale });
      }
      const wantCritical = state.show.crit && !moving;
      if (wantCritical && criticalKey !== mapKey) {
        criticalKey = mapKey;
        performance.mark('critical-points-start');
        criticalPoints = JSON.parse(
          runner.session.criticalPoints(view[0], view[1], view[2], view[3]),
        ) as PointAnalysis[];
        performance.clearMeasures('critical-points');
        performance.measure('critical-points', 'critical-points-start');
        performance.clearMarks('critical-points-start');
      }
      const info = core.surface(surface.name);
      const nextStillKey = `${mapKey}|${width}x${height}@${ratio}|${wantCritical}`;
      if (nextStillKey !== stillKey || !still) {
        stillKey = nextStillKey;
        still = drawStillLayer({
          map: map!,
          frame,
          ratio,
          axes: info?.axes ?? ['x', 'y'],
          minima: info?.minima ?? [],
          criticalPoints: wantCritical ? criticalPoints : null,
        });
      }
      const trailsKey = `${stillKey}|${runner.generation}`;
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
      // Tails: from the last drawn point to where each racer is now.
      g.lineJoin = 'round';
      g.lineCap = 'round';
      for (let i = 0; i < count; ++i) {
        const [ex, ey] = ends[i] ?? [NaN, NaN];
        if (!Number.isFinite(ex)) continue;
        for (const [lineWidth, color] of [
          [4, 'rgba(0,0,0,0.45)'],
          [2, racerColor(i)],
        ] as const) {
          g.lineWidth = lineWidth;
          g.strokeStyle = color;
          g.beginPath();
          strokePolyline(g, frame, [ex, ey, frame.rawPx(racers[i].x), frame.rawPy(racers[i].y)]);
          g.stroke();
        }
      }
      const [sx, sy] = surface.start;
      drawStartMarker(g, frame.px(sx), frame.py(sy));
      for (let i = 0; i < count; ++i) {
        const racer = racers[i];
        if (state.show.grad)
          drawArrow(g, frame, racer.x, racer.y, -racer.gradX, -racer.gradY, ARROW_PIXELS, racerColor(i));
        if (state.show.m && racer.step > 0)
          drawArrow(g, frame, racer.x, racer.y, -racer.mX, -racer.mY, ARROW_PIXELS * 0.8, racerColor(i), true);
        if (!frame.contains(frame.rawPx(racer.x), frame.rawPy(racer.y))) {
          drawOffViewPointer(g, frame, racer.x, racer.y, racerColor(i));
          continue;
        }
        g.beginPath();
        g.arc(frame.px(racer.x), frame.py(racer.y), 5.5, 0, 2 * Math.PI);
        g.fillStyle = racerColor(i);
        g.fill();
        g.lineWidth = 2;
        g.strokeStyle = racer.status === 'diverged' ? '#ff0000' : '#111';
        g.stroke();
      }
      const a = analysisRef.current;
      if (a) drawAnalysis(g, frame, a);
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
    const observer = new ResizeObserver(() => {
      width = canvas.clientWidth;
      height = canvas.clientHeight;
      request();
    });
    observer.observe(canvas);
    draw();

    // ---- pointer -----------------------------------------------------------------------
    type Gesture =
      | { kind: 'start' }
      | { kind: 'pending' | 'pan'; x: number; y: number; view: ViewBox; frame: MapFrame };
    let gesture: Gesture | null = null;
    const local = (event: MouseEvent): [number, number] => {
      const rect = canvas.getBoundingClientRect();
      return [event.clientX - rect.left, event.clientY - rect.top];
    };
    const commitView = (view: ViewBox) => {
      viewMoved();
      const width = view[1] - view[0];
      const height = view[3] - view[2];
      const text = [
        roundForLink(view[0], width),
        roundForLink(view[1], width),
        roundForLink(view[2], height),
        roundForLink(view[3], height),
      ].join(',');
      store.setValue('view', text);
    };
    const commitStart = (x: number, y: number) => {
      const view = store.state.surface!.view;
      const text = `${roundForLink(x, view[1] - view[0])},${roundForLink(y, view[3] - view[2])}`;
      store.setValue('start', text);
    };
    const onPointerDown = (event: PointerEvent) => {
      const f = currentFrame();
      if (!f || event.button > 1) return;
      const [px, py] = local(event);
      const [sx, sy] = store.state.surface!.start;
      canvas.setPointerCapture(event.pointerId);
      if (!event.shiftKey && event.button === 0 && Math.hypot(px - f.px(sx), py - f.py(sy)) <= START_GRAB_PIXELS) {
        gesture = { kind: 'start' };
        canvas.classList.add('dragging-start');
      } else {
        gesture = {
          kind: event.shiftKey || event.button === 1 ? 'pan' : 'pending',
          x: px,
          y: py,
          view: [...f.view] as ViewBox,
          frame: f,
        };
      }
      event.preventDefault();
    };
    const onPointerMove = (event: PointerEvent) => {
      const f = currentFrame();
      const [px, py] = local(event);
      if (f && !gesture) {
        if (f.contains(px, py)) {
          const x = f.x(px);
          const y = f.y(py);
          setHover({ x, y, value: runner.session.value(x, y) });
        } else setHover(null);
        const [sx, sy] = store.state.surface!.start;
        canvas.classList.toggle('over-start', Math.hypot(px - f.px(sx), py - f.py(sy)) <= START_GRAB_PIXELS);
        return;
      }
      if (!f || !gesture) return;
      if (gesture.kind === 'start') {
        commitStart(
          f.x(Math.min(Math.max(px, f.left), f.left + f.width)),
          f.y(Math.min(Math.max(py, f.top), f.top + f.height)),
        );
        return;
      }
      if (gesture.kind === 'pending' && Math.hypot(px - gesture.x, py - gesture.y) > CLICK_SLOP_PIXELS)
        gesture.kind = 'pan';
      if (gesture.kind === 'pan') {
        const dx = (px - gesture.x) / gesture.frame.scaleX;
        const dy = (py - gesture.y) / gesture.frame.scaleY;
        const [x0, x1, y0, y1] = gesture.view;
        commitView([x0 - dx, x1 - dx, y0 + dy, y1 + dy]);
      }
    };
    const onPointerUp = (event: PointerEvent) => {
      const f = currentFrame();
      if (gesture?.kind === 'pending' && f) {
        const [px, py] = local(event);
        if (f.contains(px, py)) onAnalyze(f.x(px), f.y(py));
      }
      gesture = null;
      canvas.classList.remove('dragging-start');
    };
    const onWheel = (event: WheelEvent) => {
      const f = currentFrame();
      if (!f) return;
      const [px, py] = local(event);
      if (!f.contains(px, py)) return;
      event.preventDefault();
      const factor = event.deltaY > 0 ? ZOOM_STEP : 1 / ZOOM_STEP;
      const cx = f.x(px);
      const cy = f.y(py);
      const [x0, x1, y0, y1] = f.view;
      commitView([cx + (x0 - cx) * factor, cx + (x1 - cx) * factor, cy + (y0 - cy) * factor, cy + (y1 - cy) * factor]);
    };
    const onLeave = () => setHover(null);
    canvas.addEventListener('pointerdown', onPointerDown);
    canvas.addEventListener('pointermove', onPointerMove);
    canvas.addEventListener('pointerup', onPointerUp);
    canvas.addEventListener('pointercancel', onPointerUp);
    canvas.addEventListener('pointerleave', onLeave);
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      drawNowRef.current = null;
      unsubscribeRunner();
      unsubscribeStore();
      observer.disconnect();
      cancelAnimationFrame(scheduled);
      window.clearTimeout(settleTimer);
      canvas.removeEventListener('pointerdown', onPointerDown);
      canvas.removeEventListener('pointermove', onPointerMove);
      canvas.removeEventListener('pointerup', onPointerUp);
      canvas.removeEventListener('pointercancel', onPointerUp);
      canvas.removeEventListener('pointerleave', onLeave);
      canvas.removeEventListener('wheel', onWheel);
    };
  }, [core, store, runner, onAnalyze, canvasRef, drawNowRef]);

  // A new analysis is drawn at once.
  useEffect(() => redrawRef.current(), [analysis]);

  const surface = store.state.surface;
  const axes = core.surface(surface?.name ?? '')?.axes ?? ['x', 'y'];
  return (
    <div class="map-view">
      <canvas ref={canvasRef} class="map" data-testid="surface-map" aria-label={t('map.aria')} />
      <div class="map-readout" data-testid="map-readout">
        {hover
          ? `${axes[0]} = ${formatNumber(hover.x, 5)}, ${axes[1]} = ${formatNumber(hover.y, 5)}, f = ${
              Number.isFinite(hover.value) ? formatNumber(hover.value, 5) : t('map.legend.undefined')
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
        <span class="legend-item">
          <span class="legend-star">★</span> {t('map.legend.minimum')}
        </span>
        <span class="legend-item">
          <span class="legend-start">◎</span> {t('map.legend.start')}
        </span>
        <span class="legend-item">
          <span class="legend-stripes" /> {t('map.legend.undefined')}
        </span>
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

// A racer outside the view: a triangle on the edge of the plot, pointing towards it.
function drawOffViewPointer(g: CanvasRenderingContext2D, frame: MapFrame, x: number, y: number, color: string): void {
  const cx = frame.left + frame.width / 2;
  const cy = frame.top + frame.height / 2;
  const dx = frame.rawPx(x) - cx;
  const dy = frame.rawPy(y) - cy;
  const scale = Math.min(
    Math.abs((frame.width / 2 - 8) / dx) || Infinity,
    Math.abs((frame.height / 2 - 8) / dy) || Infinity,
  );
  if (!Number.isFinite(scale)) return;
  const px = cx + dx * scale;
  const py = cy + dy * scale;
  const angle = Math.atan2(dy, dx);
  g.save();
  g.translate(px, py);
  g.rotate(angle);
  g.beginPath();
  g.moveTo(7, 0);
  g.lineTo(-6, -6);
  g.lineTo(-6, 6);
  g.closePath();
  g.fillStyle = color;
  g.strokeStyle = '#111';
  g.lineWidth = 1.5;
  g.fill();
  g.stroke();
  g.restore();
}

function drawStartMarker(g: CanvasRenderingContext2D, x: number, y: number): void {
  g.save();
  g.lineWidth = 4;
  g.strokeStyle = 'rgba(0,0,0,0.7)';
  g.beginPath();
  g.arc(x, y, 9, 0, 2 * Math.PI);
  g.stroke();
  g.lineWidth = 2;
  g.strokeStyle = '#fff';
  g.stroke();
  g.beginPath();
  g.arc(x, y, 2.5, 0, 2 * Math.PI);
  g.fillStyle = '#fff';
  g.fill();
  g.restore();
}

// The analysed point: its kind, and both eigenvectors (solid for λ > 0, dashed for λ < 0,
// the escape direction of a saddle in its colour).
function drawAnalysis(g: CanvasRenderingContext2D, frame: MapFrame, a: PointAnalysis): void {
  const [e1x, e1y, e2x, e2y] = a.eigenvectors;
  const vectors: [number, number, number][] = [
    [e1x, e1y, a.eigenvalues[0]],
    [e2x, e2y, a.eigenvalues[1]],
  ];
  for (const [vx, vy, lambda] of vectors) {
    const color = lambda < 0 ? KIND_COLORS.maximum : KIND_COLORS.minimum;
    drawArrow(g, frame, a.x, a.y, vx, vy, 40, color, lambda < 0);
    drawArrow(g, frame, a.x, a.y, -vx, -vy, 40, color, lambda < 0);
  }
  const px = frame.px(a.x);
  const py = frame.py(a.y);
  g.save();
  g.beginPath();
  g.arc(px, py, 4, 0, 2 * Math.PI);
  g.fillStyle = KIND_COLORS[a.kind];
  g.strokeStyle = '#111';
  g.lineWidth = 2;
  g.fill();
  g.stroke();
  g.restore();
}
