// What the pointer is over on the network diagram: a node (its box), or the nearest link within a
// few pixels (each link a cubic curve, measured as 16 straight pieces).
import { curvePoint, featureNode, type LinkCurve, linkCurve, type NetworkLayout } from './networkLayout';
import type { SetupMessage } from './protocol';

const HOVER_DISTANCE_PX = 5;

// What the pointer is over: a link (weight layer ≥ 1, source, target) or a node (column, index).
export type Hover =
  | { kind: 'link'; layer: number; from: number; to: number; x: number; y: number }
  | { kind: 'node'; column: number; index: number; x: number; y: number };

export function sameTarget(a: Hover | null, b: Hover | null): boolean {
  if (!a || !b) return a === b;
  if (a.kind === 'link' && b.kind === 'link') return a.layer === b.layer && a.from === b.from && a.to === b.to;
  if (a.kind === 'node' && b.kind === 'node') return a.column === b.column && a.index === b.index;
  return false;
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

export function nearestLink(
  layout: NetworkLayout,
  setup: Pick<SetupMessage, 'layerSizes' | 'features'> | null,
  allFeatures: readonly string[],
  x: number,
  y: number,
): { kind: 'link'; layer: number; from: number; to: number } | null {
  if (!setup) return null;
  const sizes = setup.layerSizes;
  let best: { kind: 'link'; layer: number; from: number; to: number } | null = null;
  let bestDistance = HOVER_DISTANCE_PX;
  for (let layer = 1; layer < sizes.length; ++layer) {
    const sources = layout.columns[layer - 1].nodes;
    const targets = layout.columns[layer].nodes;
    // Only links whose horizontal extent holds the pointer can be near it.
    if (x < sources[0].x + sources[0].size - HOVER_DISTANCE_PX || x > targets[0].x + HOVER_DISTANCE_PX) continue;
    for (let from = 0; from < sizes[layer - 1]; ++from) {
      const source = layer === 1 ? sources[featureNode(setup.features, from, allFeatures)] : sources[from];
      if (!source) continue;
      for (let to = 0; to < sizes[layer]; ++to) {
        const target = targets[to];
        if (!target) continue;
        const d = distanceToCurve(linkCurve(source, target), x, y);
        if (d < bestDistance) {
          bestDistance = d;
          best = { kind: 'link', layer, from, to };
        }
      }
    }
  }
  return best;
}
