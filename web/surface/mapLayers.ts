// The drawing of the map, in layers. The still layer (colour map, contour lines, axes, known
// minima, critical points) is drawn once per surface, view and canvas size and then only
// blitted; the racers' paths are Path2D objects that grow by the new points of each frame;
// markers and arrows are drawn fresh every frame.
import type { PointAnalysis, SurfaceSessionHandle } from '../core';
import { clipSegment, formatTick, type MapFrame, niceTicks } from './mapGeometry';

export const MAP_PIXELS = 500; // the colour map's own resolution (the canvas scales it)
export const PREVIEW_PIXELS = 200; // while the view is being dragged or zoomed

export interface MapImage {
  image: HTMLCanvasElement; // MAP_PIXELS² (PREVIEW_PIXELS² while moving), colours and contours
  min: number;
  max: number;
  logScale: boolean;
  undefinedPixels: number;
}

// The colour map of the session's surface over `view`, computed in the core in one call, as an
// image.
export function renderMapImage(
  session: SurfaceSessionHandle,
  view: [number, number, number, number],
  pixels = MAP_PIXELS,
): MapImage {
  return mapImageOf(renderMapData(session, view, pixels), pixels);
}

// The core's colour map and contour lines over `view`, copied out of wasm memory (for
// mapImageOf). The page's full map computes this and draws the image in separate tasks.
export function renderMapData(session: SurfaceSessionHandle, view: [number, number, number, number], pixels: number) {
  const [x0, x1, y0, y1] = view;
  performance.mark('map-render-start');
  const map = session.renderMap(pixels, pixels, x0, x1, y0, y1);
  // Copy out of wasm memory before anything else can call the module.
  const rgba = new Uint8ClampedArray(map.rgba);
  const contours = map.contours.slice();
  // Only the latest measure is kept (scripts/bench-surface-page.mjs reads it), so a long
  // session does not pile up timeline entries.
  const name = pixels === MAP_PIXELS ? 'map-render' : 'map-preview';
  performance.clearMeasures(name);
  performance.measure(name, 'map-render-start');
  performance.clearMarks('map-render-start');
  return { ...map, rgba, contours };
}

// A map the core has rendered (here or in a worker: the classify page's loss landscape) as an
// image: its colours and its contour lines.
export function mapImageOf(
  map: {
    rgba: Uint8ClampedArray<ArrayBuffer>;
    contours: Float32Array;
    min: number;
    max: number;
    logScale: boolean;
    undefinedPixels: number;
  },
  pixels: number,
): MapImage {
  const image = document.createElement('canvas');
  image.width = pixels;
  image.height = pixels;
  const g = image.getContext('2d')!;
  g.putImageData(new ImageData(map.rgba, pixels, pixels), 0, 0);
  g.strokeStyle = 'rgba(255,255,255,0.38)';
  g.lineWidth = 1;
  g.beginPath();
  const contours = map.contours;
  for (let i = 0; i + 3 < contours.length; i += 4) {
    g.moveTo(contours[i], contours[i + 1]);
    g.lineTo(contours[i + 2], contours[i + 3]);
  }
  g.stroke();
  return { image, min: map.min, max: map.max, logScale: map.logScale, undefinedPixels: map.undefinedPixels };
}

export const KIND_COLORS: Record<PointAnalysis['kind'], string> = {
  minimum: '#2ee59d',
  maximum: '#ff5c5c',
  saddle: '#ffd23f',
  degenerate: '#c9c9c9',
  'not-critical': '#ffffff',
};

// A marker whose shape says the kind of a critical point: ● minimum, ▲ maximum, ✕ saddle,
// ◆ degenerate.
export function drawKindMarker(
  g: CanvasRenderingContext2D,
  x: number,
  y: number,
  kind: PointAnalysis['kind'],
  r = 6,
): void {
  g.save();
  g.lineWidth = 2;
  g.strokeStyle = '#111';
  g.fillStyle = KIND_COLORS[kind];
  g.beginPath();
  if (kind === 'minimum') g.arc(x, y, r, 0, 2 * Math.PI);
  else if (kind === 'maximum') {
    g.moveTo(x, y - r * 1.2);
    g.lineTo(x + r * 1.1, y + r * 0.8);
    g.lineTo(x - r * 1.1, y + r * 0.8);
    g.closePath();
  } else if (kind === 'saddle') {
    g.lineWidth = 5;
    g.moveTo(x - r, y - r);
    g.lineTo(x + r, y + r);
    g.moveTo(x + r, y - r);
    g.lineTo(x - r, y + r);
    g.stroke();
    g.lineWidth = 2.5;
    g.strokeStyle = KIND_COLORS.saddle;
    g.stroke();
    g.restore();
    return;
  } else {
    g.moveTo(x, y - r);
    g.lineTo(x + r, y);
    g.lineTo(x, y + r);
    g.lineTo(x - r, y);
    g.closePath();
  }
  g.fill();
  g.stroke();
  g.restore();
}

