// The map's live layer, drawn fresh every frame over the still layer and the trails: each
// racer's tail (from its last drawn trail point to where it is now), the start marker, the
// racers with their −∇f and m arrows (or a pointer at the edge for a racer outside the view),
// the analysed point with its eigenvectors, and, while the map has the keyboard focus, a cross at
// the centre (what Enter analyses).
import { racerColor } from '../components/racerColors';
import type { PointAnalysis, RacerFrame } from '../core';
import type { MapFrame } from './mapGeometry';
import { drawArrow, KIND_COLORS, strokePolyline } from './mapLayers';

const ARROW_PIXELS = 46;

export interface LiveLayerInput {
  racers: RacerFrame[];
  // Per racer, the pixel of its last drawn trail point (NaN before any, null if none).
  trailEnds: ([number, number] | null)[];
  start: [number, number];
  gradientArrows: boolean;
  momentumArrows: boolean;
  analysis: PointAnalysis | null;
  focused: boolean;
}

// Draws into `g` (CSS pixels, already clipped to the plot area).
export function drawLiveLayer(g: CanvasRenderingContext2D, frame: MapFrame, input: LiveLayerInput): void {
  const { racers } = input;
  const m = frame.labelScale; // markers grow with the map on a projector
  g.lineJoin = 'round';
  g.lineCap = 'round';
  racers.forEach((racer, i) => {
    const [ex, ey] = input.trailEnds[i] ?? [NaN, NaN];
    if (!Number.isFinite(ex)) return;
    for (const [lineWidth, color] of [
      [4, 'rgba(0,0,0,0.45)'],
      [2, racerColor(i)],
    ] as const) {
      g.lineWidth = lineWidth * m;
      g.strokeStyle = color;
      g.beginPath();
      strokePolyline(g, frame, [ex, ey, frame.rawPx(racer.x), frame.rawPy(racer.y)]);
      g.stroke();
    }
  });
  drawStartMarker(g, frame.px(input.start[0]), frame.py(input.start[1]), m);
  racers.forEach((racer, i) => {
    if (input.gradientArrows)
      drawArrow(g, frame, racer.x, racer.y, -racer.gradX, -racer.gradY, ARROW_PIXELS, racerColor(i));
    if (input.momentumArrows && racer.step > 0)
      drawArrow(g, frame, racer.x, racer.y, -racer.mX, -racer.mY, ARROW_PIXELS * 0.8, racerColor(i), true);
    if (!frame.contains(frame.rawPx(racer.x), frame.rawPy(racer.y))) {
      drawOffViewPointer(g, frame, racer.x, racer.y, racerColor(i));
      return;
    }
    g.beginPath();
    g.arc(frame.px(racer.x), frame.py(racer.y), 5.5 * m, 0, 2 * Math.PI);
    g.fillStyle = racerColor(i);
    g.fill();
    g.lineWidth = 2;
    g.strokeStyle = racer.status === 'diverged' ? '#ff0000' : '#111';
    g.stroke();
  });
  if (input.analysis) drawAnalysis(g, frame, input.analysis);
  if (input.focused) drawCentreCross(g, frame);
}

function drawCentreCross(g: CanvasRenderingContext2D, frame: MapFrame): void {
  const x = frame.left + frame.width / 2;
  const y = frame.top + frame.height / 2;
  g.save();
  for (const [width, colour] of [
    [4, 'rgba(0,0,0,0.6)'],
    [1.5, '#ffffff'],
  ] as const) {
    g.lineWidth = width;
    g.strokeStyle = colour;
    g.beginPath();
    g.moveTo(x - 9, y);
    g.lineTo(x + 9, y);
    g.moveTo(x, y - 9);
    g.lineTo(x, y + 9);
    g.stroke();
  }
  g.restore();
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

function drawStartMarker(g: CanvasRenderingContext2D, x: number, y: number, scale: number): void {
  g.save();
  g.lineWidth = 4 * scale;
  g.strokeStyle = 'rgba(0,0,0,0.7)';
  g.beginPath();
  g.arc(x, y, 9 * scale, 0, 2 * Math.PI);
  g.stroke();
  g.lineWidth = 2 * scale;
  g.strokeStyle = '#fff';
  g.stroke();
  g.beginPath();
  g.arc(x, y, 2.5 * scale, 0, 2 * Math.PI);
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
