// The Landscape panel (docs/reference.md, "Loss landscape"): the selected racer's loss
// J(θ* + α·d₁ + β·d₂) on the link's plane, drawn with the surface page's map (its colours, log
// scale and contour lines: surface/mapLayers.ts), every racer's path projected on the plane and
// growing as they train, a marker at θ*, hover readouts, and the line plane as a small chart.
// The worker computes it (coarse, then full) on request, when training pauses, and at most once
// a second while playing; this view only draws.
import { useEffect, useRef, useState } from 'preact/hooks';
import { usePageView } from '../classroom/view';
import { formatNumber } from '../components/format';
import { racerColor } from '../components/racerColors';
import { type Translate, useLang, useT } from '../i18n';
import type { LinkStore } from '../store';
import { MapFrame } from '../surface/mapGeometry';
import { drawAxes, drawStillLayer, type MapImage, mapImageOf, strokePolyline } from '../surface/mapLayers';
import { useNews } from './hooks';
import { LANDSCAPE_PLANES, type LandscapeMessage, type LandscapePlane, type LandscapeView } from './protocol';
import { racerName } from './racerNames';
import type { ClassifyRunner } from './runner';

const CANVAS = { width: 440, height: 400 };
const LINE_CANVAS = { width: 440, height: 240 };
const SPANS = [0.1, 0.25, 0.5, 1, 2, 5];

interface Hover {
  text: string;
}

