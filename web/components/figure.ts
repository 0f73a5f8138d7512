// A figure to hand over as a PNG: a canvas (the surface map, a decision map) with its legend
// under it (a title, then one line per entry: a dot in the entry's colour and its words) and
// optional labels drawn on the picture itself (each racer's number at its point), on white, at
// the canvas's own resolution. A PNG without them cannot be read once it leaves the page.
import { downloadBlob } from './download';

export interface LegendEntry {
  colour: string;
  label: string;
}

// A label at (x, y), in the canvas's CSS pixels.
export interface FigureMark {
  x: number;
  y: number;
  text: string;
  colour: string;
}

export interface Figure {
  title: string;
  entries: LegendEntry[];
  marks?: FigureMark[];
}

const LINE = 20; // CSS pixels per legend line
const PAD = 10;
const FONT = 'system-ui, -apple-system, "Segoe UI", "PingFang SC", "Noto Sans CJK SC", sans-serif';
const TITLE_FONT = `600 13px ${FONT}`;
const ENTRY_FONT = `12px ${FONT}`;

export function figureCanvas(source: HTMLCanvasElement, figure: Figure): HTMLCanvasElement {
  const ratio = source.clientWidth > 0 ? source.width / source.clientWidth : 1;
  const width = source.width / ratio;
  const out = document.createElement('canvas');
  const g = out.getContext('2d')!;
  // Words wrapped to the picture's width: the title, then each entry beside its dot.
  g.font = TITLE_FONT;
  const title = wrap(g, figure.title, width - 2 * PAD);
  g.font = ENTRY_FONT;
  const entries = figure.entries.map((entry) => wrap(g, entry.label, width - 3 * PAD - 12));
  const lines = title.length + entries.reduce((sum, e) => sum + e.length, 0);
  out.width = source.width;
  out.height = Math.round(source.height + (2 * PAD + LINE * lines) * ratio);
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, out.width, out.height);
  g.drawImage(source, 0, 0);
  g.setTransform(ratio, 0, 0, ratio, 0, 0);
  g.textBaseline = 'middle';
  g.lineJoin = 'round';
  for (const mark of mergedMarks(figure.marks ?? [])) {
    g.font = `bold 12px ${FONT}`;
    g.lineWidth = 3;
    g.strokeStyle = 'rgba(0,0,0,0.8)';
    g.strokeText(mark.text, mark.x + 8, mark.y - 9);
    g.fillStyle = mark.colour;
    g.fillText(mark.text, mark.x + 8, mark.y - 9);
  }
  let y = source.height / ratio + PAD + LINE / 2;
  g.fillStyle = '#1d1b2c';
  g.font = TITLE_FONT;
  for (const line of title) {
    g.fillText(line, PAD, y);
    y += LINE;
  }
  g.font = ENTRY_FONT;
  figure.entries.forEach((entry, i) => {
    g.beginPath();
    g.arc(PAD + 6, y, 5.5, 0, 2 * Math.PI);
    g.fillStyle = entry.colour;
    g.fill();
    g.lineWidth = 2;
    g.strokeStyle = '#1d1b2c';
    g.stroke();
    g.fillStyle = '#1d1b2c';
    for (const line of entries[i]) {
      g.fillText(line, PAD + 18, y);
      y += LINE;
    }
  });
  return out;
}

// `text` in lines of at most `width` pixels in the current font, broken at spaces (or anywhere
// in a word longer than a line, as Chinese text is).
function wrap(g: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/(?<= )/)) {
    if (g.measureText(line + word).width <= width) {
      line += word;
      continue;
    }
    if (line) lines.push(line.trimEnd());
    line = '';
    for (const char of word) {
      if (line && g.measureText(line + char).width > width) {
        lines.push(line);
        line = '';
      }
      line += char;
    }
  }
  if (line.trim() || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

// Labels of points that (nearly) coincide, as racers stuck at one saddle point, become one
// label "1, 2, 3" in the first one's colour instead of a pile of digits.
function mergedMarks(marks: FigureMark[]): FigureMark[] {
  const merged: FigureMark[] = [];
  for (const mark of marks) {
    const near = merged.find((m) => Math.hypot(m.x - mark.x, m.y - mark.y) < 8);
    if (near) near.text = `${near.text}, ${mark.text}`;
    else merged.push({ ...mark });
  }
  return merged;
}

// `name` without its extension.
export function downloadFigurePng(source: HTMLCanvasElement, figure: Figure, name: string): void {
  figureCanvas(source, figure).toBlob((blob) => blob && downloadBlob(blob, `${name}.png`), 'image/png');
}
