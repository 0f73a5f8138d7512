// Downloads: the map with its paths as PNG, and every racer's recorded trajectory as CSV in the
// CLI's format (racer,step,x,y,loss,grad_norm,lr; long runs keep every stride-th update).
import type { SurfaceSessionHandle } from '../core';

export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function exportPng(canvas: HTMLCanvasElement, name: string): void {
  canvas.toBlob((blob) => blob && download(blob, `${name}.png`), 'image/png');
}

export function trajectoriesCsv(session: SurfaceSessionHandle): string {
  const lines = ['racer,step,x,y,loss,grad_norm,lr'];
  const columns = ['steps', 'x', 'y', 'loss', 'grad_norm', 'lr'] as const;
  for (let i = 0; i < session.racerCount(); ++i) {
    const data = columns.map((c) => session.column(i, c).slice());
    for (let k = 0; k < data[0].length; ++k) lines.push([i, ...data.map((column) => column[k])].join(','));
  }
  return `${lines.join('\n')}\n`;
}

export function exportCsv(session: SurfaceSessionHandle, name: string): void {
  download(new Blob([trajectoriesCsv(session)], { type: 'text/csv' }), `${name}.csv`);
}
