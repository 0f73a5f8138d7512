// The surface page's frames for the recorder (classroom/record.ts): the race from step 0, each
// frame an equal share of the step limit further, drawn completely by the map (paths, racers,
// arrows) with a caption of the update and the racers.
import { CAPTION_HEIGHT, drawCaption, even, type FrameSource, frameTarget } from '../classroom/record';
import { racerColor } from '../components/racerColors';
import type { Translate } from '../i18n';
import type { LinkStore } from '../store';
import type { SurfaceRunner } from './runner';

export function surfaceFrames(
  runner: SurfaceRunner,
  store: LinkStore,
  map: HTMLCanvasElement,
  drawMapNow: () => void,
  t: Translate,
): FrameSource {
  const width = even(map.width);
  const mapHeight = even(map.height);
  const total = store.state.surface?.steps ?? 0;
  let done = 0;
  return {
    width,
    height: mapHeight + CAPTION_HEIGHT,
    begin: async () => {
      runner.pause();
      runner.restart();
      done = 0;
    },
    draw: async (index, count, g) => {
      const target = frameTarget(index, count, total);
      runner.session.advance(target - done);
      done = target;
      drawMapNow();
      g.fillStyle = '#ffffff';
      g.fillRect(0, 0, width, mapHeight);
      g.drawImage(map, 0, 0);
      const racers = runner.racers();
      const step = Math.max(0, ...racers.map((r) => r.step));
      drawCaption(
        g,
        mapHeight,
        width,
        t('classroom.caption.step', { step: step.toLocaleString('en-US') }),
        racers.map((_, i) => ({ color: racerColor(i), label: store.state.racers[i]?.text ?? '' })),
      );
    },
    end: () => runner.step(0),
  };
}
