// Preact hooks of the surface page.
import { useEffect, useState } from 'preact/hooks';
import type { SurfaceRunner } from './runner';

// Re-renders the caller on the runner's frames, at most once per `intervalMs` (numbers that
// change every frame are unreadable anyway), and once more when the racers stop.
export function useFrames(runner: SurfaceRunner, intervalMs: number): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let last = 0;
    let timer = 0;
    const bump = () => {
      timer = 0;
      last = performance.now();
      setTick((v) => v + 1);
    };
    const onFrame = () => {
      const wait = intervalMs - (performance.now() - last);
      if (wait <= 0) bump();
      else if (!timer) timer = window.setTimeout(bump, wait);
    };
    const offFrame = runner.onFrame(onFrame);
    const offControl = runner.onControl(onFrame);
    return () => {
      offFrame();
      offControl();
      window.clearTimeout(timer);
    };
  }, [runner, intervalMs]);
  return tick;
}

// Re-renders the caller on play/pause and restarts.
export function useControl(runner: SurfaceRunner): void {
  const [, setTick] = useState(0);
  useEffect(() => runner.onControl(() => setTick((v) => v + 1)), [runner]);
}
