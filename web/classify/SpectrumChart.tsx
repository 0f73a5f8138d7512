// The Hessian's eigenvalues on a symmetric log axis (linear within ±τ, logarithmic beyond), on
// the charts' dark ground: each eigenvalue a stem from 0 in ascending order while there are few,
// a histogram when there are many. Negative ones warm, flat ones grey, positive ones cool.
import { useEffect, useRef } from 'preact/hooks';
import { crispCanvas } from '../components/canvas';
import { formatNumber } from '../components/format';
import { useT } from '../i18n';

export const SPECTRUM_STEMS_UP_TO = 64; // more eigenvalues than this: a histogram
const HISTOGRAM_BINS = 48;
export const SPECTRUM_COLOURS = { negative: '#ff8a5c', flat: '#9a96b0', positive: '#5fd3c6' };
const AXIS = '#c9c5de';
const GRID = 'rgba(255,255,255,0.1)';
const LEFT = 46;
const PAD = 8;

type Sign = keyof typeof SPECTRUM_COLOURS;

// sign(λ)·log10(1 + |λ|/c): linear for |λ| ≪ c, a decade per unit beyond.
function symlog(value: number, c: number): number {
  return Math.sign(value) * Math.log10(1 + Math.abs(value) / c);
}

function signOf(value: number, tau: number): Sign {
  return value > tau ? 'positive' : value < -tau ? 'negative' : 'flat';
}

// Ticks of the symmetric log axis: 0 and ±10^k within the range (every other decade when many).
function ticks(largest: number, c: number): number[] {
  const top = Math.floor(Math.log10(Math.max(largest, c)));
  const bottom = Math.ceil(Math.log10(c));
  const decades: number[] = [];
  for (let k = top; k >= bottom; --k) decades.push(10 ** k);
  const every = Math.max(1, Math.ceil(decades.length / 3));
  const kept = decades.filter((_, i) => i % every === 0);
  return [...kept, 0, ...kept.map((v) => -v)];
}

interface Props {
  eigenvalues: Float64Array;
  tolerance: number;
  counts: { negative: number; flat: number; positive: number };
}

export function SpectrumChart({ eigenvalues, tolerance, counts }: Props) {
  const t = useT();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const histogram = eigenvalues.length > SPECTRUM_STEMS_UP_TO;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || eigenvalues.length === 0) return;
    const { g, width, height } = crispCanvas(canvas);
    g.font = '10.5px system-ui, sans-serif';
    const largest = Math.max(...eigenvalues.map(Math.abs), 1e-300);
    const c = tolerance > 0 ? tolerance : largest > 0 ? largest * 1e-6 : 1;
    const extent = symlog(largest, c) || 1;
    const plotWidth = width - LEFT - PAD;

    // The value axis: vertical for stems, horizontal for the histogram.
    const valueTicks = ticks(largest, c);
    if (!histogram) {
      const y = (v: number) => height / 2 - (symlog(v, c) / extent) * (height / 2 - PAD);
      g.fillStyle = 'rgba(255,255,255,0.06)';
      g.fillRect(LEFT, y(tolerance), plotWidth, Math.max(1, y(-tolerance) - y(tolerance)));
      g.textAlign = 'right';
      g.textBaseline = 'middle';
      for (const v of valueTicks) {
        g.strokeStyle = GRID;
        g.beginPath();
        g.moveTo(LEFT, y(v));
        g.lineTo(width - PAD, y(v));
        g.stroke();
        g.fillStyle = AXIS;
        g.fillText(formatNumber(v, 2), LEFT - 4, y(v));
      }
      const step = plotWidth / eigenvalues.length;
      const barWidth = Math.max(1, Math.min(10, step * 0.6));
      eigenvalues.forEach((v, i) => {
        const x = LEFT + step * (i + 0.5);
        g.strokeStyle = SPECTRUM_COLOURS[signOf(v, tolerance)];
        g.fillStyle = g.strokeStyle;
        g.lineWidth = barWidth;
        g.beginPath();
        g.moveTo(x, y(0));
        g.lineTo(x, y(v));
        g.stroke();
        g.beginPath();
        g.arc(x, y(v), Math.max(2, barWidth / 2 + 1), 0, 2 * Math.PI);
        g.fill();
      });
      return;
    }

    // Histogram: bins of equal width in symlog units, stacked by sign.
    const bins = Array.from({ length: HISTOGRAM_BINS }, () => ({ negative: 0, flat: 0, positive: 0 }));
    const bin = (v: number) =>
      Math.min(HISTOGRAM_BINS - 1, Math.floor(((symlog(v, c) / extent + 1) / 2) * HISTOGRAM_BINS));
    for (const v of eigenvalues) bins[bin(v)][signOf(v, tolerance)]++;
    const most = Math.max(...bins.map((b) => b.negative + b.flat + b.positive));
    const bottom = height - 18;
    const x = (v: number) => LEFT + ((symlog(v, c) / extent + 1) / 2) * plotWidth;
    g.textAlign = 'center';
    g.textBaseline = 'top';
    for (const v of valueTicks) {
      g.strokeStyle = GRID;
      g.beginPath();
      g.moveTo(x(v), PAD);
      g.lineTo(x(v), bottom);
      g.stroke();
      g.fillStyle = AXIS;
      g.fillText(formatNumber(v, 2), x(v), bottom + 3);
    }
    g.textAlign = 'right';
    g.textBaseline = 'middle';
    g.fillText(String(most), LEFT - 4, PAD + 4);
    g.fillText('0', LEFT - 4, bottom);
    const binWidth = plotWidth / HISTOGRAM_BINS;
    bins.forEach((b, i) => {
      let top = bottom;
      for (const sign of ['negative', 'flat', 'positive'] as Sign[]) {
        const h = (b[sign] / most) * (bottom - PAD);
        if (h <= 0) continue;
        g.fillStyle = SPECTRUM_COLOURS[sign];
        g.fillRect(LEFT + i * binWidth + 0.5, top - h, Math.max(1, binWidth - 1), h);
        top -= h;
      }
    });
  });

  return (
    <figure class="chart spectrum-chart">
      <figcaption>
        <span>{t(histogram ? 'classify.critical.histogram' : 'classify.critical.spectrum')}</span>
      </figcaption>
      <canvas
        ref={canvasRef}
        data-testid="spectrum"
        data-mode={histogram ? 'histogram' : 'stems'}
        role="img"
        aria-label={t('classify.critical.spectrum.label', { parameters: eigenvalues.length, ...counts })}
      />
      <div class="spectrum-legend">
        {(['negative', 'flat', 'positive'] as Sign[]).map((sign) => (
          <span key={sign}>
            <i style={{ background: SPECTRUM_COLOURS[sign] }} />
            {t(`classify.critical.legend.${sign}`, { count: counts[sign] })}
          </span>
        ))}
      </div>
    </figure>
  );
}
