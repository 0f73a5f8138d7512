// Preact hooks of the classify page: re-render a view on the runner's news it cares about, at
// most once per animation frame (or per `intervalMs` for numbers that are read, not watched).
import { useEffect, useRef, useState } from 'preact/hooks';
import { later } from '../components/tasks';
import type { ClassifyRunner, News } from './runner';

export function useNews(runner: ClassifyRunner, kinds: readonly News[], intervalMs = 0): number {
  const [tick, setTick] = useState(0);
  const key = kinds.join(',');
  // The news counts this render saw: news between the render and the subscription (effects run
  // after the render, in a later task) would otherwise go unseen until the next one.
  const seen = useRef('');
  const count = () => kinds.map((kind) => runner.newsCount[kind]).join(',');
  seen.current = count();
  useEffect(() => {
    let frame = 0;
    let timer = 0;
    let cancelTask: (() => void) | null = null;
    let last = 0;
    const bump = () => {
      frame = 0;
      timer = 0;
      cancelTask = null;
      last = performance.now();
      setTick((v) => v + 1);
    };
    const off = runner.subscribe((news) => {
      if (!kinds.includes(news) || frame || timer || cancelTask) return;
      const wait = intervalMs - (performance.now() - last);
      // A new setup (a new network: every view draws afresh) re-renders each view in a task of
      // its own, so that the page's first drawing is not one long task. Problems show at once and
      // frames are paced; both re-render in an animation frame, together with the canvases, so
      // the page commits once per frame while it trains.
      if (news === 'setup') cancelTask = later(bump);
      else if (news !== 'frame' || wait <= 0) frame = requestAnimationFrame(bump);
      else
        timer = window.setTimeout(() => {
          timer = 0;
          frame = requestAnimationFrame(bump);
        }, wait);
    });
    if (count() !== seen.current) cancelTask = later(bump);
    return () => {
      off();
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
      cancelTask?.();
    };
  }, [runner, key, intervalMs]);
  return tick;
}
