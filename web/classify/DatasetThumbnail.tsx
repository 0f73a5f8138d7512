// A dataset's small picture in the data picker: its points on the data view [-6, 6]², in the
// class colours (regression targets on the diverging scale).
import { useEffect, useRef } from 'preact/hooks';
import { pointColour } from './colors';

const SIZE = 52; // CSS pixels
const HALF_WIDTH = 6;

export function DatasetThumbnail({ points, regression }: { points: ArrayLike<number> | null; regression: boolean }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const ratio = window.devicePixelRatio || 1;
    element.width = Math.round(SIZE * ratio);
    element.height = Math.round(SIZE * ratio);
    const g = element.getContext('2d')!;
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.fillStyle = '#f4f3f8';
    g.fillRect(0, 0, SIZE, SIZE);
    if (!points) return;
    for (let at = 0; at + 2 < points.length; at += 3) {
      const x = ((points[at] + HALF_WIDTH) / (2 * HALF_WIDTH)) * SIZE;
      const y = ((HALF_WIDTH - points[at + 1]) / (2 * HALF_WIDTH)) * SIZE;
      g.fillStyle = pointColour(points[at + 2], regression);
      g.beginPath();
      g.arc(x, y, 1.5, 0, 2 * Math.PI);
      g.fill();
    }
  }, [points, regression]);
  return <canvas ref={canvas} class="dataset-thumbnail" width={SIZE} height={SIZE} />;
}
