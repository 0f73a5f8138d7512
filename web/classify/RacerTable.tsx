// Every racer of the run in one table (with a comparison of losses, each link racer twice): its
// colour in the curves, epoch, losses, accuracies and status. A row click shows that racer's
// map and network.
import { formatNumber, formatPercent } from '../components/format';
import { RacerSwatch } from '../components/RacerSwatch';
import { useLang, useT } from '../i18n';
import type { LinkStore } from '../store';
import { useNews } from './hooks';
import { racerName, statusLabel } from './racerNames';
import type { ClassifyRunner } from './runner';

export function RacerTable({ store, runner }: { store: LinkStore; runner: ClassifyRunner }) {
  const t = useT();
  const lang = useLang();
  useNews(runner, ['frame', 'setup'], 150);
  const { setup, frame } = runner;
  if (!setup || !frame) return null;
  // Drawn data may have no training or no test points yet: their numbers mean nothing.
  const hasTrain = setup.train.length > 0;
  const hasTest = setup.test.length > 0;
  return (
    // On a narrow screen the table scrolls sideways inside its panel.
    <div class="racer-table-scroll">
      <table class="racer-table" data-testid="racer-table">
        <thead>
          <tr>
            <th>{t('classify.table.racer')}</th>
            <th>{t('classify.table.epoch')}</th>
            <th>{t('classify.table.trainLoss')}</th>
            <th>{t('classify.table.testLoss')}</th>
            {!setup.regression && <th>{t('classify.table.trainAcc')}</th>}
            {!setup.regression && <th>{t('classify.table.testAcc')}</th>}
            <th>{t('classify.table.status')}</th>
          </tr>
        </thead>
        <tbody>
          {frame.racers.map((racer, i) => (
            <tr
              class={i === runner.selected ? 'selected' : ''}
              data-testid={`racer-row-${i}`}
              title={t('classify.table.select')}
              onClick={() => runner.select(i)}
            >
              <th scope="row">
                <button
                  type="button"
                  class="racer-pick"
                  aria-pressed={i === runner.selected}
                  onClick={(event) => {
                    event.stopPropagation();
                    runner.select(i);
                  }}
                >
                  <RacerSwatch index={i} />
                  <span class="racer-name">{racerName(lang, store, setup, i)}</span>
                </button>
              </th>
              <td>{racer.epoch}</td>
              <td>{hasTrain ? formatNumber(racer.trainLoss, 4) : '–'}</td>
              <td>{hasTest ? formatNumber(racer.testLoss, 4) : '–'}</td>
              {!setup.regression && <td>{hasTrain ? formatPercent(racer.trainAcc) : '–'}</td>}
              {!setup.regression && <td>{hasTest ? formatPercent(racer.testAcc) : '–'}</td>}
              <td class={`racer-status status-${racer.state}`}>{statusLabel(lang, t, racer)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
