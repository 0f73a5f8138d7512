// Every racer's learning curves as CSV in the CLI's format
// (racer,epoch,train_loss,test_loss,train_acc,test_acc,lr; full precision), so a file from the
// page and `playground run` on the same link can be compared line by line.
import type { RacerHistory } from './runner';

// A regression's accuracy is NaN in the history: an empty cell, as the CLI prints it.
const cell = (value: number) => (Number.isNaN(value) ? '' : value);

export function curvesCsv(histories: readonly RacerHistory[]): string {
  const lines = ['racer,epoch,train_loss,test_loss,train_acc,test_acc,lr'];
  histories.forEach((h, racer) => {
    for (let k = 0; k < h.length; ++k)
      lines.push(
        [racer, h.epoch[k], h.trainLoss[k], h.testLoss[k], cell(h.trainAcc[k]), cell(h.testAcc[k]), h.lr[k]].join(','),
      );
  });
  return `${lines.join('\n')}\n`;
}
