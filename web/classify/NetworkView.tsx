// The network: the seven input features (click to use one or not), the hidden layers (add or
// remove layers and neurons), the outputs. Each node shows its small map over the data view,
// each link its weight (width: size, colour: sign). Hovering a link gives the weight and its
// effective rate η_t/σ for the next update; hovering a neuron, its bias and rate.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatNumber } from '../components/format';
import type { Core, NamedInfo, Problem } from '../core';
import { pick, useLang, useT } from '../i18n';
import type { LinkStore } from '../store';
import { CLASS_COLOURS, css, divergingInto, paintValues } from './colors';
import { useNews } from './hooks';
import { distanceToCurve, layoutNetwork, linkCurve, type NetworkLayout, nodeAt } from './networkLayout';
import {
  DECISION_GRID_SIZE,
  type FrameMessage,
  NEURON_GRID_SIZE,
  type SetupMessage,
  type ThumbnailsMessage,
} from './protocol';
import type { ClassifyRunner } from './runner';

const CANVAS_HEIGHT = 380;
const HOVER_DISTANCE_PX = 5;
const NETWORK_FRAME_INTERVAL_MS = 100;

// What the pointer is over: a link (weight layer ≥ 1, source, target) or a node (column, index).
export type Hover =
  | { kind: 'link'; layer: number; from: number; to: number; x: number; y: number }
  | { kind: 'node'; column: number; index: number; x: number; y: number };

function sameTarget(a: Hover | null, b: Hover | null): boolean {
  if (!a || !b) return a === b;
  if (a.kind === 'link' && b.kind === 'link') return a.layer === b.layer && a.from === b.from && a.to === b.to;
  if (a.kind === 'node' && b.kind === 'node') return a.column === b.column && a.index === b.index;
  return false;
}

// Offsets of each weight layer's parameters in the flat vector (layout of core/learn/mlp.hpp).
function parameterOffsets(sizes: readonly number[]): number[] {
  const offsets = [0, 0];
  for (let l = 1; l < sizes.length - 1; ++l) offsets.push(offsets[l] + sizes[l] * sizes[l - 1] + sizes[l]);
  return offsets;
}
export function weightIndex(sizes: readonly number[], layer: number, from: number, to: number): number {
  return parameterOffsets(sizes)[layer] + to * sizes[layer - 1] + from;
}
export function biasIndex(sizes: readonly number[], layer: number, neuron: number): number {
  return parameterOffsets(sizes)[layer] + sizes[layer] * sizes[layer - 1] + neuron;
}

interface Props {
  core: Core;
  store: LinkStore;
  runner: ClassifyRunner;
}

