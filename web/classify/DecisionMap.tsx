// The output map: the selected racer's decision over [-6, 6]² (the core's 100×100 grid, drawn
// smoothly upscaled), the training points (white rim) and, when shown, the test points (dark
// rim). With drawn data a click adds a point of the chosen class and a shift-click removes the
// nearest one. The readout under the map gives the position and the prediction there.
import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { pick, useLang, useT } from '../i18n';
import type { LinkStore } from '../store';
import { paintDecision, pointColour } from './colors';
import { type DrawnPoint, pointsText, withoutNearest, withPoint } from './drawing';
import { DECISION_GRID_SIZE } from './protocol';
import type { ClassifyRunner } from './runner';

const HALF_WIDTH = 6;
const REMOVE_RADIUS_PX = 10;

interface Props {
  store: LinkStore;
  runner: ClassifyRunner;
  drawClass: number;
  canvasRef: Ref<HTMLCanvasElement>;
}

interface Readout {
  x: number;
  y: number;
  text: string;
}

export function DecisionMap({ store, runner, drawClass, canvasRef }: Props) {
  const t = useT();
  const lang = useLang();
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const [readout, setReadout] = useState<Readout | null>(null);
  const [problem, setProblem] = useState('');
  const show = store.state.show;
  const drawing = store.state.classify!.data === 'drawn';

  // Drawn on the runner's news and on display changes, once per animation frame.
  useEffect(() => {
    const element = canvas.current!;
    const grid = document.createElement('canvas');
    grid.width = DECISION_GRID_SIZE;
    grid.height = DECISION_GRID_SIZE;
    const gridContext = grid.getContext('2d')!;
    const image = gridContext.createImageData(DECISION_GRID_SIZE, DECISION_GRID_SIZE);
    let paintedFrame: unknown = null;
    let pending = 0;
    // The canvas's CSS width, from the ResizeObserver (clientWidth would force a layout).
    let cssWidth = 0;

    const draw = () => {
      pending = 0;
      const ratio = window.devicePixelRatio || 1;
      const size = Math.round(cssWidth * ratio);
      if (size === 0) return;
      if (element.width !== size || element.height !== size) {
        element.width = size;
        element.height = size;
      }
      const g = element.getContext('2d')!;
      const { setup, frame } = runner;
      if (setup && frame) {
        if (paintedFrame !== frame) {
          paintDecision(frame.grid, setup.classes, setup.regression, show.discrete, image.data);
          gridContext.putImageData(image, 0, 0);
          paintedFrame = frame;
          // How many decision grids the map has shown (read by the page benchmark).
          element.dataset.refreshes = String(Number(element.dataset.refreshes ?? 0) + 1);
        }
        g.imageSmoothingEnabled = true;
        g.imageSmoothingQuality = 'high';
        g.drawImage(grid, 0, 0, size, size);
      } else {
        g.fillStyle = '#e8eaeb';
        g.fillRect(0, 0, size, size);
      }
      if (!setup) return;
      // Small (hand-drawn) sets get bigger dots.
      const radius = Math.max(2.5, size / (setup.train.length + setup.test.length > 300 ? 110 : 75));
      const dot = (points: Float64Array, rim: string) => {
        g.lineWidth = Math.max(1, radius / 3);
        g.strokeStyle = rim;
        for (let at = 0; at + 2 < points.length; at += 3) {
          const px = ((points[at] + HALF_WIDTH) / (2 * HALF_WIDTH)) * size;
          const py = ((HALF_WIDTH - points[at + 1]) / (2 * HALF_WIDTH)) * size;
          g.fillStyle = pointColour(points[at + 2], setup.regression);
          g.beginPath();
          g.arc(px, py, radius, 0, 2 * Math.PI);
          g.fill();
          g.stroke();
        }
      };
      dot(setup.train, '#ffffff');
      if (show.test) dot(setup.test, '#1d1b2c');
    };
    const schedule = () => {
      if (!pending) pending = requestAnimationFrame(draw);
    };
    schedule();
    const off = runner.subscribe((news) => {
      if (news === 'frame' || news === 'setup') schedule();
    });
    const observer = new ResizeObserver(([entry]) => {
      cssWidth = entry.contentRect.width;
      schedule();
    });
    observer.observe(element);
    return () => {
      off();
      observer.disconnect();
      cancelAnimationFrame(pending);
    };
  }, [runner, show.test, show.discrete]);

  const position = (event: MouseEvent) => {
    const box = canvas.current!.getBoundingClientRect();
    const fx = (event.clientX - box.left) / box.width;
    const fy = (event.clientY - box.top) / box.height;
    return { x: -HALF_WIDTH + 2 * HALF_WIDTH * fx, y: HALF_WIDTH - 2 * HALF_WIDTH * fy, fx, fy, width: box.width };
  };

  const describe = (fx: number, fy: number): string => {
    const { setup, frame } = runner;
    if (!setup || !frame) return '';
    const n = DECISION_GRID_SIZE;
    const column = Math.min(n - 1, Math.max(0, Math.round(fx * (n - 1))));
    const row = Math.min(n - 1, Math.max(0, Math.round(fy * (n - 1))));
    const cell = row * n + column;
    if (setup.regression) return t('classify.map.value', { value: frame.grid[cell].toFixed(3) });
    let best = 0;
    for (let k = 1; k < setup.classes; ++k)
      if (frame.grid[cell * setup.classes + k] > frame.grid[cell * setup.classes + best]) best = k;
    return t('classify.map.prediction', { k: best, p: (100 * frame.grid[cell * setup.classes + best]).toFixed(1) });
  };

  const onClick = (event: MouseEvent) => {
    if (!drawing) return;
    const { x, y, width } = position(event);
    const points = store.state.classify!.points as DrawnPoint[];
    let next: DrawnPoint[] | null;
    if (event.shiftKey) next = withoutNearest(points, x, y, (REMOVE_RADIUS_PX / width) * 2 * HALF_WIDTH);
    else next = withPoint(points, x, y, Math.min(drawClass, store.state.classify!.classes - 1));
    if (!next) return;
    const problems = store.setValue('points', pointsText(next));
    setProblem(problems.length ? pick(lang, problems[0].reason) : '');
  };

  return (
    <div class="decision-map">
      <canvas
        ref={(element) => {
          canvas.current = element;
          if (typeof canvasRef === 'function') canvasRef(element);
          else if (canvasRef) canvasRef.current = element;
        }}
        class={`output-map${drawing ? ' drawing' : ''}`}
        data-testid="decision-map"
        aria-label={t('classify.map.label')}
        onClick={onClick}
        onMouseMove={(event) => {
          const { x, y, fx, fy } = position(event);
          setReadout({ x, y, text: describe(fx, fy) });
        }}
        onMouseLeave={() => setReadout(null)}
      />
      <div class="map-readout" data-testid="map-readout">
        {readout
          ? `x = ${readout.x.toFixed(2)}, y = ${readout.y.toFixed(2)} · ${readout.text}`
          : drawing
            ? t('classify.draw.hint')
            : '\u00a0'}
      </div>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
