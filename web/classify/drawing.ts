// Hand-drawn data: the points of `data=drawn` as the link writes them (x,y,class;...), edited
// by clicks on the map, and read from / written to CSV files. Every result still goes through
// the core's codec, which has the last word on limits.

export type DrawnPoint = [number, number, number]; // x, y, class

// Two decimals are far finer than a click on a 100-cell map, and keep links short.
export function roundCoordinate(v: number): number {
  return Math.round(v * 100) / 100;
}

export function pointsText(points: readonly DrawnPoint[]): string {
  return points.map(([x, y, k]) => `${x},${y},${k}`).join(';');
}

export function withPoint(points: readonly DrawnPoint[], x: number, y: number, k: number): DrawnPoint[] {
  return [...points, [roundCoordinate(x), roundCoordinate(y), k]];
}

// Removes the point nearest to (x, y) if it lies within `radius`.
export function withoutNearest(
  points: readonly DrawnPoint[],
  x: number,
  y: number,
  radius: number,
): DrawnPoint[] | null {
  let best = -1;
  let bestDistance = radius * radius;
  points.forEach(([px, py], i) => {
    const d = (px - x) ** 2 + (py - y) ** 2;
    if (d <= bestDistance) {
      best = i;
      bestDistance = d;
    }
  });
  return best < 0 ? null : points.filter((_, i) => i !== best);
}

export function pointsCsv(points: readonly DrawnPoint[]): string {
  return `x,y,class\n${points.map((p) => p.join(',')).join('\n')}\n`;
}

export type CsvProblem =
  | { kind: 'columns'; line: number; count: number }
  | { kind: 'number'; line: number; text: string }
  | { kind: 'range'; line: number; limit: number }
  | { kind: 'class'; line: number; max: number }
  | { kind: 'too-many'; line: number; max: number }
  | { kind: 'empty' };

export interface CsvLimits {
  halfWidth: number; // |x|, |y| at most this
  classes: number; // classes 0 … classes − 1
  points: number; // at most this many points
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

// Reads "x,y,class" lines (a header line, blank lines and lines starting with # are skipped);
// the first problem ends the reading and names its line (1-based).
export function readPointsCsv(text: string, limits: CsvLimits): { points: DrawnPoint[] } | { problem: CsvProblem } {
  const points: DrawnPoint[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let started = false;
  for (let i = 0; i < lines.length; ++i) {
    const line = i + 1;
    const content = lines[i].trim();
    if (content === '' || content.startsWith('#')) continue;
    const cells = content.split(/[,;\t]/).map((c) => c.trim());
    // A header: the first line, when none of its cells is a number ("x,y,class").
    if (!started && cells.every((c) => !NUMBER.test(c))) {
      started = true;
      continue;
    }
    started = true;
    if (cells.length !== 3) return { problem: { kind: 'columns', line, count: cells.length } };
    const bad = cells.find((c) => !NUMBER.test(c));
    if (bad !== undefined) return { problem: { kind: 'number', line, text: bad.slice(0, 24) } };
    const [x, y, k] = cells.map(Number);
    if (Math.abs(x) > limits.halfWidth || Math.abs(y) > limits.halfWidth)
      return { problem: { kind: 'range', line, limit: limits.halfWidth } };
    if (!Number.isInteger(k) || k < 0 || k >= limits.classes)
      return { problem: { kind: 'class', line, max: limits.classes - 1 } };
    if (points.length === limits.points) return { problem: { kind: 'too-many', line, max: limits.points } };
    points.push([x, y, k]);
  }
  if (points.length === 0) return { problem: { kind: 'empty' } };
  return { points };
}
