// Learning curves of every racer per epoch (uPlot): loss (training solid, test dashed; log
// scale optional) and accuracy. Long runs are thinned to at most MAX_POINTS epochs per curve.
import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import { useLang, useT } from '../i18n';
import type { LinkStore } from '../store';
import { racerColor } from '../components/racerColors';
import { formatNumber } from '../components/format';
import { useNews } from './hooks';
import { racerName } from './racerNames';
import { type ClassifyRunner, RacerHistory } from './runner';

const MAX_POINTS = 1500;
const CHART_HEIGHT = 190;

type Quantity = 'loss' | 'accuracy';
type Aligned = [number[], ...(number | null)[][]];

// x = epochs (every stride-th, and the last), two series (training, test) for each of `racers`
// racers: always that shape, even while the histories already belong to a newer setup.
function alignedData(histories: RacerHistory[], racers: number, quantity: Quantity, positiveOnly: boolean): Aligned {
  const length = Math.max(0, ...histories.map((h) => h.length));
  const stride = Math.max(1, Math.ceil(length / MAX_POINTS));
  const rows: number[] = [];
  for (let k = 0; k < length; k += stride) rows.push(k);
  if (length > 0 && rows[rows.length - 1] !== length - 1) rows.push(length - 1);
  const data: Aligned = [rows];
  for (let i = 0; i < racers; ++i) {
    const h = histories.length === racers ? histories[i] : new RacerHistory();
    const [train, test] = quantity === 'loss' ? [h.trainLoss, h.testLoss] : [h.trainAcc, h.testAcc];
    for (const column of [train, test])
      data.push(rows.map((k) => (k < column.length && Number.isFinite(column[k]) && (!positiveOnly || column[k] > 0) ? column[k] : null)));
  }
  return data;
}

export function LearningCurves({ store, runner }: { store: LinkStore; runner: ClassifyRunner }) {
  const t = useT();
  const [logLoss, setLogLoss] = useState(true);
  useNews(runner, ['setup'], 0);
  const setup = runner.setup;
  if (!setup) return null;
  const names = Array.from({ length: setup.racerCount }, (_, i) => racerName(t, store, setup, i));
  return (
    <div class="curves" data-testid="curves">
      <Curve runner={runner} quantity="loss" names={names} log={logLoss} title={t('classify.curves.loss')} toggle={{ on: logLoss, set: setLogLoss }} />
      {!setup.regression && <Curve runner={runner} quantity="accuracy" names={names} log={false} title={t('classify.curves.accuracy')} />}
    </div>
  );
}

interface CurveProps {
  runner: ClassifyRunner;
  quantity: Quantity;
  names: string[];
  log: boolean;
  title: string;
  toggle?: { on: boolean; set: (on: boolean) => void };
}

function Curve({ runner, quantity, names, log, title, toggle }: CurveProps) {
  const t = useT();
  const lang = useLang();
  const holder = useRef<HTMLDivElement>(null);
  const readout = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const tick = useNews(runner, ['frame', 'setup'], 250);
  const shape = `${log}|${lang}|${names.join('\n')}`;

  useEffect(() => {
    const element = holder.current!;
    const format = (v: number | null) => (v === null ? '–' : quantity === 'accuracy' ? `${(100 * v).toFixed(1)}%` : formatNumber(v, 5));
    const series: uPlot.Series[] = [{ label: t('classify.curves.epoch'), value: (_u, v) => (v === null ? '–' : String(Math.round(v))) }];
    names.forEach((name, i) => {
      for (const part of ['train', 'test'] as const)
        series.push({
          label: `${name} · ${t(part === 'train' ? 'classify.curves.train' : 'classify.curves.test')}`,
          stroke: racerColor(i),
          width: part === 'train' ? 1.8 : 1.4,
          dash: part === 'test' ? [5, 4] : undefined,
          spanGaps: true,
          points: { size: 4 }, // shown by uPlot only while the epochs are few and far apart
          value: (_u: uPlot, v: number | null) => format(v),
        });
    });
    const options: uPlot.Options = {
      width: Math.max(240, element.clientWidth),
      height: CHART_HEIGHT,
      scales: { x: { time: false }, y: quantity === 'accuracy' ? { range: [0, 1] } : { distr: log ? 3 : 1 } },
      // The racer table above names the curves; a legend of 2 series per racer would not fit.
      legend: { show: false },
      cursor: { drag: { x: true, y: false } },
      axes: [
        { stroke: '#c9c5de', grid: { stroke: 'rgba(255,255,255,0.07)' }, ticks: { stroke: 'rgba(255,255,255,0.2)' } },
        {
          stroke: '#c9c5de',
          grid: { stroke: 'rgba(255,255,255,0.07)' },
          ticks: { stroke: 'rgba(255,255,255,0.2)' },
          size: 58,
          values: (_u, values) => values.map((v) => (v === null ? '' : quantity === 'accuracy' ? `${Math.round(100 * v)}%` : formatNumber(v, 3))),
        },
      ],
      series,
      hooks: {
        // Under the chart: the epoch under the pointer and the selected racer's two values.
        setCursor: [
          (u) => {
            const idx = u.cursor.idx;
            const line = readout.current;
            if (!line) return;
            if (idx === null || idx === undefined) {
              line.textContent = '\u00a0';
              return;
            }
            const racer = Math.min(runner.selected, names.length - 1);
            const train = u.data[1 + 2 * racer]?.[idx] ?? null;
            const test = u.data[2 + 2 * racer]?.[idx] ?? null;
            line.textContent = t('classify.curves.readout', {
              epoch: u.data[0][idx],
              racer: names[racer],
              train: format(train),
              test: format(test),
            });
          },
        ],
      },
    };
    plot.current = new uPlot(options, alignedData(runner.histories, names.length, quantity, log) as uPlot.AlignedData, element);
    const observer = new ResizeObserver(() => plot.current?.setSize({ width: Math.max(240, element.clientWidth), height: CHART_HEIGHT }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [shape, runner]);

  useEffect(() => {
    plot.current?.setData(alignedData(runner.histories, names.length, quantity, log) as uPlot.AlignedData);
  }, [tick]);

  return (
    <figure class="chart" data-testid={`curve-${quantity}`}>
      <figcaption>
        <span>{title}</span>
        {toggle && (
          <label class="field-check">
            <input type="checkbox" checked={toggle.on} onChange={(e) => toggle.set((e.currentTarget as HTMLInputElement).checked)} />
            {t('classify.curves.log')}
          </label>
        )}
      </figcaption>
      <div ref={holder} class="chart-plot" />
      <div ref={readout} class="chart-readout">
        {'\u00a0'}
      </div>
    </figure>
  );
}
