// The selected racer's confusion matrix on the test set: row = true class, column = predicted
// class, each cell shaded by its share of the row (the diagonal is what it gets right).
import { formatPercent } from '../components/format';
import { useT } from '../i18n';
import { classColour } from './colors';
import { useNews } from './hooks';
import type { ClassifyRunner } from './runner';

export function ConfusionMatrix({ runner }: { runner: ClassifyRunner }) {
  const t = useT();
  useNews(runner, ['frame', 'setup'], 200);
  const { setup, frame } = runner;
  if (!setup || !frame || setup.regression) return null;
  const k = setup.classes;
  if (frame.confusion.length !== k * k) return null;
  const classes = Array.from({ length: k }, (_, i) => i);
  return (
    <figure class="confusion" data-testid="confusion">
      <figcaption>{t('classify.confusion.title')}</figcaption>
      <table>
        <thead>
          <tr>
            <th class="corner">
              <span>{t('classify.confusion.true')}</span>
              <span>{t('classify.confusion.predicted')}</span>
            </th>
            {classes.map((c) => (
              <th scope="col">
                <span class="class-dot" style={{ background: classColour(c) }} />
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {classes.map((row) => {
            const total = classes.reduce((sum, c) => sum + frame.confusion[row * k + c], 0);
            return (
              <tr>
                <th scope="row">
                  <span class="class-dot" style={{ background: classColour(row) }} />
                  {row}
                </th>
                {classes.map((c) => {
                  const count = frame.confusion[row * k + c];
                  const share = total > 0 ? count / total : 0;
                  const tone = row === c ? '46,158,87' : '214,51,108';
                  return (
                    <td
                      style={{ background: count ? `rgba(${tone},${(0.12 + 0.6 * share).toFixed(3)})` : undefined }}
                      title={formatPercent(share)}
                    >
                      {count}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </figure>
  );
}
