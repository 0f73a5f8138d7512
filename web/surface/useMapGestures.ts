// What the pointer and the keyboard do on the map: drag the start marker to move the start (every
// racer restarts there); drag elsewhere (or Shift+drag, or the middle button) to pan; the wheel
// zooms about the cursor; a click asks for the analysis of that point (a critical point within
// SNAP_PIXELS is what a click means); hovering reads f under the pointer. With the focus on the
// map, the arrows pan by a tenth of the view, + and − zoom about its centre and Enter analyses the
// centre. Views and starts go into the link through the codec, rounded to what a pixel can express.
import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';
import type { LinkStore } from '../store';
import { MapFrame, roundForLink, type ViewBox } from './mapGeometry';
import type { SurfaceRunner } from './runner';

const START_GRAB_PIXELS = 14;
const CLICK_SLOP_PIXELS = 4;
const SNAP_PIXELS = 6;
const ZOOM_STEP = 1.2;
const KEY_PAN_SHARE = 0.1; // of the view, per arrow key

export interface MapGestures {
  store: LinkStore;
  runner: SurfaceRunner;
  frame: () => MapFrame | null; // the frame the map was last drawn with
  onViewMoved: () => void; // a pan or zoom is under way (the map is drawn coarse meanwhile)
  onAnalyze: (x: number, y: number, radius: [number, number]) => void;
  onHover: (point: { x: number; y: number; value: number } | null) => void;
}

// A view written into the link, its numbers rounded to a tenth of a pixel.
function commitView(store: LinkStore, view: ViewBox): void {
  const width = view[1] - view[0];
  const height = view[3] - view[2];
  const text = [
    roundForLink(view[0], width),
    roundForLink(view[1], width),
    roundForLink(view[2], height),
    roundForLink(view[3], height),
  ].join(',');
  store.setValue('view', text);
}

// The view zoomed by `factor` (> 1 out, < 1 in) about the surface point (cx, cy).
function zoomedView(view: ViewBox, cx: number, cy: number, factor: number): ViewBox {
  const [x0, x1, y0, y1] = view;
  return [cx + (x0 - cx) * factor, cx + (x1 - cx) * factor, cy + (y0 - cy) * factor, cy + (y1 - cy) * factor];
}

// The snapping radius of a click, in surface units along x and y.
function snapRadius(frame: MapFrame): [number, number] {
  return [SNAP_PIXELS / frame.scaleX, SNAP_PIXELS / frame.scaleY];
}

