// A small plot of η_t for t = 0 … the step limit, as the core's schedule computes it, on the dark
// ground of the map and charts (the racers' colours are chosen for it: racer 2 is white).
import { useEffect, useRef } from 'preact/hooks';
import type { Core } from '../core';
import { useT } from '../i18n';
import { crispCanvas } from './canvas';
import { formatNumber } from './format';

const SAMPLES = 160;

export function SchedulePreview({
  core,
  racerText,
  steps,
  color,
}: {
  core: Core;
  racerText: string;
  steps: number;
  color: string;
}) {
  const t = useT();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rates = (() => {
    try {
      return core.scheduleRates(racerText, Math.max(1, steps), SAMPLES);
    } catch {
      return null;
    }
  })();
  const max = rates ? Math.max(...rates) : 0;
  const min = rates ? Math.min(...rates) : 0;
  const last = rates ? rates[rates.length - 1] : 0;
  // A schedule that spans more than two decades (invsqrt, noam, exponential) reads better on a
  // log axis.
  const log = min > 0 && max / min > 100;

  // The canvas's size from a ResizeObserver, which reads it after the browser's own layout:
  // reading clientWidth after every render forced a layout of the whole page (65 ms at start-up).
  const size = useRef<{ width: number; height: number } | null>(null);
  const paint = () => {
    const canvas = canvasRef.current;
    if (!canvas || !rates || !size.current) return;
    const { g, width, height } = crispCanvas(canvas, size.current);
    const top = max > 0 ? max : 1;
    const share = (rate: number) => (log ? Math.log(rate / min) / Math.log(max / min) : rate / top);
    g.beginPath();
    for (let k = 0; k < rates.length; ++k) {
      const x = (k / (rates.length - 1)) * (width - 2) + 1;
      const y = height - 2 - share(rates[k]) * (height - 12);
      if (k === 0) g.moveTo(x, y);
      else g.lineTo(x, y);
    }
    g.lineWidth = 1.5;
    g.strokeStyle = color;
    g.stroke();
    g.lineTo(width - 1, height - 1);
    g.lineTo(1, height - 1);
    g.closePath();
    g.globalAlpha = 0.18;
    g.fillStyle = color;
    g.fill();
  };
  const latestPaint = useRef(paint);
  latestPaint.current = paint;
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const observer = new ResizeObserver(([entry]) => {
      size.current = { width: entry.contentRect.width, height: entry.contentRect.height };
      latestPaint.current();
    });
    observer.observe(canvas);
    return () => observer.disconnect();
  }, [rates === null]);
  useEffect(paint);

  if (!rates) return null;
  return (
    <div class="schedule-preview" title={t('schedule.preview.title')}>
      <canvas ref={canvasRef} data-testid="schedule-preview" />
      <div class="schedule-preview-axis">
        <span>t = 0: {formatNumber(rates[0])}</span>
        <span>
          {t('schedule.preview.peak', { max: formatNumber(max) })}
          {log && ` · ${t('schedule.preview.log')}`}
        </span>
        <span>
          t = {steps}: {formatNumber(last)}
        </span>
      </div>
    </div>
  );
}
