// Data: the datasets as thumbnails (K classes where a dataset offers them), the number of
// classes, noise, training share, batch size, a new seed, test points on the map, and the
// tools for drawing one's own data.
import { useEffect } from 'preact/hooks';
import { ShowToggle } from '../components/ShowToggle';
import type { Core } from '../core';
import { pick, useLang, useT } from '../i18n';
import type { LinkStore } from '../store';
import { DatasetThumbnail } from './DatasetThumbnail';
import { DrawPanel } from './DrawPanel';
import { useNews } from './hooks';
import { nameLabel } from './labels';
import type { ClassifyRunner } from './runner';
import { SliderField } from './SliderField';

interface Props {
  core: Core;
  store: LinkStore;
  runner: ClassifyRunner;
  drawClass: number;
  onDrawClass: (k: number) => void;
}

// A new seed for "regenerate": any whole number the codec accepts.
function freshSeed(): string {
  const words = new Uint32Array(1);
  crypto.getRandomValues(words);
  return String(words[0]);
}

export function DataPanel({ core, store, runner, drawClass, onDrawClass }: Props) {
  const t = useT();
  const lang = useLang();
  useNews(runner, ['thumbnails', 'setup']);
  const settings = store.state.classify!;
  const catalogue = core.catalogue;
  const spec = (name: string) => core.classifyParam(name);
  const dataset = core.dataset(settings.data)!;
  useEffect(() => runner.requestThumbnails(settings.classes), [runner, settings.classes]);

  const thumbnails = runner.thumbnails;
  const drawnPoints = settings.data === 'drawn' ? settings.points.flat() : null;
  const ranged = dataset.min_classes < dataset.max_classes;
  const setup = runner.setup;
  const trainCount = setup ? setup.train.length / 3 : 0;

  // Copies the current data (training and test points) into a drawing to edit.
  const drawOnCopy = (): void => {
    if (!setup) return;
    const all = [...setup.train, ...setup.test];
    const items: string[] = [];
    const round = (v: number) => Math.round(v * 100) / 100;
    for (let at = 0; at + 2 < all.length; at += 3) items.push(`${round(all[at])},${round(all[at + 1])},${all[at + 2]}`);
    let result = core.setValue(store.link, 'data', 'drawn');
    if (result.problems.length === 0) result = core.setValue(result.link, 'classes', String(setup.classes));
    if (result.problems.length === 0) result = core.setValue(result.link, 'points', items.join(';'));
    store.commit(result);
  };

  return (
    <section class="panel data-panel" data-testid="data-panel">
      <h2>{t('classify.data.title')}</h2>
      <div class="dataset-grid" role="radiogroup" aria-label={t('classify.data.title')}>
        {catalogue.datasets.map((d) => {
          const points =
            d.name === 'drawn' ? drawnPoints : (thumbnails?.datasets.find((x) => x.name === d.name)?.points ?? null);
          return (
            <button
              type="button"
              role="radio"
              aria-checked={d.name === settings.data}
              class={`dataset${d.name === settings.data ? ' selected' : ''}`}
              title={pick(lang, d.summary)}
              data-testid={`dataset-${d.name}`}
              onClick={() => store.setValue('data', d.name)}
            >
              <DatasetThumbnail points={points} regression={d.regression} />
              {d.name === 'drawn' && !drawnPoints?.length && <span class="dataset-pencil">✎</span>}
              <span class="dataset-name">{nameLabel(lang, d)}</span>
            </button>
          );
        })}
      </div>
      <p class="small muted" data-testid="dataset-summary">
        {pick(lang, dataset.summary)}
      </p>
      {ranged && (
        <SliderField
          label={t('classify.data.classes')}
          value={settings.classes}
          min={dataset.min_classes}
          max={dataset.max_classes}
          spec={spec('classes')}
          testId="classes"
          commit={(text) => store.setValue('classes', text)}
        />
      )}
      {settings.data !== 'drawn' && (
        <SliderField
          label={t('classify.data.noise')}
          value={settings.noise}
          min={spec('noise').min ?? 0}
          max={spec('noise').max ?? 50}
          spec={spec('noise')}
          testId="noise"
          commit={(text) => store.setValue('noise', text)}
        />
      )}
      <SliderField
        label={t('classify.data.train')}
        value={settings.train}
        min={spec('train').min ?? 10}
        max={spec('train').max ?? 90}
        step={10}
        unit="%"
        spec={spec('train')}
        testId="train"
        commit={(text) => store.setValue('train', text)}
      />
      <SliderField
        label={t('classify.data.batch')}
        value={settings.batch}
        min={spec('batch').min ?? 1}
        max={Math.max(settings.batch, Math.min(spec('batch').max ?? 500, Math.max(trainCount, 30)))}
        spec={spec('batch')}
        testId="batch"
        commit={(text) => store.setValue('batch', text)}
      />
      <div class="data-actions">
        <button
          type="button"
          data-testid="regenerate"
          title={t('classify.data.regenerate.title')}
          onClick={() => store.setValue('seed', freshSeed())}
        >
          ⟳ {t('classify.data.regenerate')}
        </button>
        <ShowToggle
          store={store}
          flag="test"
          label={t('classify.data.showTest')}
          title={t('classify.data.showTest.title')}
          testId="show-test"
        />
      </div>
      {settings.data === 'drawn' ? (
        <DrawPanel core={core} store={store} drawClass={drawClass} onDrawClass={onDrawClass} />
      ) : (
        !dataset.regression && (
          <button type="button" class="link" data-testid="draw-on-copy" onClick={drawOnCopy}>
            ✎ {t('classify.draw.copy')}
          </button>
        )
      )}
    </section>
  );
}
