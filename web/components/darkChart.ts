// What the two pages' uPlot charts share: the dark ground the racers' colours are chosen for,
// its axes, a log scale that fits the data (not whole decades), and the chart's life (built when
// its series change, resized with its box, destroyed with its view).
import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';

const AXIS_TEXT = '#c9c5de';
const GRID = 'rgba(255,255,255,0.08)';
const TICKS = 'rgba(255,255,255,0.2)';

// The x axis (steps or epochs) and a y axis whose labels `yValue` writes.
export function darkAxes(yValue: (value: number) => string, ySize: number): uPlot.Axis[] {
  // Grid lines and ticks only where a label is (a log axis would otherwise draw every 2…9).
  const labelled = (u: uPlot, splits: number[], axis: number, space: number, increment: number) =>
    u.axes[axis].filter!(u, splits, axis, space, increment);
  const lines = { grid: { stroke: GRID, width: 1, filter: labelled }, ticks: { stroke: TICKS, width: 1, filter: labelled } };
  return [
    { stroke: AXIS_TEXT, ...lines },
    { stroke: AXIS_TEXT, ...lines, size: ySize, values: (_u, values) => values.map((v) => (v === null ? '' : yValue(v))) },
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

// Builds the chart with `create` into `holder` whenever `shape` changes (new series, scale or
// language), keeps it as wide as its box (at least `minWidth`), and destroys it with the view.
export function useDarkChart(
  holder: RefObject<HTMLDivElement>,
  create: (width: number) => uPlot,
  shape: unknown[],
  height: number,
  minWidth: number,
): RefObject<uPlot | null> {
  const plot = useRef<uPlot | null>(null);
  useEffect(() => {
    const element = holder.current!;
    const width = () => Math.max(minWidth, element.clientWidth);
    plot.current = create(width());
    const observer = new ResizeObserver(() => plot.current?.setSize({ width: width(), height }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, shape);
  return plot;
}
