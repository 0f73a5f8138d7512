// The charts' data from the core's trajectory columns: all racers on one shared step axis,
// binned so that a chart never holds more than about 2·BINS points whatever the run's length.
// Where a bin holds several updates it keeps their maximum and minimum (in that order), so an
// oscillation stays visible as a band instead of being aliased away.
import type { SurfaceSessionHandle, TrajectoryColumn } from '../core';

export const CHART_BINS = 400;
// uPlot's log axis cannot place ticks much below 1e-15 (its tick arithmetic rounds to a fixed
// number of decimals and stops advancing), so positive-only series are floored there.
export const LOG_FLOOR = 1e-15;

export type ChartQuantity = 'loss' | 'grad_norm' | 'sample_grad_norm' | 'lr' | 'rate_x' | 'rate_y';

export type AlignedData = [number[], ...(number | null)[][]];

// η_t/σ per parameter is computed from the columns lr and σ (0 where σ is 0, as the core does).
function quantityValues(
  session: SurfaceSessionHandle,
  racer: number,
  quantity: ChartQuantity,
  into: Float64Array,
): void {
  if (quantity === 'rate_x' || quantity === 'rate_y') {
    const sigma = session.column(racer, quantity === 'rate_x' ? 'sigma_x' : 'sigma_y').slice();
    const lr = session.column(racer, 'lr');
    for (let k = 0; k < into.length; ++k) into[k] = sigma[k] !== 0 ? lr[k] / sigma[k] : 0;
    return;
  }
  into.set(session.column(racer, quantity as TrajectoryColumn));
}

// Whether any racer has a finite negative value of `quantity` (a loss below 0: a log axis would
// drop those points, and the curves vanish where the loss is negative).
export function hasNegative(session: SurfaceSessionHandle, quantity: ChartQuantity): boolean {
  for (let i = 0; i < session.racerCount(); ++i) {
    const values = new Float64Array(session.column(i, 'steps').length);
    quantityValues(session, i, quantity, values);
    if (values.some((v) => v < 0)) return true;
  }
  return false;
}

// One AlignedData per quantity: x = step, one series per racer (null where it has no value).
// `positiveOnly` quantities (drawn on a log axis) drop values <= 0.
export function chartData(
  session: SurfaceSessionHandle,
  quantities: readonly ChartQuantity[],
  positiveOnly: (q: ChartQuantity) => boolean,
): Map<ChartQuantity, AlignedData> {
  const count = session.racerCount();
  const steps: Float64Array[] = [];
  let lastStep = 0;
  for (let i = 0; i < count; ++i) {
    const s = session.column(i, 'steps').slice();
    steps.push(s);
    if (s.length) lastStep = Math.max(lastStep, s[s.length - 1]);
  }
  const width = Math.max(1, Math.ceil((lastStep + 1) / CHART_BINS));
  const bins = Math.floor(lastStep / width) + 1;
  const slots = width === 1 ? 1 : 2;
  const xs: number[] = [];
  for (let b = 0; b < bins; ++b) {
    xs.push(b * width);
    if (slots === 2) xs.push(b * width + width / 2);
  }
  const result = new Map<ChartQuantity, AlignedData>();
  for (const quantity of quantities) {
    const data: AlignedData = [xs];
    const positive = positiveOnly(quantity);
    for (let i = 0; i < count; ++i) {
      const values = new Float64Array(steps[i].length);
      quantityValues(session, i, quantity, values);
      const high = new Array<number | null>(bins).fill(null);
      const low = new Array<number | null>(bins).fill(null);
      for (let k = 0; k < values.length; ++k) {
        let v = values[k];
        if (!Number.isFinite(v) || (positive && v <= 0)) continue;
        if (positive && v < LOG_FLOOR) v = LOG_FLOOR;
        const b = Math.floor(steps[i][k] / width);
        if (high[b] === null || v > high[b]!) high[b] = v;
        if (low[b] === null || v < low[b]!) low[b] = v;
      }
      const series: (number | null)[] = [];
      for (let b = 0; b < bins; ++b) {
        series.push(high[b]);
        if (slots === 2) series.push(low[b]);
      }
      data.push(series);
    }
    result.set(quantity, data);
  }
  return result;
}
