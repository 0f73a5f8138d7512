// Judges a question against what the run actually did: the racers' numbers at its end, as the
// mode's controller reports them (automation.ts: surface {x, y, loss, status, statusZh}, classify
// {trainLoss, testLoss, trainAcc, testAcc, status, statusZh}), and on the classification page the
// network's Hessian analysis there (playground.hessian()) or the minimum-ratio experiment's runs.
import type { AnalysisQuantity, ExperimentStatistic, Outcome, PointKind, Quantity } from './format';

export type RacerEnd = Record<string, unknown>;

// The analysis as playground.hessian() reports it (the parts a lesson reads).
export interface NetworkAnalysis {
  kind: PointKind;
  objective: number;
  gradientNorm: number;
  minimumRatio: number;
  negative: number;
  lambdaMaxLr: number;
  escape: { plus: number; minus: number } | null;
}

// One run of the experiment (a row of playground.minimumRatio(K)).
export interface ExperimentRun {
  kind: PointKind;
  minimumRatio: number;
  objective: number;
}

export interface RunEnd {
  racers: RacerEnd[];
  analysis?: NetworkAnalysis | null; // null: asked for, but the network has none (too large)
  experiment?: ExperimentRun[];
}

export function analysisNumber(analysis: NetworkAnalysis | null | undefined, quantity: AnalysisQuantity): number {
  if (!analysis) return Number.NaN;
  if (quantity === 'escapePlus') return analysis.escape?.plus ?? Number.NaN;
  if (quantity === 'escapeMinus') return analysis.escape?.minus ?? Number.NaN;
  return analysis[quantity];
}

export function experimentNumber(runs: ExperimentRun[] | undefined, statistic: ExperimentStatistic): number {
  if (!runs) return Number.NaN;
  if ('count' in statistic) return runs.filter((run) => run.kind === statistic.count).length;
  const quantity = 'smallest' in statistic ? statistic.smallest : statistic.largest;
  const values = runs.filter((run) => !statistic.kind || run.kind === statistic.kind).map((run) => run[quantity]);
  if (values.length === 0) return Number.NaN;
  return 'smallest' in statistic ? Math.min(...values) : Math.max(...values);
}

// Whether judging the outcome needs the network's analysis, or the experiment's runs.
export function needs(outcome: Outcome, what: 'analysis' | 'experiment'): boolean {
  if ('not' in outcome) return needs(outcome.not, what);
  if ('all' in outcome) return outcome.all.some((part) => needs(part, what));
  return what === 'analysis' ? 'analysis' in outcome || 'kind' in outcome : 'experiment' in outcome;
}

function number(racer: RacerEnd | undefined, quantity: Quantity): number {
  const value = racer?.[quantity];
  return typeof value === 'number' ? value : Number.NaN;
}

export function diverged(racer: RacerEnd | undefined): boolean {
  return typeof racer?.status === 'string' && racer.status.startsWith('diverged');
}

// This racer's value is strictly beyond every other racer's: above them all (direction 1) or
// below them all (direction −1).
function extreme(racers: RacerEnd[], quantity: Quantity, index: number, direction: 1 | -1): boolean {
  const mine = number(racers[index], quantity);
  if (!Number.isFinite(mine)) return false;
  return racers.every((other, i) => i === index || direction * (mine - number(other, quantity)) > 0);
}

// A finite value within the strict bounds.
function within(value: number, bounds: { below?: number; above?: number }): boolean {
  if (!Number.isFinite(value)) return false;
  return (bounds.below === undefined || value < bounds.below) && (bounds.above === undefined || value > bounds.above);
}

export function holds(outcome: Outcome, end: RunEnd): boolean {
  const { racers } = end;
  if ('not' in outcome) return !holds(outcome.not, end);
  if ('all' in outcome) return outcome.all.every((part) => holds(part, end));
  if ('lowest' in outcome) return extreme(racers, outcome.lowest, outcome.racer, -1);
  if ('highest' in outcome) return extreme(racers, outcome.highest, outcome.racer, 1);
  if ('analysis' in outcome) return within(analysisNumber(end.analysis, outcome.analysis), outcome);
  if ('kind' in outcome) return end.analysis?.kind === outcome.kind;
  if ('experiment' in outcome) return within(experimentNumber(end.experiment, outcome.experiment), outcome);
  const racer = racers[outcome.racer];
  if (!racer) return false;
  if ('diverged' in outcome) return diverged(racer) === outcome.diverged;
  if ('near' in outcome) {
    const distance = Math.hypot(number(racer, 'x') - outcome.near[0], number(racer, 'y') - outcome.near[1]);
    return distance < outcome.within;
  }
  return within(number(racer, outcome.quantity), outcome);
}
