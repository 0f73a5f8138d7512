// Preact hooks of the classify page: re-render a view on the runner's news it cares about, at
// most once per animation frame (or per `intervalMs` for numbers that are read, not watched).
import { useEffect, useState } from 'preact/hooks';
import type { ClassifyRunner, News } from './runner';

export function useNews(runner: ClassifyRunner, kinds: readonly News[], intervalMs = 0): number {
  const [tick, setTick] = useState(0);
  const key = kinds.join(',');
  useEffect(() => {
    let frame = 0;
    let timer = 0;
    let last = 0;
    const bump = () => {
      frame = 0;
      timer = 0;
      last = performance.now();
      setTick((v) => v + 1);
    };
    const off = runner.subscribe((news) => {
      if (!kinds.includes(news) || frame || timer) return;
      const wait = intervalMs - (performance.now() - last);
      // Setups and problems show at once; frames are paced. Either way the re-render happens in
      // an animation frame, together with the canvases, so the page commits once per frame.
      if (news !== 'frame' || wait <= 0) frame = requestAnimationFrame(bump);
      else
        timer = window.setTimeout(() => {
          timer = 0;
          frame = requestAnimationFrame(bump);
        }, wait);
    });
    return () => {
      off();
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [runner, key, intervalMs]);
  return tick;
}
