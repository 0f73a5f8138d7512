// Play / pause, one update, reset, speed (updates per frame), step limit, the seed of the racers'
// mini-batches and noise (when a racer draws them), the racers' status, exports, and the keyboard
// shortcuts (space, s, r, ?) with their help overlay.
import { useState } from 'preact/hooks';
import { usePageView } from '../classroom/view';
import { HelpOverlay } from '../components/HelpOverlay';
import { ParamField } from '../components/ParamField';
import { RacerSwatch } from '../components/RacerSwatch';
import { TorchExport } from '../components/TorchExport';
import { useKeyboardShortcuts } from '../components/useKeyboardShortcuts';
import type { Core } from '../core';
import { useLang, useT } from '../i18n';
import type { LinkStore } from '../store';
import { useFrames } from './hooks';
import type { SurfaceRunner } from './runner';
import { anySampled } from './sampling';
import { statusText } from './status';

interface Props {
  core: Core;
  store: LinkStore;
  runner: SurfaceRunner;
  onExportPng: () => void;
  onExportCsv: () => void;
  onRecord: () => void;
}

export function Controls({ core, store, runner, onExportPng, onExportCsv, onRecord }: Props) {
  const t = useT();
  const lang = useLang();
  const view = usePageView();
  useFrames(runner, 250);
  const [help, setHelp] = useState(false);

  useKeyboardShortcuts(
    {
      ' ': () => runner.toggle(),
      s: () => runner.step(1),
      r: () => runner.restart(),
      '?': () => setHelp((v) => !v),
      Escape: () => setHelp(false),
    },
    [runner],
  );

  const surface = store.state.surface!;
  const racers = runner.racers();
  return (
    <div class="controls" data-testid="controls">
      <div class="control-row">
        <button
          type="button"
          class="primary two-labels"
          data-testid="play"
          title={t('controls.play.title')}
          onClick={() => runner.toggle()}
        >
          {/* Both labels take their place, so the button keeps its width when it switches. */}
          <span class={runner.playing ? 'hidden-label' : ''}>▶ {t('controls.play')}</span>
          <span class={runner.playing ? '' : 'hidden-label'}>❚❚ {t('controls.pause')}</span>
        </button>
        <button type="button" data-testid="step" title={t('controls.step.title')} onClick={() => runner.step(1)}>
          {t('controls.step')}
        </button>
        <button type="button" data-testid="reset" title={t('controls.reset.title')} onClick={() => runner.restart()}>
          {t('controls.reset')}
        </button>
        {!view.present && (
          <>
            <ParamField
              label={t('controls.speed')}
              value={String(surface.speed)}
              testId="speed"
              commit={(text) => store.setValue('speed', text)}
            />
            <ParamField
              label={t('controls.steps')}
              value={String(surface.steps)}
              testId="steps"
              commit={(text) => store.setValue('steps', text)}
            />
          </>
        )}
        {!view.present && anySampled(store.state) && (
          <>
            <ParamField
              label={t('controls.seed')}
              value={String(store.state.seed)}
              testId="seed"
              commit={(text) => store.setValue('seed', text)}
            />
            <button
              type="button"
              data-testid="reseed"
              title={t('controls.reseed.title')}
              onClick={() => store.setValue('seed', String(store.state.seed + 1))}
            >
              {t('controls.reseed')}
            </button>
          </>
        )}
        <button
          type="button"
          class="icon"
          title={t('help.title')}
          aria-label={t('help.title')}
          data-testid="help"
          onClick={() => setHelp(true)}
        >
          ?
        </button>
      </div>
      {view.shows('status') && (
        <ul class="status-list" data-testid="status-list">
          {racers.map((racer, i) => {
            const status = statusText(racer, lang, t);
            return (
              <li class="status">
                <RacerSwatch index={i} />
                <span class="status-name">{store.state.racers[i]?.text ?? ''}</span>
                <span class={`racer-status status-${status.kind}`}>{status.text}</span>
              </li>
            );
          })}
        </ul>
      )}
      {view.shows('export') && (
        <div class="control-row">
          <button type="button" data-testid="export-png" onClick={onExportPng}>
            {t('export.png')}
          </button>
          <button type="button" data-testid="export-csv" title={t('export.csv.title')} onClick={onExportCsv}>
            {t('export.csv')}
          </button>
          <TorchExport core={core} store={store} />
          <button type="button" data-testid="record" title={t('classroom.record.title')} onClick={onRecord}>
            ● {t('classroom.record')}
          </button>
        </div>
      )}
      {help && (
        <HelpOverlay
          rows={[
            [t('help.space.key'), t('help.space')],
            ['S', t('help.s')],
            ['R', t('help.r')],
            ['?', t('help.question')],
            [t('help.drag.key'), t('help.drag')],
            [t('help.pan.key'), t('help.pan')],
            [t('help.wheel.key'), t('help.wheel')],
            [t('help.click.key'), t('help.click')],
            [t('help.mapKeys.key'), t('help.mapKeys')],
          ]}
          onClose={() => setHelp(false)}
        />
      )}
    </div>
  );
}
