// Output: the selected racer's decision map with the data, whether the map shows confidence or
// hard classes, its numbers (test and training loss and accuracy, epoch, status), its confusion
// matrix, and a PNG of the map.
import type { Ref } from 'preact';
import { usePageView } from '../classroom/view';
import { formatNumber, formatPercent } from '../components/format';
import { ShowToggle } from '../components/ShowToggle';
import { useLang, useT } from '../i18n';
import type { LinkStore } from '../store';
import { ConfusionMatrix } from './ConfusionMatrix';
import { DecisionMap } from './DecisionMap';
import { useNews } from './hooks';
import { MapLegend } from './MapLegend';
import { racerName, statusLabel } from './racerNames';
import type { ClassifyRunner } from './runner';

interface Props {
  store: LinkStore;
  runner: ClassifyRunner;
  drawClass: number;
  mapCanvas: Ref<HTMLCanvasElement>;
  onExportPng: () => void;
  onRecord: () => void;
}

export function OutputPanel({ store, runner, drawClass, mapCanvas, onExportPng, onRecord }: Props) {
  const t = useT();
  const lang = useLang();
  const view = usePageView();
  useNews(runner, ['frame', 'setup'], 100);
  const { setup, frame } = runner;
  const racer = frame?.racers[runner.selected];
  // Drawn data may have no training or no test points yet: their numbers mean nothing.
  const hasTrain = (setup?.train.length ?? 0) > 0;
  const hasTest = (setup?.test.length ?? 0) > 0;

  return (
    <section class="panel output-panel" data-testid="output-panel">
      <div class="panel-head">
        <h2>{t('classify.output.title')}</h2>
        {view.shows('export') && (
          <div class="output-exports">
            <button type="button" data-testid="record" title={t('classroom.record.title')} onClick={onRecord}>
              ● {t('classroom.record')}
            </button>
            <button type="button" data-testid="export-png" title={t('classify.output.png.title')} onClick={onExportPng}>
              PNG
            </button>
          </div>
        )}
      </div>
      {setup && racer && (
        <div class="output-racer" data-testid="output-racer">
          {racerName(lang, store, setup, runner.selected)}
        </div>
      )}
      <dl class="output-numbers" data-testid="output-numbers">
        <div>
          <dt>{t('classify.output.testLoss')}</dt>
          <dd data-testid="test-loss">{racer && hasTest ? formatNumber(racer.testLoss, 4) : '–'}</dd>
        </div>
        <div>
          <dt>{t('classify.output.trainLoss')}</dt>
          <dd data-testid="train-loss">{racer && hasTrain ? formatNumber(racer.trainLoss, 4) : '–'}</dd>
        </div>
        {!setup?.regression && (
          <>
            <div>
              <dt>{t('classify.output.testAcc')}</dt>
              <dd data-testid="test-acc">{racer && hasTest ? formatPercent(racer.testAcc) : '–'}</dd>
            </div>
            <div>
              <dt>{t('classify.output.trainAcc')}</dt>
              <dd data-testid="train-acc">{racer && hasTrain ? formatPercent(racer.trainAcc) : '–'}</dd>
            </div>
          </>
        )}
      </dl>
      <DecisionMap store={store} runner={runner} drawClass={drawClass} canvasRef={mapCanvas} />
      {setup && <MapLegend classes={setup.classes} regression={setup.regression} />}
      <div class="output-options">
        {!view.present && (
          <ShowToggle
            store={store}
            flag="discrete"
            label={t('classify.output.discrete')}
            title={t('classify.output.discrete.title')}
            testId="discrete"
          />
        )}
        {racer && (
          <span class={`racer-status status-${racer.state}`} data-testid="output-status">
            {statusLabel(lang, t, racer)}
          </span>
        )}
      </div>
      {view.shows('confusion') && <ConfusionMatrix runner={runner} />}
    </section>
  );
}
