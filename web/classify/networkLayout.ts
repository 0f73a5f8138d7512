// Where the network diagram puts things: one column per layer (every input feature, each hidden
// layer, the outputs), nodes centred vertically in their column, each link a cubic curve from
// the right edge of its source to the left edge of its target. And where each weight and bias
// sits in the network's flat parameter vector, from the layout the core reports.

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

// The node that network input `input` is drawn as: its feature's place among all features
// (column 0 shows every feature, used or not).
export function featureNode(inputFeatures: readonly string[], input: number, allFeatures: readonly string[]): number {
  return allFeatures.indexOf(inputFeatures[input]);
}

// One weight layer of the network's flat parameter vector, as the core reports it
// (docs/reference.md, "The network's parameter layout"): W_l starts at `weights`, `rows` × `columns`
// (neurons of layer l × of layer l−1), row-major, so row j holds the weights into neuron j; the
// `rows` biases b_l start at `biases`.
export interface WeightLayer {
  weights: number;
  biases: number;
  rows: number;
  columns: number;
}

// Weight layers count from 1 (layer 1 takes the inputs), as in docs/reference.md.
export function weightIndex(layout: readonly WeightLayer[], layer: number, from: number, to: number): number {
  const l = layout[layer - 1];
  return l.weights + to * l.columns + from;
}

export function biasIndex(layout: readonly WeightLayer[], layer: number, neuron: number): number {
  return layout[layer - 1].biases + neuron;
}
