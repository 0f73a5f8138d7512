// Helpers shared by the surface page's browser tests.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const cli = process.env.PLAYGROUND_CLI ?? join(root, 'build/native/playground');

// The CLI's positions after `step` updates, per racer: [{x, y}] (from `playground run`).
export function cliPositions(link, step) {
  const csv = execFileSync(cli, ['run', link], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const positions = [];
  for (const line of csv.trim().split('\n').slice(1)) {
    const [racer, k, x, y] = line.split(',');
    if (Number(k) === step) positions[Number(racer)] = { x: Number(x), y: Number(y) };
  }
  return positions;
}

// The page pixel (for page.mouse) of surface point (x, y) on the map, given the view box.
export async function mapPixel(page, view, x, y) {
  // The map writes its plot area when it first draws (after the page's first layout).
  await page.waitForFunction(() => document.querySelector('[data-testid=surface-map]')?.dataset.plot);
  return page.$eval(
    '[data-testid=surface-map]',
    (canvas, [view, x, y]) => {
      const rect = canvas.getBoundingClientRect();
      const [left, top, width, height] = canvas.dataset.plot.split(',').map(Number);
      const [x0, x1, y0, y1] = view;
      return {
        x: rect.left + left + ((x - x0) / (x1 - x0)) * width,
        y: rect.top + top + ((y1 - y) / (y1 - y0)) * height,
      };
    },
    [view, x, y],
  );
}

// Key=value pairs of a link.
export function linkPairs(link) {
  return link.split('&').map((pair) => pair.split('='));
}
