// Where the network diagram puts things: one column per layer (the seven features, each hidden
// layer, the outputs), nodes centred vertically in their column, each link a cubic curve from
// the right edge of its source to the left edge of its target. Also finds what the pointer is
// over (a node, or the nearest link within a few pixels).

export interface NodeBox {
  x: number; // left
  y: number; // top
  size: number;
}

export interface Column {
  centreX: number;
  nodes: NodeBox[];
}

export interface NetworkLayout {
  width: number;
  height: number;
  columns: Column[]; // 0: all features (active or not), then hidden layers, then outputs
}

const MAX_NODE = 34;
const MIN_NODE = 9;
const GAP_RATIO = 0.32; // gap between nodes, relative to their size

export function layoutNetwork(width: number, height: number, columnSizes: readonly number[], top = 8): NetworkLayout {
  const count = columnSizes.length;
  const largest = Math.max(...columnSizes, 1);
  const usable = height - top - 8;
  const size = Math.max(MIN_NODE, Math.min(MAX_NODE, usable / (largest * (1 + GAP_RATIO))));
  const margin = 64; // room for the feature labels on the left
  const span = Math.max(1, width - margin - size - 16);
  const columns = columnSizes.map((n, c) => {
    const centreX = margin + size / 2 + (count === 1 ? 0 : (span * c) / (count - 1));
    // Feature and hidden columns spread over the height; small columns stay centred.
    const columnSize = c === 0 ? Math.min(size, usable / (n * (1 + GAP_RATIO))) : size;
    const step = columnSize * (1 + GAP_RATIO);
    const first = top + (usable - step * n + columnSize * GAP_RATIO) / 2;
    const nodes = Array.from({ length: n }, (_, i) => ({
      x: centreX - columnSize / 2,
      y: first + i * step,
      size: columnSize,
    }));
    return { centreX, nodes };
  });
  return { width, height, columns };
}

export interface LinkCurve {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function linkCurve(from: NodeBox, to: NodeBox): LinkCurve {
  return { x0: from.x + from.size, y0: from.y + from.size / 2, x1: to.x, y1: to.y + to.size / 2 };
}

// A point of the curve at parameter s (the control points sit halfway, at each end's height).
export function curvePoint(c: LinkCurve, s: number): [number, number] {
  const mx = (c.x0 + c.x1) / 2;
  const u = 1 - s;
  const x = u * u * u * c.x0 + 3 * u * u * s * mx + 3 * u * s * s * mx + s * s * s * c.x1;
  const y = u * u * u * c.y0 + 3 * u * u * s * c.y0 + 3 * u * s * s * c.y1 + s * s * s * c.y1;
  return [x, y];
}

export function distanceToCurve(c: LinkCurve, px: number, py: number): number {
  let best = Infinity;
  let [ax, ay] = curvePoint(c, 0);
  const pieces = 16;
  for (let k = 1; k <= pieces; ++k) {
    const [bx, by] = curvePoint(c, k / pieces);
    const dx = bx - ax;
    const dy = by - ay;
    const length2 = dx * dx + dy * dy;
    const s = length2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2)) : 0;
    best = Math.min(best, Math.hypot(ax + s * dx - px, ay + s * dy - py));
    ax = bx;
    ay = by;
  }
  return best;
}

export function nodeAt(layout: NetworkLayout, px: number, py: number): { column: number; index: number } | null {
  for (let c = 0; c < layout.columns.length; ++c)
    for (let i = 0; i < layout.columns[c].nodes.length; ++i) {
      const n = layout.columns[c].nodes[i];
      if (px >= n.x && px <= n.x + n.size && py >= n.y && py <= n.y + n.size) return { column: c, index: i };
    }
  return null;
}
