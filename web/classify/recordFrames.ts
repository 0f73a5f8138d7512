// The classify page's frames for the recorder (classroom/record.ts): the training from epoch 0,
// trained in the worker a share of the epochs per frame, each frame the selected racer's
// decision map with the data and a caption (the epoch; each racer's test accuracy or loss, named
// as such, or its status once it diverged).
import { CAPTION_HEIGHT, drawCaption, type FrameSource, frameTarget } from '../classroom/record';
import { formatNumber, formatPercent } from '../components/format';
import { racerColor } from '../components/racerColors';
import { browserLang, type Lang, pick, type Translate } from '../i18n';
import type { LinkStore } from '../store';
import { DecisionPicture } from './decisionPicture';
import type { RacerMetrics } from './protocol';
import { racerName } from './racerNames';
import type { ClassifyRunner } from './runner';

const PICTURE_PIXELS = 480;
// A run without an epoch limit is recorded over this many epochs.
export const OPEN_RUN_EPOCHS = 100;

export function recordEpochs(store: LinkStore): number {
  return store.state.classify?.epochs || OPEN_RUN_EPOCHS;
}

// A racer's number in the caption, saying what it is ("test accuracy 80.0%", "test loss 0.012"); a
// diverged racer's last numbers are not a result: its status says what happened.
export function racerResult(
  racer: Pick<RacerMetrics, 'state' | 'statusText' | 'testLoss' | 'testAcc'>,
  regression: boolean,
  lang: Lang,
  t: Translate,
): string {
  if (racer.state === 'diverged') return pick(lang, racer.statusText);
  return regression
    ? t('classroom.caption.testLoss', { value: formatNumber(racer.testLoss, 3) })
    : t('classroom.caption.testAcc', { value: formatPercent(racer.testAcc) });
}

export function classifyFrames(runner: ClassifyRunner, store: LinkStore, t: Translate): FrameSource {
  const picture = new DecisionPicture(store.state.show.discrete);
  const lang: Lang = store.state.lang || browserLang();
  const total = recordEpochs(store);
  let epoch = 0;
  return {
    width: PICTURE_PIXELS,
    height: PICTURE_PIXELS + CAPTION_HEIGHT,
    begin: async () => {
      runner.reset();
      await runner.step(0);
      epoch = 0;
    },
    draw: async (index, count, g) => {
      const target = frameTarget(index, count, total);
      await runner.step(target - epoch);
      epoch = target;
      const { setup, frame } = runner;
      picture.draw(g, PICTURE_PIXELS, setup, frame, store.state.show.test);
      const racers =
        setup && frame
          ? frame.racers.map((r, i) => ({
              color: racerColor(i),
              label: `${racerName(lang, store, setup, i)}: ${racerResult(r, setup.regression, lang, t)}`,
            }))
          : [];
      const shown = frame ? Math.max(0, ...frame.racers.map((r) => r.epoch)) : 0;
      drawCaption(g, PICTURE_PIXELS, PICTURE_PIXELS, t('classroom.caption.epoch', { epoch: shown }), racers);
    },
  };
}
