// Play / pause, one epoch, reset; the epoch counter; training speed; the stop conditions (an
// epoch limit, a target loss); and the one-click comparison of cross-entropy with MSE.
// Keys: space plays or pauses, s steps one epoch, r resets, ? shows them all.
import { useState } from 'preact/hooks';
import { usePageView } from '../classroom/view';
import { formatCount } from '../components/format';
import { HelpOverlay } from '../components/HelpOverlay';
import { ParamField } from '../components/ParamField';
import { useKeyboardShortcuts } from '../components/useKeyboardShortcuts';
import type { Core, Problem } from '../core';
import { useT } from '../i18n';
import type { LinkStore } from '../store';
import { ChoiceField } from './ChoiceField';
import { useNews } from './hooks';
import type { ClassifyRunner } from './runner';

const SPEEDS = [1, 5, 20, 60, 200, 1000, 0]; // epochs per second; 0 = as fast as possible

interface Props {
  core: Core;
  store: LinkStore;
  runner: ClassifyRunner;
}

// Compare CE with MSE: one racer (the selected one) trained twice, once per loss; or back.
export function toggleComparison(core: Core, store: LinkStore, linkRacer: number): Problem[] {
  const comparing = store.state.classify!.compare === 'loss';
  if (comparing) return store.setValue('compare', 'none');
  let result = core.setValue(store.link, 'compare', 'loss');
  const keep = Math.min(linkRacer, store.state.racers.length - 1);
  for (let i = store.state.racers.length - 1; i >= 0 && result.problems.length === 0; --i)
    if (i !== keep) result = core.removeRacer(result.link, i);
  return store.commit(result);
}

function Icon({ path }: { path: string }) {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
      <path d={path} fill="currentColor" />
    </svg>
  );
}

export function ControlBar({ core, store, runner }: Props) {
  const t = useT();
  const view = usePageView();
  useNews(runner, ['frame', 'setup'], 100);
  const settings = store.state.classify!;
  const spec = (name: string) => core.classifyParam(name);
  const frame = runner.frame;
  const epoch = frame ? Math.max(0, ...frame.racers.map((r) => r.epoch)) : 0;
  const playing = runner.playing;
  const regression = core.dataset(settings.data)?.regression ?? false;
  const comparing = settings.compare === 'loss';
  const selectedLinkRacer = runner.setup?.linkRacers[runner.selected] ?? 0;
  // Drawn data without a training point: there is nothing to train on yet.
  const noData = runner.setup?.train.length === 0;
  const [help, setHelp] = useState(false);

  useKeyboardShortcuts(
    {
      ' ': () => (runner.playing ? runner.pause() : runner.setup?.train.length !== 0 && runner.play()),
      s: () => runner.setup?.train.length !== 0 && void runner.step(1),
      r: () => runner.reset(),
      '?': () => setHelp((v) => !v),
      Escape: () => setHelp(false),
    },
    [runner],
  );

  const speeds = SPEEDS.includes(settings.speed)
    ? SPEEDS
    : [...SPEEDS.slice(0, -1), settings.speed, 0].sort((a, b) => (a || Infinity) - (b || Infinity));

  return (
    <div class="control-bar panel" data-testid="control-bar">
      <div class="transport">
        <button
          type="button"
          class="round"
          data-testid="reset"
          title={t('classify.controls.reset.title')}
          aria-label={t('classify.controls.reset')}
          onClick={() => runner.reset()}
        >
          <Icon path="M12 5V2L7 6l5 4V7a6 6 0 1 1-6 6H4a8 8 0 1 0 8-8z" />
        </button>
        <button
          type="button"
          class="round play"
          data-testid="play"
          title={t(
            noData && !playing
              ? 'classify.controls.noData'
              : playing
                ? 'classify.controls.pause'
                : 'classify.controls.play',
          )}
          aria-label={t(playing ? 'classify.controls.pause' : 'classify.controls.play')}
          disabled={noData && !playing}
          onClick={() => (playing ? runner.pause() : runner.play())}
        >
          {playing ? <Icon path="M7 5h4v14H7zM13 5h4v14h-4z" /> : <Icon path="M8 5v14l11-7z" />}
        </button>
        <button
          type="button"
          class="round"
          data-testid="step"
          title={t(noData ? 'classify.controls.noData' : 'classify.controls.step.title')}
          aria-label={t('classify.controls.step')}
          disabled={noData}
          onClick={() => void runner.step(1)}
        >
          <Icon path="M6 5v14l9-7zM16 5h3v14h-3z" />
        </button>
      </div>
      <div class="epoch-counter">
        <span class="field-label">{t('classify.controls.epoch')}</span>
        <output data-testid="epoch">{formatCount(epoch)}</output>
      </div>
      {!view.present && (
        <>
          <ChoiceField
            label={t('classify.controls.speed')}
            value={String(settings.speed)}
            choices={speeds.map((s) => ({
              value: String(s),
              label: s === 0 ? t('classify.controls.speedMax') : t('classify.controls.speedN', { n: s }),
            }))}
            title={t('classify.controls.speed.title')}
            testId="speed"
            commit={(v) => store.setValue('speed', v)}
          />
          <ParamField
            label={t('classify.controls.epochs')}
            spec={spec('epochs')}
            value={String(settings.epochs)}
            testId="epochs"
            commit={(text) => store.setValue('epochs', text)}
          />
          <ParamField
            label={t('classify.controls.target')}
            spec={spec('target_loss')}
            value={String(settings.target_loss)}
            testId="target-loss"
            commit={(text) => store.setValue('target_loss', text)}
          />
          <button
            type="button"
            class={`compare${comparing ? ' active' : ''}`}
            data-testid="compare"
            disabled={regression}
            aria-pressed={comparing}
            title={t(regression ? 'classify.compare.regression' : 'classify.compare.title')}
            onClick={() => toggleComparison(core, store, selectedLinkRacer)}
          >
            {comparing ? t('classify.compare.stop') : t('classify.compare.start')}
          </button>
        </>
      )}
      <button
        type="button"
        class="icon help-button"
        title={t('help.title')}
        aria-label={t('help.title')}
        data-testid="help"
        onClick={() => setHelp(true)}
      >
        ?
      </button>
      {help && (
        <HelpOverlay
          rows={[
            [t('help.space.key'), t('help.space')],
            ['S', t('classify.help.s')],
            ['R', t('classify.help.r')],
            ['?', t('help.question')],
            [t('classify.help.row.key'), t('classify.help.row')],
            [t('classify.help.draw.key'), t('classify.help.draw')],
          ]}
          onClose={() => setHelp(false)}
        />
      )}
    </div>
  );
}