export interface StillLayerInput {
  map: MapImage;
  frame: MapFrame;
  ratio: number; // device pixels per CSS pixel
  axes: [string, string];
  minima: [number, number][];
  criticalPoints: PointAnalysis[] | null;
}

export function drawStillLayer(input: StillLayerInput): HTMLCanvasElement {
  const { map, frame, ratio } = input;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(frame.canvasWidth * ratio);
  canvas.height = Math.round(frame.canvasHeight * ratio);
  const g = canvas.getContext('2d')!;
  g.setTransform(ratio, 0, 0, ratio, 0, 0);
  // Opaque everywhere, so an exported PNG reads well on any background.
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, frame.canvasWidth, frame.canvasHeight);
  g.imageSmoothingEnabled = true;
  g.drawImage(map.image, frame.left, frame.top, frame.width, frame.height);
  drawAxes(g, frame, input.axes);
  g.save();
  g.beginPath();
  g.rect(frame.left, frame.top, frame.width, frame.height);
  g.clip();
  for (const point of input.criticalPoints ?? []) drawKindMarker(g, frame.px(point.x), frame.py(point.y), point.kind);
  for (const [mx, my] of input.minima) drawKnownMinimum(g, frame.px(mx), frame.py(my), frame.labelScale);
  g.restore();
  return canvas;
}

// A known minimum of the catalogue: a white star with a dark outline.
function drawKnownMinimum(g: CanvasRenderingContext2D, x: number, y: number, scale: number): void {
  g.save();
  g.beginPath();
  for (let k = 0; k < 10; ++k) {
    const r = (k % 2 === 0 ? 8 : 3.5) * scale;
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    g.lineTo(x + r * Math.cos(a), y + r * Math.sin(a));
  }
  g.closePath();
  g.fillStyle = '#fff';
  g.strokeStyle = '#111';
  g.lineWidth = 1.5;
  g.fill();
  g.stroke();
  g.restore();
}

export function drawAxes(g: CanvasRenderingContext2D, frame: MapFrame, axes: [string, string]): void {
  const [x0, x1, y0, y1] = frame.view;
  const m = frame.labelScale;
  g.save();
  g.strokeStyle = '#4a4660';
  g.fillStyle = '#4a4660';
  g.lineWidth = 1;
  g.strokeRect(frame.left - 0.5, frame.top - 0.5, frame.width + 1, frame.height + 1);
  g.font = `${11 * m}px system-ui, sans-serif`;
  g.textAlign = 'center';
  g.textBaseline = 'top';
  const xTicks = niceTicks(x0, x1, Math.max(3, Math.round(frame.width / (80 * m))));
  for (const v of xTicks.values) {
    const px = frame.px(v);
    g.beginPath();
    g.moveTo(px, frame.top + frame.height);
    g.lineTo(px, frame.top + frame.height + 5 * m);
    g.stroke();
    g.fillText(formatTick(v, xTicks.step), px, frame.top + frame.height + 7 * m);
  }
  g.textAlign = 'right';
  g.textBaseline = 'middle';
  const yTicks = niceTicks(y0, y1, Math.max(3, Math.round(frame.height / (60 * m))));
  for (const v of yTicks.values) {
    const py = frame.py(v);
    g.beginPath();
    g.moveTo(frame.left - 5 * m, py);
    g.lineTo(frame.left, py);
    g.stroke();
    g.fillText(formatTick(v, yTicks.step), frame.left - 7 * m, py);
  }
  g.font = `italic 600 ${14 * m}px "Times New Roman", serif`;
  g.textAlign = 'center';
  g.textBaseline = 'bottom';
  g.fillText(axes[0], frame.left + frame.width / 2, frame.canvasHeight - 2 * m);
  g.save();
  g.translate(13 * m, frame.top + frame.height / 2);
  g.rotate(-Math.PI / 2);
  g.textBaseline = 'middle';
  g.fillText(axes[1], 0, 0);
  g.restore();
  g.restore();
}

// An arrow of a fixed length in pixels along the surface vector (vx, vy) (its direction only:
// gradients span many orders of magnitude).
export function drawArrow(
  g: CanvasRenderingContext2D,
  frame: MapFrame,
  x: number,
  y: number,
  vx: number,
  vy: number,
  length: number,
  color: string,
  dashed = false,
): void {
  const dx = vx * frame.scaleX;
  const dy = -vy * frame.scaleY;
  const norm = Math.hypot(dx, dy);
  if (!(norm > 0) || !Number.isFinite(norm)) return;
  const ux = dx / norm;
  const uy = dy / norm;
  const sx = frame.px(x);
  const sy = frame.py(y);
  const ex = sx + ux * length;
  const ey = sy + uy * length;
  g.save();
  g.lineCap = 'round';
  for (const [width, stroke] of [
    [4.5, 'rgba(0,0,0,0.65)'],
    [2, color],
  ] as const) {
    g.strokeStyle = stroke;
    g.fillStyle = stroke;
    g.lineWidth = width;
    g.setLineDash(dashed ? [5, 4] : []);
    g.beginPath();
    g.moveTo(sx, sy);
    g.lineTo(ex - ux * 6, ey - uy * 6);
    g.stroke();
    g.setLineDash([]);
    g.beginPath();
    g.moveTo(ex + ux * (width - 2), ey + uy * (width - 2));
    g.lineTo(ex - ux * 9 - uy * 5, ey - uy * 9 + ux * 5);
    g.lineTo(ex - ux * 9 + uy * 5, ey - uy * 9 - ux * 5);
    g.closePath();
    g.fill();
  }
  g.restore();
}