export function NetworkView({ core, store, runner }: Props) {
  const t = useT();
  const lang = useLang();
  useNews(runner, ['setup', 'thumbnails']);
  const holder = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const hoverRef = useRef<Hover | null>(null);
  const redraw = useRef<() => void>(() => {});
  const [width, setWidth] = useState(560);
  const [hover, setHover] = useState<Hover | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);

  const features = core.catalogue.features;
  const limits = core.catalogue.limits;
  const settings = store.state.classify!;
  const setup = runner.setup;
  // The diagram shows what the worker trains (its setup); the buttons edit the link.
  const hidden = setup ? setup.layerSizes.slice(1, -1) : settings.net;
  const outputs = setup ? setup.layerSizes[setup.layerSizes.length - 1] : 2;
  const layout = useMemo(
    () => layoutNetwork(width, CANVAS_HEIGHT, [features.length, ...hidden, outputs]),
    [width, features.length, hidden.join(','), outputs],
  );

  useEffect(() => {
    const element = holder.current!;
    const observer = new ResizeObserver(() => setWidth(Math.max(320, element.clientWidth)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = canvas.current!;
    let pending = 0;
    const draw = () => {
      pending = 0;
      drawNetwork(
        element,
        layout,
        runner.setup,
        runner.frame,
        runner.thumbnails,
        hoverRef.current,
        features.map((f) => f.name),
      );
    };
    const schedule = () => {
      if (!pending) pending = requestAnimationFrame(draw);
    };
    // While training, frames come ~25 times a second; the diagram follows at most 10 times a
    // second (its maps change slowly, and every redraw costs the main thread a canvas commit).
    let lastFrameDraw = 0;
    let timer = 0;
    const onFrame = () => {
      const wait = NETWORK_FRAME_INTERVAL_MS - (performance.now() - lastFrameDraw);
      if (wait <= 0) {
        lastFrameDraw = performance.now();
        schedule();
      } else if (!timer) {
        timer = window.setTimeout(() => {
          timer = 0;
          lastFrameDraw = performance.now();
          schedule();
        }, wait);
      }
    };
    schedule();
    const off = runner.subscribe((news) => {
      if (news === 'frame') onFrame();
      else if (news !== 'problem') schedule();
    });
    redraw.current = schedule;
    return () => {
      off();
      cancelAnimationFrame(pending);
      window.clearTimeout(timer);
    };
  }, [runner, layout]);

  const setHovered = (next: Hover | null) => {
    const before = hoverRef.current;
    hoverRef.current = next;
    setHover(next);
    if (!sameTarget(before, next)) redraw.current();
  };

  const onMove = (event: MouseEvent) => {
    const box = canvas.current!.getBoundingClientRect();
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    const node = nodeAt(layout, x, y);
    if (node) return setHovered({ kind: 'node', ...node, x, y });
    const link = nearestLink(
      layout,
      runner.setup,
      features.map((f) => f.name),
      x,
      y,
    );
    setHovered(link ? { ...link, x, y } : null);
  };

  const editNet = (sizes: number[]) => setProblems(store.setValue('net', sizes.length ? sizes.join(',') : 'none'));
  const toggleFeature = (name: string) => {
    const on = settings.features.includes(name);
    const next = features.map((f) => f.name).filter((n) => (n === name ? !on : settings.features.includes(n)));
    // The codec would call an empty list an unknown feature ''; say what is wrong instead.
    if (next.length === 0)
      return setProblems([
        {
          key: 'features',
          value: '',
          reason: { en: t('classify.net.needFeature'), zh: t('classify.net.needFeature') },
        },
      ]);
    setProblems(store.setValue('features', next.join(',')));
  };
  const net = settings.net;
  const shape = `${settings.features.join(',')}|${net.join(',')}`;
  useEffect(() => setProblems([]), [shape]);

  return (
    <div class="network-view" ref={holder} data-testid="network-view">
      <div class="network-head">
        <div class="layer-count">
          <button
            type="button"
            class="icon"
            data-testid="layers-remove"
            disabled={net.length === 0}
            title={t('classify.net.removeLayer')}
            aria-label={t('classify.net.removeLayer')}
            onClick={() => editNet(net.slice(0, -1))}
          >
            −
          </button>
          <button
            type="button"
            class="icon"
            data-testid="layers-add"
            disabled={net.length >= limits.hidden_layers}
            title={t('classify.net.addLayer')}
            aria-label={t('classify.net.addLayer')}
            onClick={() => editNet([...net, 2])}
          >
            +
          </button>
          <span data-testid="layer-count">
            {net.length === 1 ? t('classify.net.layers.one') : t('classify.net.layers', { count: net.length })}
          </span>
        </div>
        {layout.columns.slice(1, -1).map((column, l) => (
          <div class="neuron-count" style={{ left: `${column.centreX}px` }}>
            <div>
              <button
                type="button"
                class="icon small"
                data-testid={`neurons-remove-${l}`}
                disabled={(net[l] ?? 1) <= 1}
                title={t('classify.net.removeNeuron', { layer: l + 1 })}
                aria-label={t('classify.net.removeNeuron', { layer: l + 1 })}
                onClick={() => editNet(net.map((n, i) => (i === l ? n - 1 : n)))}
              >
                −
              </button>
              <button
                type="button"
                class="icon small"
                data-testid={`neurons-add-${l}`}
                disabled={(net[l] ?? limits.neurons_per_layer) >= limits.neurons_per_layer}
                title={t('classify.net.addNeuron', { layer: l + 1 })}
                aria-label={t('classify.net.addNeuron', { layer: l + 1 })}
                onClick={() => editNet(net.map((n, i) => (i === l ? n + 1 : n)))}
              >
                +
              </button>
            </div>
            <span>
              {(net[l] ?? column.nodes.length) === 1
                ? t('classify.net.neurons.one')
                : t('classify.net.neurons', { count: net[l] ?? column.nodes.length })}
            </span>
          </div>
        ))}
        <div class="neuron-count" style={{ left: `${layout.columns[layout.columns.length - 1].centreX}px` }}>
          <span>{t(setup?.regression ? 'classify.net.outputValue' : 'classify.net.outputs')}</span>
        </div>
      </div>
      <div class="network-canvas">
        <canvas
          ref={canvas}
          style={{ height: `${CANVAS_HEIGHT}px` }}
          onMouseMove={onMove}
          onMouseLeave={() => setHovered(null)}
        />
        {layout.columns[0].nodes.map((node, i) => {
          const feature = features[i];
          const on = settings.features.includes(feature.name);
          return (
            <>
              <span
                class="feature-label"
                style={{ top: `${node.y + node.size / 2}px`, right: `${width - node.x + 6}px` }}
              >
                {feature.display}
              </span>
              <button
                type="button"
                class={`feature-toggle${on ? ' on' : ''}`}
                aria-pressed={on}
                aria-label={feature.display}
                title={`${pick(lang, feature.summary)}\n${t(on ? 'classify.net.featureOff' : 'classify.net.featureOn')}`}
                data-testid={`feature-${feature.name}`}
                style={{ left: `${node.x}px`, top: `${node.y}px`, width: `${node.size}px`, height: `${node.size}px` }}
                onClick={() => toggleFeature(feature.name)}
                onMouseEnter={() => setHovered(null)}
              />
            </>
          );
        })}
        {hover && <NetworkTooltip runner={runner} hover={hover} features={features} />}
      </div>
      {problems.length > 0 && (
        <p class="field-error" role="alert" data-testid="network-error">
          {problems.map((p) => `${p.key}: ${pick(lang, p.reason)}`).join('; ')}
        </p>
      )}
    </div>
  );
}

// The weight or bias under the pointer, with its effective rate, kept current while training.
function NetworkTooltip({ runner, hover, features }: { runner: ClassifyRunner; hover: Hover; features: NamedInfo[] }) {
  const t = useT();
  useNews(runner, ['frame'], 250);
  const { setup, frame } = runner;
  if (!setup || !frame) return null;
  const sizes = setup.layerSizes;
  const lines: string[] = [];
  // Column 0 of the diagram holds all features; input i of the network is feature setup.features[i].
  const inputName = (input: number): string =>
    features.find((f) => f.name === setup.features[input])?.display ?? setup.features[input];
  const nodeName = (column: number, index: number): string => {
    if (column === 0) return inputName(index);
    if (column === sizes.length - 1)
      return setup.regression ? t('classify.net.outputValue') : t('classify.net.output', { k: index });
    return t('classify.net.neuron', { layer: column, index: index + 1 });
  };
  if (hover.kind === 'link') {
    const index = weightIndex(sizes, hover.layer, hover.from, hover.to);
    lines.push(`${nodeName(hover.layer - 1, hover.from)} → ${nodeName(hover.layer, hover.to)}`);
    lines.push(`w = ${formatNumber(frame.parameters[index], 5)}`);
    lines.push(`η_t/σ = ${formatNumber(frame.rates[index], 4)}`);
  } else if (hover.column === 0) {
    return null;
  } else {
    const index = biasIndex(sizes, hover.column, hover.index);
    lines.push(nodeName(hover.column, hover.index));
    lines.push(`${t('classify.net.bias')} b = ${formatNumber(frame.parameters[index], 5)}`);
    lines.push(`η_t/σ = ${formatNumber(frame.rates[index], 4)}`);
  }
  return (
    <div
      class="network-tooltip"
      role="tooltip"
      data-testid="network-tooltip"
      style={{ left: `${hover.x + 14}px`, top: `${hover.y + 10}px` }}
    >
      {lines.map((line) => (
        <div>{line}</div>
      ))}
      <div class="muted">{t('classify.net.rateNote')}</div>
    </div>
  );
}

// The node that network input `input` is drawn as: its feature's place among all features.
function featureNode(setup: SetupMessage, input: number, allFeatures: readonly string[]): number {
  return allFeatures.indexOf(setup.features[input]);
}

function nearestLink(
  layout: NetworkLayout,
  setup: SetupMessage | null,
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
      const source = layer === 1 ? sources[featureNode(setup, from, allFeatures)] : sources[from];
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

// ---- drawing -------------------------------------------------------------------------------

const atlas = document.createElement('canvas');

function drawNetwork(
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
          const source = layer === 1 ? sources[featureNode(setup, from, allFeatures)] : sources[from];
          const target = targets[to];
          if (!source || !target) continue;
          const w = frame.parameters[weightIndex(sizes, layer, from, to)];
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
