// Every racer's recorded trajectory as CSV in the CLI's format
// (racer,step,x,y,loss,grad_norm,lr,sample_grad_norm; long runs keep every stride-th update), so a
// file from the page and `playground run` on the same link can be compared line by line.
import type { SurfaceSessionHandle } from '../core';

export function trajectoriesCsv(session: SurfaceSessionHandle): string {
  const lines = ['racer,step,x,y,loss,grad_norm,lr,sample_grad_norm'];
  const columns = ['steps', 'x', 'y', 'loss', 'grad_norm', 'lr', 'sample_grad_norm'] as const;
  for (let i = 0; i < session.racerCount(); ++i) {
    const data = columns.map((c) => session.column(i, c).slice());
    for (let k = 0; k < data[0].length; ++k) lines.push([i, ...data.map((column) => column[k])].join(','));
  }
  return `${lines.join('\n')}\n`;
}
