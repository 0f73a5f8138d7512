// Judges a question against what the run actually did: the racers' numbers at its end, as the
// mode's controller reports them (automation.ts: surface {x, y, loss, status, statusZh}, classify
// {trainLoss, testLoss, trainAcc, testAcc, status, statusZh}).
import type { Outcome, Quantity } from './format';

export type RacerEnd = Record<string, unknown>;

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

export function holds(outcome: Outcome, racers: RacerEnd[]): boolean {
  if ('not' in outcome) return !holds(outcome.not, racers);
  if ('all' in outcome) return outcome.all.every((part) => holds(part, racers));
  if ('lowest' in outcome) return extreme(racers, outcome.lowest, outcome.racer, -1);
  if ('highest' in outcome) return extreme(racers, outcome.highest, outcome.racer, 1);
  const racer = racers[outcome.racer];
  if (!racer) return false;
  if ('diverged' in outcome) return diverged(racer) === outcome.diverged;
  if ('near' in outcome) {
    const distance = Math.hypot(number(racer, 'x') - outcome.near[0], number(racer, 'y') - outcome.near[1]);
    return distance < outcome.within;
  }
  const value = number(racer, outcome.quantity);
  if (!Number.isFinite(value)) return false;
  return (
    (outcome.below === undefined || value < outcome.below) && (outcome.above === undefined || value > outcome.above)
  );
}