export function useMapGestures(canvasRef: RefObject<HTMLCanvasElement>, gestures: MapGestures): void {
  const { store, runner, frame, onViewMoved, onAnalyze, onHover } = gestures;
  useEffect(() => {
    const canvas = canvasRef.current!;
    type Gesture =
      | { kind: 'start' }
      | { kind: 'pending' | 'pan'; x: number; y: number; view: ViewBox; frame: MapFrame };
    let gesture: Gesture | null = null;
    const local = (event: MouseEvent): [number, number] => {
      const rect = canvas.getBoundingClientRect();
      return [event.clientX - rect.left, event.clientY - rect.top];
    };
    const moveView = (view: ViewBox) => {
      onViewMoved();
      commitView(store, view);
    };
    const commitStart = (x: number, y: number) => {
      const view = store.state.surface!.view;
      const text = `${roundForLink(x, view[1] - view[0])},${roundForLink(y, view[3] - view[2])}`;
      store.setValue('start', text);
    };
    const nearStart = (f: MapFrame, px: number, py: number) => {
      const [sx, sy] = store.state.surface!.start;
      return Math.hypot(px - f.px(sx), py - f.py(sy)) <= START_GRAB_PIXELS;
    };
    const onPointerDown = (event: PointerEvent) => {
      const f = frame();
      if (!f || event.button > 1) return;
      const [px, py] = local(event);
      canvas.setPointerCapture(event.pointerId);
      if (!event.shiftKey && event.button === 0 && nearStart(f, px, py)) {
        gesture = { kind: 'start' };
        canvas.classList.add('dragging-start');
      } else {
        gesture = {
          kind: event.shiftKey || event.button === 1 ? 'pan' : 'pending',
          x: px,
          y: py,
          view: [...f.view] as ViewBox,
          frame: f,
        };
      }
      // The map takes the focus (for its keys), without the browser's own handling of the press.
      canvas.focus({ preventScroll: true });
      event.preventDefault();
    };
    const onPointerMove = (event: PointerEvent) => {
      const f = frame();
      const [px, py] = local(event);
      if (f && !gesture) {
        if (f.contains(px, py)) {
          const x = f.x(px);
          const y = f.y(py);
          onHover({ x, y, value: runner.session.value(x, y) });
        } else onHover(null);
        canvas.classList.toggle('over-start', nearStart(f, px, py));
        return;
      }
      if (!f || !gesture) return;
      if (gesture.kind === 'start') {
        commitStart(
          f.x(Math.min(Math.max(px, f.left), f.left + f.width)),
          f.y(Math.min(Math.max(py, f.top), f.top + f.height)),
        );
        return;
      }
      if (gesture.kind === 'pending' && Math.hypot(px - gesture.x, py - gesture.y) > CLICK_SLOP_PIXELS)
        gesture.kind = 'pan';
      if (gesture.kind === 'pan') {
        const dx = (px - gesture.x) / gesture.frame.scaleX;
        const dy = (py - gesture.y) / gesture.frame.scaleY;
        const [x0, x1, y0, y1] = gesture.view;
        moveView([x0 - dx, x1 - dx, y0 + dy, y1 + dy]);
      }
    };
    const onPointerUp = (event: PointerEvent) => {
      const f = frame();
      if (gesture?.kind === 'pending' && f) {
        const [px, py] = local(event);
        if (f.contains(px, py)) onAnalyze(f.x(px), f.y(py), snapRadius(f));
      }
      gesture = null;
      canvas.classList.remove('dragging-start');
    };
    const onWheel = (event: WheelEvent) => {
      const f = frame();
      if (!f) return;
      const [px, py] = local(event);
      if (!f.contains(px, py)) return;
      event.preventDefault();
      moveView(zoomedView(f.view, f.x(px), f.y(py), event.deltaY > 0 ? ZOOM_STEP : 1 / ZOOM_STEP));
    };
    const onLeave = () => onHover(null);
    const onKey = (event: KeyboardEvent) => {
      const drawn = frame();
      if (!drawn || event.ctrlKey || event.metaKey || event.altKey) return;
      // The view now (keys may come faster than the map is redrawn).
      const f = new MapFrame(store.state.surface!.view as ViewBox, drawn.canvasWidth, drawn.canvasHeight);
      const [x0, x1, y0, y1] = f.view;
      const dx = KEY_PAN_SHARE * (x1 - x0);
      const dy = KEY_PAN_SHARE * (y1 - y0);
      const cx = 0.5 * (x0 + x1);
      const cy = 0.5 * (y0 + y1);
      const pans: Record<string, ViewBox> = {
        ArrowLeft: [x0 - dx, x1 - dx, y0, y1],
        ArrowRight: [x0 + dx, x1 + dx, y0, y1],
        ArrowUp: [x0, x1, y0 + dy, y1 + dy],
        ArrowDown: [x0, x1, y0 - dy, y1 - dy],
      };
      if (event.key in pans) moveView(pans[event.key]);
      else if (event.key === '+' || event.key === '=') moveView(zoomedView(f.view, cx, cy, 1 / ZOOM_STEP));
      else if (event.key === '-' || event.key === '_') moveView(zoomedView(f.view, cx, cy, ZOOM_STEP));
      else if (event.key === 'Enter') onAnalyze(cx, cy, snapRadius(f));
      else return;
      // The map's keys are not the page's (the arrows would scroll it).
      event.preventDefault();
      event.stopPropagation();
    };
    canvas.addEventListener('pointerdown', onPointerDown);
    canvas.addEventListener('pointermove', onPointerMove);
    canvas.addEventListener('pointerup', onPointerUp);
    canvas.addEventListener('pointercancel', onPointerUp);
    canvas.addEventListener('pointerleave', onLeave);
    canvas.addEventListener('wheel', onWheel, { passive: false });
    canvas.addEventListener('keydown', onKey);
    return () => {
      canvas.removeEventListener('keydown', onKey);
      canvas.removeEventListener('pointerdown', onPointerDown);
      canvas.removeEventListener('pointermove', onPointerMove);
      canvas.removeEventListener('pointerup', onPointerUp);
      canvas.removeEventListener('pointercancel', onPointerUp);
      canvas.removeEventListener('pointerleave', onLeave);
      canvas.removeEventListener('wheel', onWheel);
    };
  }, [canvasRef, store, runner, frame, onViewMoved, onAnalyze, onHover]);
}
