// uPlot charts of every racer over the steps, overlaid in the racers' colours: loss (log y),
// gradient norm (the chapter's "stuck, but the gradient is not small"), η_t, and the effective
// rate η_t/σ for each parameter. Hovering shows every racer's value at that step.
import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import type { Core } from '../core';
import { useT } from '../i18n';
import type { LinkStore } from '../store';
import { type AlignedData, type ChartQuantity, chartData } from './chartData';
import { racerColor } from '../components/racerColors';
import { useFrames } from './hooks';
import { formatNumber } from '../components/format';
import type { SurfaceRunner } from './runner';

const QUANTITIES: readonly ChartQuantity[] = ['loss', 'grad_norm', 'lr', 'rate_x', 'rate_y'];
const CHART_HEIGHT = 170;

interface ChartSpec {
  quantity: ChartQuantity;
  log: boolean;
}

export function Charts({ core, store, runner }: { core: Core; store: LinkStore; runner: SurfaceRunner }) {
  const t = useT();
  const tick = useFrames(runner, 500);
  const [logLoss, setLogLoss] = useState(true);
  const [logRate, setLogRate] = useState(true);
  const axes = core.surface(store.state.surface!.name)?.axes ?? ['x', 'y'];
  const titles: Record<ChartQuantity, string> = {
    loss: t('charts.loss'),
    grad_norm: t('charts.grad'),
    lr: t('charts.lr'),
    rate_x: t('charts.rate', { axis: axes[0] }),
    rate_y: t('charts.rate', { axis: axes[1] }),
  };
  const specs: ChartSpec[] = [
    { quantity: 'loss', log: logLoss },
    { quantity: 'grad_norm', log: false },
    { quantity: 'lr', log: false },
    { quantity: 'rate_x', log: logRate },
    { quantity: 'rate_y', log: logRate },
  ];
  const names = store.state.racers.map((r, i) => `${i + 1}: ${r.text}`);
  const data = chartData(runner.session, QUANTITIES, (q) => specs.find((s) => s.quantity === q)!.log);
  // A log axis needs at least one positive value; otherwise that chart falls back to linear.
  const usable = (spec: ChartSpec) => spec.log && data.get(spec.quantity)!.slice(1).some((s) => s.some((v) => v !== null));

  return (
    <div class="charts" data-testid="charts">
      {specs.map((spec) => (
        <Chart
          title={titles[spec.quantity]}
          quantity={spec.quantity}
          log={usable(spec)}
          names={names}
          stepLabel={t('charts.step')}
          data={data.get(spec.quantity)!}
          tick={tick}
          toggle={
            spec.quantity === 'loss'
              ? { on: logLoss, set: setLogLoss, label: t('charts.log'), title: t('charts.log.title') }
              : spec.quantity === 'rate_x'
                ? { on: logRate, set: setLogRate, label: t('charts.log'), title: t('charts.log.title') }
                : undefined
          }
        />
      ))}
    </div>
  );
}

interface ChartProps {
  title: string;
  quantity: ChartQuantity;
  log: boolean;
  names: string[];
  stepLabel: string;
  data: AlignedData;
  tick: number;
  toggle?: { on: boolean; set: (v: boolean) => void; label: string; title: string };
}

function Chart({ title, quantity, log, names, stepLabel, data, tick, toggle }: ChartProps) {
  const holder = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const shape = `${log}|${stepLabel}|${names.join('\n')}`;

  useEffect(() => {
    const element = holder.current!;
    const options: uPlot.Options = {
      width: Math.max(200, element.clientWidth),
      height: CHART_HEIGHT,
      scales: { x: { time: false }, y: { distr: log ? 3 : 1 } },
      legend: { live: true },
      cursor: { drag: { x: true, y: false } },
      axes: [
        { stroke: '#c9c5de', grid: { stroke: 'rgba(255,255,255,0.07)' }, ticks: { stroke: 'rgba(255,255,255,0.2)' } },
        {
          stroke: '#c9c5de',
          grid: { stroke: 'rgba(255,255,255,0.07)' },
          ticks: { stroke: 'rgba(255,255,255,0.2)' },
          size: 62,
          values: (_u, values) => values.map((v) => (v === null ? '' : formatNumber(v, 3))),
        },
      ],
      series: [
        { label: stepLabel, value: (_u, v) => (v === null ? '–' : String(Math.round(v))) },
        ...names.map((name, i) => ({
          label: name,
          stroke: racerColor(i),
          width: 1.5,
          spanGaps: true,
          points: { show: false },
          value: (_u: uPlot, v: number | null) => (v === null ? '–' : formatNumber(v, 5)),
        })),
      ],
    };
    plot.current = new uPlot(options, data as uPlot.AlignedData, element);
    const observer = new ResizeObserver(() => plot.current?.setSize({ width: Math.max(200, element.clientWidth), height: CHART_HEIGHT }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
    // The chart is rebuilt only when its series or scale change; data arrives below.
  }, [shape]);

  useEffect(() => {
    plot.current?.setData(data as uPlot.AlignedData);
  }, [tick, data]);

  return (
    <figure class="chart" data-testid={`chart-${quantity}`}>
      <figcaption>
        <span>{title}</span>
        {toggle && (
          <label class="field-check" title={toggle.title}>
            <input type="checkbox" checked={toggle.on} onChange={(e) => toggle.set((e.currentTarget as HTMLInputElement).checked)} />
            {toggle.label}
          </label>
        )}
      </figcaption>
      <div ref={holder} class="chart-plot" />
    </figure>
  );
}