export function LandscapePanel({ store, runner }: { store: LinkStore; runner: ClassifyRunner }) {
  const t = useT();
  const lang = useLang();
  useNews(runner, ['setup', 'landscape']);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // Presentation mode shows the picture without the fields that edit it.
  const editable = !usePageView().present;
  const [hover, setHover] = useState<Hover | null>(null);
  const settings = store.state.classify!;
  const view: LandscapeView = {
    plane: settings.landscape,
    span: settings.span,
    test: settings.landscape_set === 'test',
  };
  const viewKey = `${view.plane}|${view.span}|${view.test}`;
  const generation = runner.setup?.generation ?? 0;

  // The worker computes what the panel shows, from its first setup on; nothing once it is gone.
  useEffect(() => {
    if (generation > 0) runner.showLandscape(view, true);
  }, [runner, viewKey, generation > 0]);
  useEffect(() => () => runner.showLandscape(null), [runner]);

  const landscape = runner.landscape;
  const isLine = view.plane === 'line';

  // Drawing: the still layer (map, contours, axes) once per landscape, then the paths and the
  // θ* marker on top, again whenever a frame grows the paths.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const size = isLine ? LINE_CANVAS : CANVAS;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(size.width * ratio);
    canvas.height = Math.round(size.height * ratio);
    let still: HTMLCanvasElement | null = null;
    let stillOf: LandscapeMessage | null = null;
    let frameRequest = 0;
    const draw = () => {
      frameRequest = 0;
      const g = canvas.getContext('2d')!;
      g.setTransform(1, 0, 0, 1, 0, 0);
      g.clearRect(0, 0, canvas.width, canvas.height);
      const current = runner.landscape;
      if (!current || (current.view.plane === 'line') !== isLine) return;
      if (current.map) {
        const frame = new MapFrame(
          [-current.view.span, current.view.span, -current.view.span, current.view.span],
          size.width,
          size.height,
        );
        if (stillOf !== current) {
          const image: MapImage = mapImageOf(current.map, current.pixels);
          still = drawStillLayer({ map: image, frame, ratio, axes: ['α', 'β'], minima: [], criticalPoints: null });
          stillOf = current;
        }
        g.drawImage(still!, 0, 0);
        g.setTransform(ratio, 0, 0, ratio, 0, 0);
        drawPaths(g, frame, runner.landscapePaths, runner.selected);
        drawCentre(g, frame.px(0), frame.py(0));
      } else if (current.line) {
        g.setTransform(ratio, 0, 0, ratio, 0, 0);
        drawLine(g, size, current, runner.landscapePaths[runner.selected] ?? [], t('classify.landscape.start'));
      }
    };
    const request = () => {
      if (!frameRequest) frameRequest = requestAnimationFrame(draw);
    };
    request();
    const off = runner.subscribe((news) => {
      if (news === 'landscape' || news === 'frame' || news === 'setup') request();
    });
    return () => {
      off();
      cancelAnimationFrame(frameRequest);
    };
  }, [runner, isLine]);

  // A mouse reads J where it hovers; a finger where it taps or drags, and the reading stays after
  // it lifts (a touch's pointerleave comes right after its pointerup).
  const onMove = (event: PointerEvent) => {
    const canvas = canvasRef.current;
    const current = runner.landscape;
    if (!canvas || !current) return;
    const box = canvas.getBoundingClientRect();
    const size = current.line ? LINE_CANVAS : CANVAS;
    const px = ((event.clientX - box.left) / box.width) * size.width;
    const py = ((event.clientY - box.top) / box.height) * size.height;
    setHover(readout(current, px, py, t));
  };

  const error = landscape?.error ?? '';
  const errorText = error.includes('pca plane needs')
    ? t('classify.landscape.pcaEarly')
    : error.includes('line plane needs')
      ? t('classify.landscape.lineEarly')
      : error.includes('limited to') || error.includes('1000')
        ? t('classify.landscape.tooLarge')
        : t('classify.landscape.failed', { message: error });
  const shown = landscape && landscape.view.plane === view.plane ? landscape : null;
  return (
    <section class="panel landscape-panel" data-testid="landscape-panel">
      <div class="panel-head">
        <h2>{t('classify.landscape.title')}</h2>
        <button
          type="button"
          class="icon"
          data-testid="landscape-refresh"
          title={t('classify.landscape.refresh')}
          aria-label={t('classify.landscape.refresh')}
          onClick={() => runner.showLandscape(view, true)}
        >
          ↻
        </button>
      </div>
      {editable && (
        <div class="landscape-controls">
          <label class="field">
            <span class="field-label">{t('classify.landscape.plane')}</span>
            <select
              data-testid="landscape-plane"
              value={view.plane}
              onChange={(e) => store.setValue('landscape', (e.currentTarget as HTMLSelectElement).value)}
            >
              {LANDSCAPE_PLANES.map((plane: LandscapePlane) => (
                <option key={plane} value={plane}>
                  {t(`classify.landscape.plane.${plane}`)}
                </option>
              ))}
            </select>
          </label>
          {!isLine && (
            <label class="field">
              <span class="field-label">{t('classify.landscape.span')}</span>
              <select
                data-testid="landscape-span"
                value={String(view.span)}
                onChange={(e) => store.setValue('span', (e.currentTarget as HTMLSelectElement).value)}
              >
                {(SPANS.includes(view.span) ? SPANS : [...SPANS, view.span].sort((a, b) => a - b)).map((span) => (
                  <option key={span} value={String(span)}>
                    {formatNumber(span)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <div class="field landscape-set" role="group" aria-label={t('classify.landscape.set')}>
            <span class="field-label">{t('classify.landscape.set')}</span>
            <div class="segmented">
              {(['train', 'test'] as const).map((set) => (
                <button
                  type="button"
                  key={set}
                  data-testid={`landscape-set-${set}`}
                  aria-pressed={(set === 'test') === view.test}
                  onClick={() => store.setValue('landscape_set', set)}
                >
                  {t(`classify.landscape.set.${set}`)}
                </button>
              ))}
            </div>
          </div>
        </div>
      )}
      <p class="small muted landscape-explain">{t(`classify.landscape.explain.${view.plane}`)}</p>
      {runner.setup && shown && (
        <p class="small muted landscape-where" data-testid="landscape-where" data-full={String(shown.full)}>
          {t('classify.landscape.where', {
            racer: racerName(lang, store, runner.setup, shown.racer),
            epoch: shown.epoch,
          })}
          {!shown.full && !isLine && !error && <em> · {t('classify.landscape.coarse')}</em>}
        </p>
      )}
      {!shown && <p class="small muted">{t('classify.landscape.waiting')}</p>}
      {shown && error && (
        <p class="field-error" role="alert" data-testid="landscape-error">
          {errorText}
        </p>
      )}
      <canvas
        ref={canvasRef}
        class={`landscape-canvas${isLine ? ' line' : ''}`}
        data-testid="landscape-map"
        data-plane={shown?.view.plane ?? ''}
        data-epoch={shown?.epoch ?? -1}
        role="img"
        aria-label={t(isLine ? 'classify.landscape.lineChart' : 'classify.landscape.chart')}
        style={{ aspectRatio: `${(isLine ? LINE_CANVAS : CANVAS).width} / ${(isLine ? LINE_CANVAS : CANVAS).height}` }}
        onPointerMove={onMove}
        onPointerDown={onMove}
        onPointerLeave={(event) => event.pointerType === 'mouse' && setHover(null)}
      />
      <p class="small mono-numbers landscape-readout" data-testid="landscape-readout">
        {hover?.text ??
          (shown?.map && !error
            ? `${t('classify.landscape.legend', {
                min: formatNumber(shown.map.min, 4),
                max: formatNumber(shown.map.max, 4),
              })}${shown.map.logScale ? ` (${t('classify.landscape.log')})` : ''}`
            : '\u00a0')}
      </p>
      {!isLine && <p class="small muted">{t('classify.landscape.centre')}</p>}
    </section>
  );
}

// The value under the pointer: the map's pixel there (J at its centre), or the line's point.
function readout(landscape: LandscapeMessage, px: number, py: number, t: Translate): Hover | null {
  if (landscape.map) {
    const span = landscape.view.span;
    const frame = new MapFrame([-span, span, -span, span], CANVAS.width, CANVAS.height);
    if (!frame.contains(px, py)) return null;
    const alpha = frame.x(px);
    const beta = frame.y(py);
    const n = landscape.pixels;
    const i = Math.min(n - 1, Math.max(0, Math.floor(((alpha + span) / (2 * span)) * n)));
    const j = Math.min(n - 1, Math.max(0, Math.floor(((span - beta) / (2 * span)) * n)));
    return {
      text: t('classify.landscape.hover', {
        alpha: formatNumber(alpha, 3),
        beta: formatNumber(beta, 3),
        value: formatNumber(landscape.map.values[j * n + i], 5),
      }),
    };
  }
  if (landscape.line) {
    const frame = lineFrame(landscape.line.values);
    if (!frame.contains(px, py)) return null;
    const tValue = frame.x(px);
    const ts = landscape.line.t;
    const k = Math.min(
      ts.length - 1,
      Math.max(0, Math.round(((tValue - ts[0]) / (ts[ts.length - 1] - ts[0])) * (ts.length - 1))),
    );
    return {
      text: t('classify.landscape.hoverLine', {
        t: formatNumber(ts[k], 3),
        value: formatNumber(landscape.line.values[k], 5),
      }),
    };
  }
  return null;
}

// Every racer's projected path: the selected one last (on top), each with a dark outline.
function drawPaths(g: CanvasRenderingContext2D, frame: MapFrame, paths: number[][], selected: number): void {
  const order = paths.map((_, i) => i).filter((i) => i !== selected);
  if (selected < paths.length) order.push(selected);
  g.save();
  g.beginPath();
  g.rect(frame.left, frame.top, frame.width, frame.height);
  g.clip();
  g.lineJoin = 'round';
  for (const i of order) {
    const path = paths[i];
    g.beginPath();
    strokePolyline(g, frame, toPixels(frame, path));
    g.strokeStyle = 'rgba(0,0,0,0.6)';
    g.lineWidth = 4;
    g.stroke();
    g.strokeStyle = racerColor(i);
    g.lineWidth = 2;
    g.stroke();
    if (path.length >= 2) {
      g.beginPath();
      g.arc(frame.px(path[path.length - 2]), frame.py(path[path.length - 1]), 3.5, 0, 2 * Math.PI);
      g.fillStyle = racerColor(i);
      g.fill();
      g.strokeStyle = '#111';
      g.lineWidth = 1;
      g.stroke();
    }
  }
  g.restore();
}

// (α, β) pairs → canvas pixels, as strokePolyline takes them.
function toPixels(frame: MapFrame, points: number[]): number[] {
  return points.map((v, k) => (k % 2 === 0 ? frame.rawPx(v) : frame.rawPy(v)));
}

// θ*: a white ring with a dark outline and its name.
function drawCentre(g: CanvasRenderingContext2D, x: number, y: number): void {
  g.save();
  g.beginPath();
  g.arc(x, y, 7, 0, 2 * Math.PI);
  g.lineWidth = 4;
  g.strokeStyle = '#111';
  g.stroke();
  g.lineWidth = 2;
  g.strokeStyle = '#fff';
  g.stroke();
  g.font = 'italic 600 13px "Times New Roman", serif';
  g.fillStyle = '#fff';
  g.strokeStyle = '#111';
  g.lineWidth = 3;
  g.strokeText('θ*', x + 9, y - 8);
  g.fillText('θ*', x + 9, y - 8);
  g.restore();
}

function lineFrame(values: Float64Array): MapFrame {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values)
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  if (!(lo < hi)) {
    lo = Number.isFinite(lo) ? lo - 1 : 0;
    hi = Number.isFinite(hi) ? hi + 1 : 1;
  }
  const pad = 0.06 * (hi - lo);
  return new MapFrame([-0.5, 1.5, lo - pad, hi + pad], LINE_CANVAS.width, LINE_CANVAS.height);
}

// The line plane: J(t) with θ₀ (t = 0) and θ* (t = 1) marked, and where the selected racer is.
function drawLine(
  g: CanvasRenderingContext2D,
  size: { width: number; height: number },
  landscape: LandscapeMessage,
  path: number[],
  startLabel: string,
): void {
  const { t: ts, values } = landscape.line!;
  const frame = lineFrame(values);
  g.fillStyle = '#fff';
  g.fillRect(0, 0, size.width, size.height);
  drawAxes(g, frame, ['t', 'J']);
  g.save();
  g.beginPath();
  g.rect(frame.left, frame.top, frame.width, frame.height);
  g.clip();
  for (const [at, label] of [
    [0, startLabel],
    [1, 'θ*'],
  ] as const) {
    g.beginPath();
    g.setLineDash([4, 4]);
    g.moveTo(frame.px(at), frame.top);
    g.lineTo(frame.px(at), frame.top + frame.height);
    g.strokeStyle = '#8a86a0';
    g.lineWidth = 1;
    g.stroke();
    g.setLineDash([]);
    g.fillStyle = '#4a4660';
    g.font = '12px system-ui, sans-serif';
    g.fillText(label, frame.px(at) + 4, frame.top + 14);
  }
  const points: number[] = [];
  for (let k = 0; k < ts.length; ++k) points.push(ts[k], values[k]);
  g.beginPath();
  strokePolyline(g, frame, toPixels(frame, points));
  g.strokeStyle = '#3b2f8f';
  g.lineWidth = 2;
  g.stroke();
  if (path.length >= 2) {
    const tNow = path[path.length - 2];
    const k = Math.round(((tNow - ts[0]) / (ts[ts.length - 1] - ts[0])) * (ts.length - 1));
    if (k >= 0 && k < ts.length) {
      g.beginPath();
      g.arc(frame.px(tNow), frame.py(values[k]), 4, 0, 2 * Math.PI);
      g.fillStyle = '#ffd23f';
      g.fill();
      g.strokeStyle = '#111';
      g.stroke();
    }
  }
  g.restore();
}
