// What the two pages' uPlot charts share: the dark ground the racers' colours are chosen for,
// its axes, a log scale that fits the data (not whole decades), and the chart's life (built when
// its series change, resized with its box, destroyed with its view).
import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type uPlot from 'uplot';
import { warmUpIntl } from './intlWarmUp';
import { later } from './tasks';

const AXIS_TEXT = '#c9c5de';
const GRID = 'rgba(255,255,255,0.08)';
const TICKS = 'rgba(255,255,255,0.2)';

const MIN_LABEL_GAP_PX = 22;
// Mantissas a log axis labels, densest first: every one, 1-2-5, 1-3, powers of ten.
const LOG_LABELS = [[1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 5], [1, 3], [1]];

// Which of a log axis's splits (1…9 × 10^k) get a label: the densest set of mantissas whose
// labels stay MIN_LABEL_GAP_PX apart, measured on the chart (uPlot's own choice looks at one
// decade and may keep a single "1" on a chart that spans 0.2 … 3). Powers of ten that are
// still too close keep every n-th. Other axes keep every split.
export function logAxisLabels(u: uPlot, splits: number[], axis: number): (number | null)[] {
  const scale = u.axes[axis].scale ?? 'y';
  if (u.scales[scale].distr !== 3) return splits;
  const exponent = (v: number) => Math.floor(Math.log10(v) + 1e-9);
  const mantissa = (v: number) => Math.round(v / 10 ** exponent(v));
  const gap = (kept: number[]) => {
    let least = Infinity;
    for (let i = 1; i < kept.length; ++i)
      least = Math.min(least, Math.abs(u.valToPos(kept[i], scale) - u.valToPos(kept[i - 1], scale)));
    return least;
  };
  for (const labels of LOG_LABELS) {
    const kept = splits.filter((v) => labels.includes(mantissa(v)));
    if (gap(kept) >= MIN_LABEL_GAP_PX) return splits.map((v) => (kept.includes(v) ? v : null));
  }
  const decades = splits.filter((v) => mantissa(v) === 1);
  const every = Math.ceil(MIN_LABEL_GAP_PX / Math.max(1e-9, gap(decades)));
  return splits.map((v) => (mantissa(v) === 1 && exponent(v) % every === 0 ? v : null));
}

// Axis labels on a projector (presentation mode): larger type, and room for it.
const LARGE_AXIS_FONT = '15px system-ui, sans-serif';
const LARGE_AXIS_SCALE = 1.3;

// The x axis (steps or epochs) and a y axis whose labels `yValue` writes; `large` for a projector.
export function darkAxes(yValue: (value: number) => string, ySize: number, large = false): uPlot.Axis[] {
  // Grid lines and ticks only where a label is (a log axis would otherwise draw every 2…9).
  const labelled = (u: uPlot, splits: number[], axis: number) => logAxisLabels(u, splits, axis);
  const lines = {
    grid: { stroke: GRID, width: 1, filter: labelled },
    ticks: { stroke: TICKS, width: 1, filter: labelled },
  };
  const type = large ? { font: LARGE_AXIS_FONT } : {};
  return [
    { stroke: AXIS_TEXT, ...lines, ...type, ...(large ? { size: 30 * LARGE_AXIS_SCALE } : {}) },
    {
      stroke: AXIS_TEXT,
      ...lines,
      ...type,
      filter: labelled,
      size: large ? ySize * LARGE_AXIS_SCALE : ySize,
      values: (_u, values) => values.map((v) => (v === null ? '' : yValue(v))),
    },
  ];
}

// A log-scale y range that fits the data: from the minimum rounded down to its leading digit
// to the maximum rounded up to its leading digit (0.97 … 1.6 → 0.9 … 2, not 0.1 … 10), so a
// curve that moves within one decade still fills the chart.
export function fittedLogRange(_u: uPlot, min: number | null, max: number | null): uPlot.Range.MinMax {
  if (min === null || max === null || !(min > 0) || !(max > 0)) return [1, 10];
  const down = (v: number) => {
    const unit = 10 ** Math.floor(Math.log10(v));
    return Number((Math.floor(v / unit + 1e-9) * unit).toPrecision(12));
  };
  const up = (v: number) => {
    const unit = 10 ** Math.floor(Math.log10(v));
    return Number((Math.ceil(v / unit - 1e-9) * unit).toPrecision(12));
  };
  const low = down(min);
  const high = up(max);
  return low === high ? [low / 2, high * 2] : [low, high];
}

// uPlot is loaded (and its module run: its number formats cost 12 ms) with the first chart, not
// with the page.
let uplotLoading: Promise<typeof uPlot> | null = null;
function loadUplot(): Promise<typeof uPlot> {
  // uPlot's module makes Intl objects at once: after the warm-up (intlWarmUp.ts) they are cheap.
  uplotLoading ??= warmUpIntl()
    .then(() => import('uplot'))
    .then((module) => module.default);
  return uplotLoading;
}

// Builds the chart with `create` into `holder` whenever `shape` changes (new series, scale or
// language), keeps it as wide as its box (at least `minWidth`), and destroys it with the view.
// Until it is built (a task after the first layout) `plot.current` is null: callers set data on
// it when there is one, and `create` gives the chart its data at birth.
export function useDarkChart(
  holder: RefObject<HTMLDivElement>,
  create: (width: number, UPlot: typeof uPlot) => uPlot,
  shape: unknown[],
  height: number,
  minWidth: number,
): RefObject<uPlot | null> {
  const plot = useRef<uPlot | null>(null);
  // The latest `create` (with the latest data) is the one that builds the chart.
  const latest = useRef(create);
  latest.current = create;
  useEffect(() => {
    const element = holder.current!;
    // The box's width from the ResizeObserver, which reads it after the browser's own layout
    // (reading clientWidth here would force one); the chart is built in a task of its own.
    let width = 0;
    let cancel: (() => void) | null = null;
    let gone = false;
    const observer = new ResizeObserver(([entry]) => {
      width = Math.max(minWidth, Math.round(entry.contentRect.width));
      if (plot.current) plot.current.setSize({ width, height });
      else if (!cancel) {
        cancel = () => {};
        void loadUplot().then((UPlot) => {
          if (gone) return;
          cancel = later(() => {
            plot.current = latest.current(width, UPlot);
          });
        });
      }
    });
    observer.observe(element);
    return () => {
      gone = true;
      observer.disconnect();
      cancel?.();
      plot.current?.destroy();
      plot.current = null;
    };
  }, shape);
  return plot;
}
