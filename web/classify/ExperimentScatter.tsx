// The lecture's figure, drawn as the runs arrive: x = minimum ratio (0 … 1), y = training loss
// J (a log axis when the losses span more than two decades), one point per run coloured by its
// kind (hollow where the search found no critical point). Hovering a point names its run; a
// click opens that run's link.
import { useEffect, useRef, useState } from 'preact/hooks';
import { crispCanvas } from '../components/canvas';
import { formatNumber } from '../components/format';
import { useT } from '../i18n';
import type { MinimumRatioRow } from './session';

export const KIND_COLOURS: Record<MinimumRatioRow['kind'], string> = {
  minimum: '#5fd38a',
  degenerate: '#7fa8ff',
  saddle: '#ffc145',
  maximum: '#ff6b6b',
  'not-critical': '#9a96b0',
};
const AXIS = '#c9c5de';
const GRID = 'rgba(255,255,255,0.1)';
const LEFT = 50;
const RIGHT = 12;
const TOP = 10;
const BOTTOM = 34;
const RADIUS = 4.5;
const HIT_PX = 9;

interface Layout {
  x: (ratio: number) => number;
  y: (loss: number) => number;
  log: boolean;
  yTicks: number[];
}

function layout(rows: MinimumRatioRow[], width: number, height: number): Layout {
  const losses = rows.map((r) => r.objective).filter((v) => Number.isFinite(v));
  const positive = losses.filter((v) => v > 0);
  // Before the first run: a linear axis 0 … 1.
  const high = losses.length > 0 ? Math.max(...losses, 1e-12) : 1 / 1.1;
  const low = Math.min(...positive, high);
  const log = positive.length === losses.length && losses.length > 1 && high / low > 100;
  const x = (ratio: number) => LEFT + ratio * (width - LEFT - RIGHT);
  const plotHeight = height - TOP - BOTTOM;
  if (log) {
    const top = Math.ceil(Math.log10(high));
    const bottom = Math.floor(Math.log10(low));
    const span = Math.max(1, top - bottom);
    const every = Math.max(1, Math.ceil(span / 5));
    const yTicks: number[] = [];
    for (let k = bottom; k <= top; k += every) yTicks.push(10 ** k);
    return { x, y: (loss) => TOP + plotHeight * (1 - (Math.log10(loss) - bottom) / span), log, yTicks };
  }
  const top = high * 1.1;
  return { x, y: (loss) => TOP + plotHeight * (1 - loss / top), log, yTicks: [0, top / 4, top / 2, (3 * top) / 4] };
}

// The tip beside its point, inside the chart: above it (below near the top), centred (to the
// left near the right edge, to the right near the left edge).
function tipPlacement(at: { left: number; top: number }, canvas: HTMLCanvasElement | null): string {
  const width = canvas?.clientWidth ?? 0;
  const x = at.left > width - 140 ? 'calc(-100% + 8px)' : at.left < 140 ? '-8px' : '-50%';
  const y = at.top < 50 ? '12px' : 'calc(-100% - 10px)';
  return `translate(${x}, ${y})`;
}

interface Props {
  rows: MinimumRatioRow[];
  onOpen: (row: MinimumRatioRow) => void;
}

export function ExperimentScatter({ rows, onOpen }: Props) {
  const t = useT();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<{ row: MinimumRatioRow; left: number; top: number } | null>(null);
  const box = useRef<Layout | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const { g, width, height } = crispCanvas(canvas);
    const at = layout(rows, width, height);
    box.current = at;
    g.font = '10.5px system-ui, sans-serif';
    g.lineWidth = 1;
    g.textAlign = 'center';
    g.textBaseline = 'top';
    for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
      g.strokeStyle = GRID;
      g.beginPath();
      g.moveTo(at.x(tick), TOP);
      g.lineTo(at.x(tick), height - BOTTOM);
      g.stroke();
      g.fillStyle = AXIS;
      g.fillText(String(tick), at.x(tick), height - BOTTOM + 4);
    }
    g.fillText(t('classify.experiment.axisX'), (LEFT + width - RIGHT) / 2, height - 14);
    g.textAlign = 'right';
    g.textBaseline = 'middle';
    for (const tick of at.yTicks) {
      g.strokeStyle = GRID;
      g.beginPath();
      g.moveTo(LEFT, at.y(tick));
      g.lineTo(width - RIGHT, at.y(tick));
      g.stroke();
      g.fillStyle = AXIS;
      g.fillText(formatNumber(tick, 2), LEFT - 4, at.y(tick));
    }
    g.save();
    g.translate(11, (TOP + height - BOTTOM) / 2);
    g.rotate(-Math.PI / 2);
    g.textAlign = 'center';
    g.fillText(t(at.log ? 'classify.experiment.axisYLog' : 'classify.experiment.axisY'), 0, 0);
    g.restore();
    for (const row of rows) {
      if (!Number.isFinite(row.objective)) continue;
      g.beginPath();
      g.arc(at.x(row.minimumRatio), at.y(row.objective), RADIUS, 0, 2 * Math.PI);
      g.strokeStyle = KIND_COLOURS[row.kind];
      g.lineWidth = 1.5;
      if (row.kind === 'not-critical') g.stroke();
      else {
        g.fillStyle = KIND_COLOURS[row.kind];
        g.fill();
      }
    }
  });

  const nearest = (event: MouseEvent) => {
    const canvas = canvasRef.current;
    const at = box.current;
    if (!canvas || !at) return null;
    const rect = canvas.getBoundingClientRect();
    const px = event.clientX - rect.left;
    const py = event.clientY - rect.top;
    let best: { row: MinimumRatioRow; distance: number; left: number; top: number } | null = null;
    for (const row of rows) {
      if (!Number.isFinite(row.objective)) continue;
      const left = at.x(row.minimumRatio);
      const top = at.y(row.objective);
      const distance = Math.hypot(left - px, top - py);
      if (distance <= HIT_PX && (!best || distance < best.distance)) best = { row, distance, left, top };
    }
    return best;
  };

  return (
    <div class="experiment-scatter">
      <canvas
        ref={canvasRef}
        data-testid="experiment-scatter"
        data-points={rows.length}
        role="img"
        aria-label={t('classify.experiment.chart')}
        style={{ cursor: hover ? 'pointer' : 'default' }}
        onMouseMove={(event) => setHover(nearest(event))}
        onMouseLeave={() => setHover(null)}
        onClick={(event) => {
          const hit = nearest(event);
          if (hit) onOpen(hit.row);
        }}
      />
      {hover && (
        <div
          class="scatter-tip"
          data-testid="experiment-tip"
          style={{ left: `${hover.left}px`, top: `${hover.top}px`, transform: tipPlacement(hover, canvasRef.current) }}
        >
          {t('classify.experiment.point', {
            run: hover.row.run,
            seed: hover.row.seed,
            ratio: formatNumber(hover.row.minimumRatio, 3),
            loss: formatNumber(hover.row.objective, 4),
            kind: t(`kind.${hover.row.kind}`),
          })}
          <br />
          <span class="muted">{t('classify.experiment.open')}</span>
        </div>
      )}
    </div>
  );
}
