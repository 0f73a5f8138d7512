// Where things are on the map canvas: the plot area inside the axes' margins, the transform
// between surface coordinates (x, y) and CSS pixels, axis ticks, and the rounding of numbers
// that a pointer writes into the link (to the precision a pixel can express).

export type ViewBox = [number, number, number, number]; // x0, x1, y0, y1

export const MAP_MARGIN = { left: 58, right: 12, top: 12, bottom: 42 };
// The axes' type and margins are sized for a map up to this wide; a larger map (a projector)
// scales them with its width, up to LABEL_SCALE_MAX, so that they stay readable across a room.
const LABEL_WIDTH = 640;
const LABEL_SCALE_MAX = 1.75;

export class MapFrame {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly labelScale: number; // 1 up to LABEL_WIDTH pixels wide

  constructor(
    readonly view: ViewBox,
    readonly canvasWidth: number,
    readonly canvasHeight: number,
  ) {
    this.labelScale = Math.min(LABEL_SCALE_MAX, Math.max(1, canvasWidth / LABEL_WIDTH));
    const m = this.labelScale;
    this.left = Math.round(MAP_MARGIN.left * m);
    this.top = Math.round(MAP_MARGIN.top * m);
    this.width = Math.max(10, canvasWidth - this.left - Math.round(MAP_MARGIN.right * m));
    this.height = Math.max(10, canvasHeight - this.top - Math.round(MAP_MARGIN.bottom * m));
  }

  // Surface → CSS pixels of the canvas. Far-away points are clamped so that the canvas never
  // sees huge coordinates (a diverging racer's last points).
  px(x: number): number {
    const [x0, x1] = this.view;
    return clampPixel(this.left + ((x - x0) / (x1 - x0)) * this.width);
  }
  py(y: number): number {
    const [, , y0, y1] = this.view;
    return clampPixel(this.top + ((y1 - y) / (y1 - y0)) * this.height);
  }
  // The same without clamping, for line segments that clipSegment cuts to the plot area.
  rawPx(x: number): number {
    const [x0, x1] = this.view;
    return this.left + ((x - x0) / (x1 - x0)) * this.width;
  }
  rawPy(y: number): number {
    const [, , y0, y1] = this.view;
    return this.top + ((y1 - y) / (y1 - y0)) * this.height;
  }
  // CSS pixels → surface.
  x(px: number): number {
    const [x0, x1] = this.view;
    return x0 + ((px - this.left) / this.width) * (x1 - x0);
  }
  y(py: number): number {
    const [, , y0, y1] = this.view;
    return y1 - ((py - this.top) / this.height) * (y1 - y0);
  }
  // Pixels per unit along each axis (for drawing vectors given in surface units).
  get scaleX(): number {
    return this.width / (this.view[1] - this.view[0]);
  }
  get scaleY(): number {
    return this.height / (this.view[3] - this.view[2]);
  }
  contains(px: number, py: number): boolean {
    return px >= this.left && px <= this.left + this.width && py >= this.top && py <= this.top + this.height;
  }
}

const PIXEL_LIMIT = 1e5;

// The part of segment (ax, ay)–(bx, by) inside the plot area (grown by a few pixels), by
// Liang–Barsky; null if none. Clamping the ends instead would bend a diverging racer's segments
// across the map.
export function clipSegment(
  frame: MapFrame,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): [number, number, number, number] | null {
  const pad = 4;
  const dx = bx - ax;
  const dy = by - ay;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, ax - (frame.left - pad)],
    [dx, frame.left + frame.width + pad - ax],
    [-dy, ay - (frame.top - pad)],
    [dy, frame.top + frame.height + pad - ay],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
    } else {
      const r = q / p;
      if (p < 0) {
        if (r > t1) return null;
        if (r > t0) t0 = r;
      } else {
        if (r < t0) return null;
        if (r < t1) t1 = r;
      }
    }
  }
  return [ax + t0 * dx, ay + t0 * dy, ax + t1 * dx, ay + t1 * dy];
}
function clampPixel(v: number): number {
  return v > PIXEL_LIMIT ? PIXEL_LIMIT : Math.max(v, -PIXEL_LIMIT);
}

// About `count` round tick values (1, 2 or 5 times a power of ten) within [lo, hi].
export function niceTicks(lo: number, hi: number, count: number): { values: number[]; step: number } {
  const raw = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const values: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
    values.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return { values, step };
}

export function formatTick(value: number, step: number): string {
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  if (Math.abs(value) >= 1e6 || (value !== 0 && Math.abs(value) < 1e-4)) return value.toExponential(1);
  return value.toFixed(decimals);
}

// A coordinate rounded to about a tenth of a pixel of a view `extent` wide, so links stay short.
export function roundForLink(value: number, extent: number): number {
  const step = 10 ** Math.floor(Math.log10(extent / 5000));
  const rounded = Math.round(value / step) * step;
  return Number(rounded.toPrecision(12));
}
