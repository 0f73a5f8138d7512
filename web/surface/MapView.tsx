// The map: the surface's colour map and contour lines (computed in the core into an RGBA
// buffer and blitted in one call), the known minima, and every racer's path and point.
import { useEffect, useRef } from 'preact/hooks';
import type { Core } from '../core';
import type { LinkStore } from '../store';
import { racerColor } from './colors';
import type { SurfaceRunner } from './runner';

const MAP_PIXELS = 500; // the map's own resolution; the canvas scales it

interface MapCache {
  key: string;
  image: HTMLCanvasElement;
  contours: Float32Array;
}

export function MapView({ core, store, runner }: { core: Core; store: LinkStore; runner: SurfaceRunner }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const cache = useRef<MapCache | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current!;
    const draw = () => {
      const surface = store.state.surface;
      if (!surface) return;
      const [x0, x1, y0, y1] = surface.view;
      const key = `${store.state.surface?.name}|${surface.expression}|${surface.view.join(',')}`;
      if (cache.current?.key !== key) {
        const map = runner.session.renderMap(MAP_PIXELS, MAP_PIXELS, x0, x1, y0, y1);
        const image = document.createElement('canvas');
        image.width = MAP_PIXELS;
        image.height = MAP_PIXELS;
        image.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(map.rgba), MAP_PIXELS, MAP_PIXELS), 0, 0);
        cache.current = { key, image, contours: new Float32Array(map.contours) };
      }
      const ratio = window.devicePixelRatio || 1;
      const size = canvas.clientWidth;
      if (canvas.width !== Math.round(size * ratio)) {
        canvas.width = Math.round(size * ratio);
        canvas.height = Math.round(size * ratio);
      }
      const g = canvas.getContext('2d')!;
      g.setTransform(1, 0, 0, 1, 0, 0);
      g.imageSmoothingEnabled = true;
      g.drawImage(cache.current.image, 0, 0, canvas.width, canvas.height);
      const scale = canvas.width / MAP_PIXELS;
      g.strokeStyle = 'rgba(255,255,255,0.35)';
      g.lineWidth = 1;
      g.beginPath();
      const c = cache.current.contours;
      for (let i = 0; i + 3 < c.length; i += 4) {
        g.moveTo(c[i] * scale, c[i + 1] * scale);
        g.lineTo(c[i + 2] * scale, c[i + 3] * scale);
      }
      g.stroke();

      const px = (x: number) => ((x - x0) / (x1 - x0)) * canvas.width;
      const py = (y: number) => ((y1 - y) / (y1 - y0)) * canvas.height;
      const info = core.surface(surface.name);
      g.fillStyle = '#ffffff';
      for (const [mx, my] of info?.minima ?? []) {
        g.beginPath();
        g.arc(px(mx), py(my), 5 * ratio, 0, 2 * Math.PI);
        g.strokeStyle = '#000';
        g.lineWidth = 2 * ratio;
        g.stroke();
        g.fill();
      }
      for (let i = 0; i < runner.session.racerCount(); ++i) {
        const xs = runner.session.column(i, 'x').slice();
        const ys = runner.session.column(i, 'y');
        g.strokeStyle = racerColor(i);
        g.lineWidth = 2 * ratio;
        g.beginPath();
        for (let k = 0; k < xs.length; ++k) {
          if (k === 0) g.moveTo(px(xs[k]), py(ys[k]));
          else g.lineTo(px(xs[k]), py(ys[k]));
        }
        g.stroke();
        const racer = runner.session.racer(i);
        g.fillStyle = racerColor(i);
        g.beginPath();
        g.arc(px(racer.x), py(racer.y), 5 * ratio, 0, 2 * Math.PI);
        g.fill();
      }
    };
    draw();
    const unsubscribeRunner = runner.subscribe(draw);
    const unsubscribeStore = store.subscribe(draw);
    const observer = new ResizeObserver(draw);
    observer.observe(canvas);
    return () => {
      unsubscribeRunner();
      unsubscribeStore();
      observer.disconnect();
    };
  }, [core, store, runner]);

  return <canvas ref={canvasRef} class="map" data-testid="surface-map" />;
}
