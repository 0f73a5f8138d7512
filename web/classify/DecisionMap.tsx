// The output map: the selected racer's decision over [-6, 6]² (the core's 100×100 grid, drawn
// smoothly upscaled), the training points (white rim) and, when shown, the test points (dark
// rim). With drawn data a click adds a point of the chosen class and a shift-click removes the
// nearest one. The readout under the map gives the position and the prediction there.
import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { pick, useLang, useT } from '../i18n';
import type { LinkStore } from '../store';
import { DecisionPicture, HALF_WIDTH } from './decisionPicture';
import { type DrawnPoint, pointsText, withoutNearest, withPoint } from './drawing';
import { DECISION_GRID_SIZE } from './protocol';
import type { ClassifyRunner } from './runner';

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
    const picture = new DecisionPicture(show.discrete);
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
      if (picture.draw(element.getContext('2d')!, size, runner.setup, runner.frame, show.test))
        // How many decision grids the map has shown (read by the page benchmark).
        element.dataset.refreshes = String(Number(element.dataset.refreshes ?? 0) + 1);
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
