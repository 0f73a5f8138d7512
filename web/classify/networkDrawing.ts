// Drawing the network diagram on its canvas: the links under the nodes (width: the weight's
// size, colour: its sign), and each node's small map (features from the thumbnails, hidden
// neurons from the frame's neuron grids, outputs from the decision grid), all painted into one
// atlas image first and then scaled into their boxes.
import { CLASS_COLOURS, css, divergingInto, paintValues } from './colors';
import type { Hover } from './networkHit';
import { featureNode, linkCurve, type NetworkLayout, weightIndex } from './networkLayout';
import {
  DECISION_GRID_SIZE,
  type FrameMessage,
  NEURON_GRID_SIZE,
  type SetupMessage,
  type ThumbnailsMessage,
} from './protocol';

const atlas = document.createElement('canvas');

export function drawNetwork(
  element: HTMLCanvasElement,
  layout: NetworkLayout,
  setup: SetupMessage | null,
  frame: FrameMessage | null,
  thumbnails: ThumbnailsMessage | null,
  hover: Hover | null,
  allFeatures: readonly string[],
): void {
  const ratio = window.devicePixelRatio || 1;
  const width = layout.width;
  const height = layout.height;
  if (element.width !== Math.round(width * ratio) || element.height !== Math.round(height * ratio)) {
    element.width = Math.round(width * ratio);
    element.height = Math.round(height * ratio);
    element.style.width = `${width}px`;
  }
  const g = element.getContext('2d')!;
  g.setTransform(ratio, 0, 0, ratio, 0, 0);
  g.clearRect(0, 0, width, height);
  const sizes = setup?.layerSizes ?? null;
  // The layout follows the setup, except before the first one.
  const usable = sizes !== null && sizes.length === layout.columns.length;

  // Links first, under the nodes.
  const colour = new Uint8ClampedArray(4);
  if (setup && frame && sizes && usable) {
    for (let layer = 1; layer < sizes.length; ++layer) {
      const sources = layout.columns[layer - 1].nodes;
      const targets = layout.columns[layer].nodes;
      for (let to = 0; to < sizes[layer]; ++to)
        for (let from = 0; from < sizes[layer - 1]; ++from) {
          const source = layer === 1 ? sources[featureNode(setup.features, from, allFeatures)] : sources[from];
          const target = targets[to];
          if (!source || !target) continue;
          const w = frame.parameters[weightIndex(setup.parameterLayout, layer, from, to)];
          const c = linkCurve(source, target);
          const middle = (c.x0 + c.x1) / 2;
          const hovered = hover?.kind === 'link' && hover.layer === layer && hover.from === from && hover.to === to;
          divergingInto(w, colour, 0);
          g.beginPath();
          g.moveTo(c.x0, c.y0);
          g.bezierCurveTo(middle, c.y0, middle, c.y1, c.x1, c.y1);
          g.lineWidth = (hovered ? 2 : 0) + 0.6 + Math.min(Math.abs(w), 4) * 1.3;
          g.strokeStyle = hovered ? '#1d1b2c' : `rgba(${colour[0]},${colour[1]},${colour[2]},0.9)`;
          g.stroke();
        }
    }
  }

  // Node maps: one atlas of NEURON_GRID_SIZE² images, then each scaled into its box.
  const n = NEURON_GRID_SIZE;
  const columns = layout.columns;
  const mapCount = columns.reduce((sum, column) => sum + column.nodes.length, 0);
  atlas.width = n;
  atlas.height = n * mapCount;
  const atlasContext = atlas.getContext('2d')!;
  const image = atlasContext.createImageData(n, n * mapCount);
  const pixels = n * n;
  let slot = 0;
  const slots: number[][] = columns.map((column) => column.nodes.map(() => slot++));
  const have: boolean[] = new Array(mapCount).fill(false);
  const at = (s: number) => image.data.subarray(4 * pixels * s, 4 * pixels * (s + 1));

  if (thumbnails)
    for (let f = 0; f < columns[0].nodes.length; ++f) {
      const offset = f * pixels;
      let scale = 0;
      for (let p = 0; p < pixels; ++p) scale = Math.max(scale, Math.abs(thumbnails.features[offset + p]));
      paintValues(thumbnails.features, offset, pixels, scale || 1, at(slots[0][f]));
      have[slots[0][f]] = true;
    }
  if (setup && frame && sizes && usable) {
    let map = sizes[0]; // the neuron grids start with the inputs; the features come from thumbnails
    for (let c = 1; c < columns.length - 1; ++c)
      for (let i = 0; i < columns[c].nodes.length; ++i, ++map) {
        paintValues(frame.neurons, map * pixels, pixels, 1, at(slots[c][i]));
        have[slots[c][i]] = true;
      }
    const last = columns.length - 1;
    for (let k = 0; k < columns[last].nodes.length; ++k) {
      paintOutput(frame.grid, setup.classes, setup.regression, k, at(slots[last][k]));
      have[slots[last][k]] = true;
    }
  }
  atlasContext.putImageData(image, 0, 0);
  g.imageSmoothingEnabled = true;
  for (let c = 0; c < columns.length; ++c)
    columns[c].nodes.forEach((node, i) => {
      const s = slots[c][i];
      const active = c !== 0 || (setup?.features.includes(allFeatures[i]) ?? false);
      g.globalAlpha = active ? 1 : 0.35;
      if (have[s]) g.drawImage(atlas, 0, s * n, n, n, node.x, node.y, node.size, node.size);
      else {
        g.fillStyle = '#e8eaeb';
        g.fillRect(node.x, node.y, node.size, node.size);
      }
      g.globalAlpha = 1;
      const output = c === columns.length - 1 && setup && !setup.regression;
      g.lineWidth = output ? 2.5 : 1;
      g.strokeStyle = output ? css(CLASS_COLOURS[i % CLASS_COLOURS.length]) : active ? '#3b3752' : '#b9b5cc';
      const hovered = hover?.kind === 'node' && hover.column === c && hover.index === i;
      if (hovered) g.lineWidth += 1.5;
      g.strokeRect(node.x + 0.5, node.y + 0.5, node.size - 1, node.size - 1);
    });
}

// Output k's map from the decision grid: the probability of class k (neutral at 1/K, full
// colour at 1), or the regression value; sampled at NEURON_GRID_SIZE² points.
function paintOutput(
  grid: Float32Array,
  classes: number,
  regression: boolean,
  k: number,
  out: Uint8ClampedArray,
): void {
  const n = NEURON_GRID_SIZE;
  const big = DECISION_GRID_SIZE;
  const colour = CLASS_COLOURS[k % CLASS_COLOURS.length];
  const chance = 1 / classes;
  for (let r = 0; r < n; ++r)
    for (let c = 0; c < n; ++c) {
      const cell = Math.round((r * (big - 1)) / (n - 1)) * big + Math.round((c * (big - 1)) / (n - 1));
      const o = 4 * (r * n + c);
      if (regression) {
        divergingInto(grid[cell], out, o);
        continue;
      }
      const strength = Math.max(0, (grid[cell * classes + k] - chance) / (1 - chance));
      out[o] = 232 + (colour[0] - 232) * strength;
      out[o + 1] = 234 + (colour[1] - 234) * strength;
      out[o + 2] = 235 + (colour[2] - 235) * strength;
      out[o + 3] = 255;
    }
}