// Adds the polyline x0, y0, x1, y1, ... to the current path, each segment clipped to the plot.
export function strokePolyline(g: CanvasRenderingContext2D, frame: MapFrame, points: number[]): void {
  let penX = NaN;
  let penY = NaN;
  for (let k = 2; k < points.length; k += 2) {
    const clipped = clipSegment(frame, points[k - 2], points[k - 1], points[k], points[k + 1]);
    if (!clipped) continue;
    const [ax, ay, bx, by] = clipped;
    if (ax !== penX || ay !== penY) g.moveTo(ax, ay);
    g.lineTo(bx, by);
    penX = bx;
    penY = by;
  }
}

// The racers' paths, drawn incrementally onto two canvases that persist between frames (dark
// outlines below, colours above), so a frame costs two blits and the new segments only, however
// long the runs. Each frame appends the points the core recorded since the last one, skipping
// points closer than half a pixel to the previous one; the latest point (which the core may still
// replace) is left to the caller's per-frame "tail".
export class TrailLayer {
  readonly outline = document.createElement('canvas');
  readonly colour = document.createElement('canvas');
  private drawn: { count: number; stride: number; x: number; y: number }[] = [];
  private key = '';
  // Set when a racer's new points did not all fit in a frame's ink budget.
  behind = false;

  // Starts over (new view, size, or a restart of the race).
  reset(key: string, frame: MapFrame, ratio: number): void {
    this.key = key;
    this.drawn = [];
    this.behind = false;
    for (const canvas of [this.outline, this.colour]) {
      canvas.width = Math.round(frame.canvasWidth * ratio);
      canvas.height = Math.round(frame.canvasHeight * ratio);
      const g = canvas.getContext('2d')!;
      g.setTransform(ratio, 0, 0, ratio, 0, 0);
      g.beginPath();
      g.rect(frame.left, frame.top, frame.width, frame.height);
      g.clip();
      g.lineJoin = 'round';
      g.lineCap = 'round';
    }
  }

  get currentKey(): string {
    return this.key;
  }

  // Draws racer i's new points, within the frame's ink budget (the summed length in pixels of
  // the segments drawn this frame, shared by all racers); returns the pixel of its last drawn
  // point (NaN before any), or null if the core thinned or shortened the trajectory and every
  // trail was cleared (draw them all again). A racer left behind by the budget catches up in
  // later frames.
  update(
    session: SurfaceSessionHandle,
    index: number,
    stride: number,
    frame: MapFrame,
    ratio: number,
    colour: string,
    budget: { ink: number },
  ): [number, number] | null {
    const state = this.drawn[index];
    const xs = session.column(index, 'x');
    const n = xs.length;
    if (state && (stride !== state.stride || n - 1 < state.count)) {
      this.reset(this.key, frame, ratio);
      return null;
    }
    this.drawn[index] ??= { count: 0, stride, x: NaN, y: NaN };
    const s = this.drawn[index];
    if (n - 1 <= s.count) return [s.x, s.y];
    // x and y are views of wasm memory, valid until the next call into the module.
    const from = s.count;
    const pxs = new Float64Array(n - 1 - from);
    for (let k = from; k < n - 1; ++k) pxs[k - from] = frame.rawPx(xs[k]);
    const ys = session.column(index, 'y');
    const points: number[] = Number.isFinite(s.x) ? [s.x, s.y] : [];
    let k = from;
    for (; k < n - 1 && budget.ink > 0; ++k) {
      const px = pxs[k - from];
      const py = frame.rawPy(ys[k]);
      if (points.length && Math.abs(px - s.x) < 0.5 && Math.abs(py - s.y) < 0.5) continue;
      if (points.length) budget.ink -= Math.min(Math.hypot(px - s.x, py - s.y), frame.width + frame.height);
      points.push(px, py);
      s.x = px;
      s.y = py;
    }
    if (k < n - 1) this.behind = true;
    s.count = k;
    if (points.length >= 4) {
      for (const [canvas, width, style] of [
        [this.outline, 4, 'rgba(0,0,0,0.45)'],
        [this.colour, 2, colour],
      ] as const) {
        const g = canvas.getContext('2d')!;
        g.lineWidth = width;
        g.strokeStyle = style;
        g.beginPath();
        strokePolyline(g, frame, points);
        g.stroke();
      }
    }
    return [s.x, s.y];
  }
}
