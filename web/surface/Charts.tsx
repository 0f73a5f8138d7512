// uPlot charts of every racer over the steps, overlaid in the racers' colours: loss (log y),
// gradient norm (the chapter's "stuck, but the gradient is not small"), the norm of the gradient
// the updates used when a racer draws one (mini-batch or noise), η_t, and the effective rate η_t/σ
// for each parameter. Hovering shows every racer's value at that step.
import { useEffect, useRef, useState } from 'preact/hooks';
import type uPlot from 'uplot';
import { usePageView } from '../classroom/view';
import { ChartFrame, type ChartSwitch } from '../components/ChartFrame';
import { darkAxes, fittedLogRange, useDarkChart } from '../components/darkChart';
import { formatNumber } from '../components/format';
import { racerColor } from '../components/racerColors';
import type { Core } from '../core';
import { useT } from '../i18n';
import type { LinkStore } from '../store';
import { type AlignedData, type ChartQuantity, chartData, hasNegative } from './chartData';
import { useFrames } from './hooks';
import type { SurfaceRunner } from './runner';
import { anySampled } from './sampling';

const CHART_HEIGHT = 170;

interface ChartSpec {
  quantity: ChartQuantity;
  log: boolean;
}

// Every chart has a log switch: the quantities span decades (a diverged racer's gradient norm
// would flatten every other line on a linear axis). η_t starts linear: most schedules are.
const LOG_AT_FIRST: Record<ChartQuantity, boolean> = {
  loss: true,
  grad_norm: true,
  sample_grad_norm: true,
  lr: false,
  rate_x: true,
  rate_y: true,
};

export function Charts({ core, store, runner }: { core: Core; store: LinkStore; runner: SurfaceRunner }) {
  const t = useT();
  const tick = useFrames(runner, 500);
  const [logScale, setLogScale] = useState(LOG_AT_FIRST);
  const axes = core.surface(store.state.surface!.name)?.axes ?? ['x', 'y'];
  const titles: Record<ChartQuantity, string> = {
    loss: t('charts.loss'),
    grad_norm: t('charts.grad'),
    sample_grad_norm: t('charts.sample'),
    lr: t('charts.lr'),
    rate_x: t('charts.rate', { axis: axes[0] }),
    rate_y: t('charts.rate', { axis: axes[1] }),
  };
  // Only racers with batch or noise use a gradient other than ∇f.
  const quantities: ChartQuantity[] = anySampled(store.state)
    ? ['loss', 'grad_norm', 'sample_grad_norm', 'lr', 'rate_x', 'rate_y']
    : ['loss', 'grad_norm', 'lr', 'rate_x', 'rate_y'];
  // A quantity with negative values (a loss below 0) is drawn on a linear axis, as the map's
  // colours are: a log axis would leave those curves out. Its switch says why it is off.
  const negative = new Set(
    quantities.filter((quantity) => logScale[quantity] && hasNegative(runner.session, quantity)),
  );
  const specs: ChartSpec[] = quantities.map((quantity) => ({
    quantity,
    log: logScale[quantity] && !negative.has(quantity),
  }));
  const names = store.state.racers.map((r, i) => `${i + 1}: ${r.text}`);
  const data = chartData(
    runner.session,
    specs.map((s) => s.quantity),
    (q) => specs.find((s) => s.quantity === q)!.log,
  );
  // A log axis needs at least one positive value; otherwise that chart falls back to linear.
  const usable = (spec: ChartSpec) =>
    spec.log &&
    data
      .get(spec.quantity)!
      .slice(1)
      .some((s) => s.some((v) => v !== null));

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
          toggle={{
            on: spec.log,
            set: (on) => setLogScale((scales) => ({ ...scales, [spec.quantity]: on })),
            label: t('charts.log'),
            title: t(negative.has(spec.quantity) ? 'charts.log.negative' : 'charts.log.title'),
            disabled: negative.has(spec.quantity),
          }}
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
  toggle?: ChartSwitch;
}

function Chart({ title, quantity, log, names, stepLabel, data, tick, toggle }: ChartProps) {
  const holder = useRef<HTMLDivElement>(null);
  const { present } = usePageView();
  // The chart is rebuilt only when its series or scale change; data arrives below.
  const plot = useDarkChart(
    holder,
    (width, UPlot) => {
      const options: uPlot.Options = {
        width,
        height: CHART_HEIGHT,
        scales: { x: { time: false }, y: log ? { distr: 3, range: fittedLogRange } : { distr: 1 } },
        legend: { live: true },
        cursor: { drag: { x: true, y: false } },
        axes: darkAxes((v) => formatNumber(v, 3), 62, present),
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
      return new UPlot(options, data as uPlot.AlignedData, holder.current!);
    },
    [log, stepLabel, names.join('\n'), present],
    CHART_HEIGHT,
    200,
  );

  useEffect(() => {
    plot.current?.setData(data as uPlot.AlignedData);
  }, [tick, data]);

  return <ChartFrame title={title} testId={`chart-${quantity}`} holder={holder} toggle={toggle} />;
}
