// Learning curves of every racer per epoch (uPlot): loss (training solid, test dashed; log
// scale optional) and accuracy. Long runs are thinned to at most MAX_POINTS epochs per curve.
import { useEffect, useRef, useState } from 'preact/hooks';
import type uPlot from 'uplot';
import { usePageView } from '../classroom/view';
import { ChartFrame, type ChartSwitch } from '../components/ChartFrame';
import { darkAxes, fittedLogRange, useDarkChart } from '../components/darkChart';
import { formatNumber, formatPercent } from '../components/format';
import { racerColor } from '../components/racerColors';
import { useLang, useT } from '../i18n';
import type { LinkStore } from '../store';
import { useNews } from './hooks';
import { nameLabel } from './labels';
import { racerName } from './racerNames';
import { type ClassifyRunner, RacerHistory } from './runner';

const MAX_POINTS = 1500;
const CHART_HEIGHT = 190;

type Quantity = 'loss' | 'accuracy';
type Aligned = [number[], ...(number | null)[][]];

// x = epochs (every stride-th, and the last), two series (training, test) for each of the session
// racers `members` (of `racers` in all): always that shape, even while the histories already
// belong to a newer setup.
function alignedData(
  histories: RacerHistory[],
  racers: number,
  members: readonly number[],
  quantity: Quantity,
  positiveOnly: boolean,
): Aligned {
  const length = Math.max(0, ...histories.map((h) => h.length));
  const stride = Math.max(1, Math.ceil(length / MAX_POINTS));
  const rows: number[] = [];
  for (let k = 0; k < length; k += stride) rows.push(k);
  if (length > 0 && rows[rows.length - 1] !== length - 1) rows.push(length - 1);
  const data: Aligned = [rows];
  for (const i of members) {
    const h = histories.length === racers ? histories[i] : new RacerHistory();
    const [train, test] = quantity === 'loss' ? [h.trainLoss, h.testLoss] : [h.trainAcc, h.testAcc];
    for (const column of [train, test])
      data.push(
        rows.map((k) =>
          k < column.length && Number.isFinite(column[k]) && (!positiveOnly || column[k] > 0) ? column[k] : null,
        ),
      );
  }
  return data;
}

export function LearningCurves({ store, runner }: { store: LinkStore; runner: ClassifyRunner }) {
  const t = useT();
  const lang = useLang();
  const [logLoss, setLogLoss] = useState(true);
  useNews(runner, ['setup'], 0);
  const setup = runner.setup;
  if (!setup) return null;
  const names = Array.from({ length: setup.racerCount }, (_, i) => racerName(lang, store, setup, i));
  const everyone = names.map((_, i) => i);
  const toggle = { on: logLoss, set: setLogLoss, label: t('classify.curves.log') };
  // Cross-entropy and squared error are different units: comparing them, each gets its own chart.
  const losses = [...new Set(setup.losses)];
  const lossCharts =
    losses.length > 1
      ? losses.map((loss) => ({
          members: everyone.filter((i) => setup.losses[i] === loss),
          title: t('classify.curves.lossOf', {
            loss: nameLabel(lang, store.core.catalogue.losses.find((l) => l.name === loss) ?? { name: loss }),
          }),
          testId: `curve-loss-${loss}`,
        }))
      : [{ members: everyone, title: t('classify.curves.loss'), testId: 'curve-loss' }];
  return (
    <div class="curves" data-testid="curves">
      {lossCharts.map((chart) => (
        <Curve
          runner={runner}
          quantity="loss"
          names={names}
          members={chart.members}
          log={logLoss}
          title={chart.title}
          testId={chart.testId}
          toggle={toggle}
        />
      ))}
      {!setup.regression && (
        <Curve
          runner={runner}
          quantity="accuracy"
          names={names}
          members={everyone}
          log={false}
          title={t('classify.curves.accuracy')}
          testId="curve-accuracy"
        />
      )}
    </div>
  );
}

interface CurveProps {
  runner: ClassifyRunner;
  quantity: Quantity;
  names: string[]; // of every session racer
  members: number[]; // the session racers this chart plots
  log: boolean;
  title: string;
  testId: string;
  toggle?: ChartSwitch;
}

function Curve({ runner, quantity, names, members, log, title, testId, toggle }: CurveProps) {
  const t = useT();
  const lang = useLang();
  const holder = useRef<HTMLDivElement>(null);
  const readout = useRef<HTMLDivElement>(null);
  const tick = useNews(runner, ['frame', 'setup'], 250);
  const { present } = usePageView();

  const plot = useDarkChart(
    holder,
    (width, UPlot) => {
      const format = (v: number | null) =>
        v === null ? '–' : quantity === 'accuracy' ? formatPercent(v) : formatNumber(v, 5);
      const series: uPlot.Series[] = [
        { label: t('classify.curves.epoch'), value: (_u, v) => (v === null ? '–' : String(Math.round(v))) },
      ];
      members.forEach((i) => {
        for (const part of ['train', 'test'] as const)
          series.push({
            label: `${names[i]} · ${t(part === 'train' ? 'classify.curves.train' : 'classify.curves.test')}`,
            stroke: racerColor(i),
            width: part === 'train' ? 1.8 : 1.4,
            dash: part === 'test' ? [5, 4] : undefined,
            spanGaps: true,
            points: { size: 4 }, // shown by uPlot only while the epochs are few and far apart
            value: (_u: uPlot, v: number | null) => format(v),
          });
      });
      const options: uPlot.Options = {
        width,
        height: CHART_HEIGHT,
        scales: {
          x: { time: false },
          y: quantity === 'accuracy' ? { range: [0, 1] } : log ? { distr: 3, range: fittedLogRange } : { distr: 1 },
        },
        // The racer table above names the curves; a legend of 2 series per racer would not fit.
        legend: { show: false },
        cursor: { drag: { x: true, y: false } },
        axes: darkAxes((v) => (quantity === 'accuracy' ? `${Math.round(100 * v)}%` : formatNumber(v, 3)), 58, present),
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
              // The selected racer if this chart plots it, else its first.
              const at = Math.max(0, members.indexOf(runner.selected));
              const train = u.data[1 + 2 * at]?.[idx] ?? null;
              const test = u.data[2 + 2 * at]?.[idx] ?? null;
              line.textContent = t('classify.curves.readout', {
                epoch: u.data[0][idx],
                racer: names[members[at]],
                train: format(train),
                test: format(test),
              });
            },
          ],
        },
      };
      return new UPlot(
        options,
        alignedData(runner.histories, names.length, members, quantity, log) as uPlot.AlignedData,
        holder.current!,
      );
    },
    [log, lang, names.join('\n'), members.join(), runner, present],
    CHART_HEIGHT,
    240,
  );

  useEffect(() => {
    plot.current?.setData(alignedData(runner.histories, names.length, members, quantity, log) as uPlot.AlignedData);
  }, [tick]);

  return (
    <ChartFrame title={title} testId={testId} holder={holder} toggle={toggle}>
      <div ref={readout} class="chart-readout">
        {'\u00a0'}
      </div>
    </ChartFrame>
  );
}
