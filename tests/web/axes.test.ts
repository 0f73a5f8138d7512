// Chart axes: the log range that fits the data (web/components/darkChart.ts), which labels a
// log axis keeps, and the map's round ticks (web/surface/mapGeometry.ts). Expected values worked
// from the rules by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type uPlot from 'uplot';
import { fittedLogRange, logAxisLabels } from '../../web/components/darkChart';
import { formatTick, niceTicks } from '../../web/surface/mapGeometry';

const noChart = null as unknown as uPlot;

test('fittedLogRange: from the minimum down to its leading digit to the maximum up to its own', () => {
  assert.deepEqual(fittedLogRange(noChart, 0.97, 1.6), [0.9, 2]);
  assert.deepEqual(fittedLogRange(noChart, 0.0123, 4.56), [0.01, 5]);
  assert.deepEqual(fittedLogRange(noChart, 200, 200), [100, 400]); // one value: an octave each way
  assert.deepEqual(fittedLogRange(noChart, 3, 3), [1.5, 6]);
});

test('fittedLogRange: without positive data, one decade', () => {
  assert.deepEqual(fittedLogRange(noChart, null, 5), [1, 10]);
  assert.deepEqual(fittedLogRange(noChart, 0, 5), [1, 10]);
  assert.deepEqual(fittedLogRange(noChart, -1, -0.5), [1, 10]);
});

// A stand-in for a uPlot chart whose y axis is logarithmic at `pixelsPerDecade`.
function logChart(pixelsPerDecade: number, distr = 3): uPlot {
  return {
    axes: [{}, { scale: 'y' }],
    scales: { y: { distr } },
    valToPos: (v: number) => Math.log10(v) * pixelsPerDecade,
  } as unknown as uPlot;
}

// 1 … 9 × 10^k for k = 0 … decades − 1, and the last power of ten.
function splits(decades: number): number[] {
  const values: number[] = [];
  for (let k = 0; k < decades; ++k) for (let m = 1; m <= 9; ++m) values.push(m * 10 ** k);
  values.push(10 ** decades);
  return values;
}

const shown = (labels: (number | null)[]) => labels.filter((v) => v !== null);

test('logAxisLabels: the densest mantissas whose labels stay 22 px apart', () => {
  // 100 px a decade: 9 → 10 is 4.6 px (too close); 1-2-5 is at least log10(2)·100 = 30.1 px.
  assert.deepEqual(shown(logAxisLabels(logChart(100), splits(2), 1)), [1, 2, 5, 10, 20, 50, 100]);
  // 60 px: 1-2-5 is 18.1 px apart, too close; 1-3 is at least log10(3)·60 = 28.6 px.
  assert.deepEqual(shown(logAxisLabels(logChart(60), splits(2), 1)), [1, 3, 10, 30, 100]);
  // 30 px: 1-3 is 14.3 px; only the powers of ten, 30 px apart.
  assert.deepEqual(shown(logAxisLabels(logChart(30), splits(2), 1)), [1, 10, 100]);
});

test('logAxisLabels: crowded powers of ten keep every n-th; a linear axis keeps every split', () => {
  // 10 px a decade: every ⌈22/10⌉ = 3rd power of ten.
  assert.deepEqual(shown(logAxisLabels(logChart(10), splits(6), 1)), [1, 1000, 1e6]);
  const linear = [0, 0.25, 0.5];
  assert.deepEqual(logAxisLabels(logChart(100, 1), linear, 1), linear);
});

test('niceTicks: steps of 1, 2 or 5 times a power of ten, covering the range', () => {
  const { values, step } = niceTicks(0, 1, 5);
  assert.equal(step, 0.2);
  assert.equal(values.length, 6);
  for (const [i, v] of values.entries()) assert.ok(Math.abs(v - 0.2 * i) < 1e-12, `tick ${i} is ${v}`);
  assert.equal(niceTicks(-200, -100, 4).step, 50); // raw 25 → 50
  assert.deepEqual(niceTicks(-200, -100, 4).values, [-200, -150, -100]);
  assert.equal(niceTicks(-1, 1, 4).values[2], 0); // an exact 0, not a rounding residue
});

test('formatTick: as many decimals as the step needs; exponents at the extremes', () => {
  assert.equal(formatTick(0.6000000000000001, 0.2), '0.6');
  assert.equal(formatTick(-150, 50), '-150');
  assert.equal(formatTick(0.25, 0.05), '0.25');
  assert.equal(formatTick(2e6, 1e6), '2.0e+6');
  assert.equal(formatTick(5e-5, 1e-5), '5.0e-5');
});
