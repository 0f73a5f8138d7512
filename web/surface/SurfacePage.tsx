// Surface mode: optimizers racing on a 2-D loss surface.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ModeController } from '../automation';
import type { Core } from '../core';
import type { LinkStore, Mode } from '../store';
import { MapView } from './MapView';
import { SurfaceRunner } from './runner';

export function SurfacePage({ core, store, controllers }: { core: Core; store: LinkStore; controllers: Map<Mode, ModeController> }) {
  const runner = useMemo(() => new SurfaceRunner(core, store), [core, store]);
  const [, setVersion] = useState(0);
  useEffect(() => runner.subscribe(() => setVersion((v) => v + 1)), [runner]);
  useEffect(() => {
    controllers.set('surface', {
      step: async (n: number) => runner.step(n),
      racers: () =>
        runner.racers().map((r, i) => ({
          optimizer: store.state.racers[i]?.text ?? '',
          step: r.step,
          x: r.x,
          y: r.y,
          loss: r.loss,
          status: r.status === 'diverged' ? `diverged at step ${r.divergedAt}` : r.status,
        })),
    });
    return () => {
      controllers.delete('surface');
      runner.dispose();
    };
  }, [runner, controllers, store]);

  return (
    <div class="surface-page">
      <MapView core={core} store={store} runner={runner} />
      <div class="controls">
        <button type="button" data-testid="play" onClick={() => (runner.playing ? runner.pause() : runner.play())}>
          {runner.playing ? '❚❚' : '▶'}
        </button>
      </div>
    </div>
  );
}
