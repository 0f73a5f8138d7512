// The racers: up to the core's limit (8), each with its editor; add (a copy of the last one,
// starting now from the start point) and remove. Shared by both modes: `beforeRemove` lets a
// mode's session drop the racer first, `previewSteps` is the horizon of the η_t previews
// (updates: the surface's step limit, or a classification run's epochs × mini-batches).
import type { Core } from '../core';
import { useT } from '../i18n';
import type { LinkStore } from '../store';
import { holdInPlace } from './holdInPlace';
import { RacerEditor } from './RacerEditor';
import './components.css';

interface Props {
  core: Core;
  store: LinkStore;
  beforeRemove?: (index: number) => void;
  previewSteps: number;
  dataTerms?: number; // surface mode: the surface's N (see RacerEditor)
  selected: number;
  onSelect: (index: number) => void;
}

export function RacersPanel({ core, store, beforeRemove, previewSteps, dataTerms, selected, onSelect }: Props) {
  const t = useT();
  const racers = store.state.racers;
  const limit = core.catalogue.limits.racers;

  const add = () => {
    const last = racers[racers.length - 1];
    const result = core.setRacer(store.link, racers.length, last ? last.text : 'adam');
    if (store.commit(result).length === 0) onSelect(racers.length);
  };
  const remove = (index: number) => {
    const result = core.removeRacer(store.link, index);
    if (result.problems.length > 0) return;
    // The session drops that racer first, so the others keep running where they are.
    beforeRemove?.(index);
    store.commit(result);
    if (selected >= store.state.racers.length) onSelect(store.state.racers.length - 1);
  };

  return (
    <div class="racers-panel panel" data-testid="racers-panel">
      <div class="panel-head">
        <h2>{t('racers.title')}</h2>
        <button
          type="button"
          data-testid="add-racer"
          disabled={racers.length >= limit}
          onClick={add}
          title={t('racers.add.title')}
        >
          + {t('racers.add')}
        </button>
      </div>
      {racers.map((racer, i) => (
        <RacerEditor
          core={core}
          store={store}
          index={i}
          racer={racer}
          selected={i === selected}
          previewSteps={previewSteps}
          dataTerms={dataTerms}
          canRemove={racers.length > 1}
          onSelect={(card) => {
            if (i === selected) return;
            holdInPlace(card);
            onSelect(i);
          }}
          onRemove={() => remove(i)}
        />
      ))}
    </div>
  );
}
