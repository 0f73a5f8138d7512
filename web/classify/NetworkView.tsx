// The network: the seven input features (click to use one or not), the hidden layers (add or
// remove layers and neurons), the outputs. Each node shows its small map over the data view,
// each link its weight (width: size, colour: sign). Hovering a link gives the weight and its
// effective rate η_t/σ for the next update; hovering a neuron, its bias and rate. Layout, hit
// testing, drawing and the tooltip live in networkLayout.ts, networkHit.ts, networkDrawing.ts
// and NetworkTooltip.tsx.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Core, Problem } from '../core';
import { pick, useLang, useT } from '../i18n';
import type { LinkStore } from '../store';
import { useNews } from './hooks';
import { NetworkTooltip } from './NetworkTooltip';
import { drawNetwork } from './networkDrawing';
import { type Hover, nearestLink, nodeAt, sameTarget } from './networkHit';
import { layoutNetwork } from './networkLayout';
import type { ClassifyRunner } from './runner';

const CANVAS_HEIGHT = 380;
const NETWORK_FRAME_INTERVAL_MS = 100;

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
          {problems
            .map((p) => t('problem.inline', { key: p.key, reason: pick(lang, p.reason) }))
            .join(t('problems.separator'))}
        </p>
      )}
    </div>
  );
}
