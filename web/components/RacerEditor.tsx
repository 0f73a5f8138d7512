// One racer's settings: optimizer (with its description), its hyperparameters with the
// catalogue's defaults and ranges, variant (torch / book) where it exists, schedule with its
// parameters, warmup, in surface mode the gradient it uses (mini-batch on a data surface, noise),
// and a preview of η_t. Every change applies live: the racer continues from where it is with the
// new settings.
import type { Core, RacerState } from '../core';
import { pick, useLang, useT } from '../i18n';
import type { LinkStore } from '../store';
import { ParamField } from './ParamField';
import { RacerSwatch } from './RacerSwatch';
import { racerColor } from './racerColors';
import { SchedulePreview } from './SchedulePreview';

interface Props {
  core: Core;
  store: LinkStore;
  index: number;
  racer: RacerState;
  selected: boolean;
  previewSteps: number; // the η_t preview's horizon, in updates
  // Surface mode: N of the surface's data terms (0 when it has none), which offers batch and
  // noise; undefined in classify mode, whose mini-batches are the link's own.
  dataTerms?: number;
  canRemove: boolean;
  onSelect: (card: Element) => void; // the card, to keep it where it is while panels change
  onRemove: () => void;
}

export function RacerEditor({
  core,
  store,
  index,
  racer,
  selected,
  previewSteps,
  dataTerms,
  canRemove,
  onSelect,
  onRemove,
}: Props) {
  const t = useT();
  const lang = useLang();
  const optimizer = core.optimizer(racer.optimizer);
  const schedule = core.schedule(racer.schedule);
  const set = (key: string, text: string) => store.commit(core.setRacerValue(store.link, index, key, text));
  const testId = (name: string) => `racer-${index}-${name}`;

  return (
    // Clicking anywhere in a card selects its racer; keyboard users select it by focusing any
    // of its fields (onFocusIn), so the click handler needs no key handler of its own.
    // biome-ignore lint/a11y/noStaticElementInteractions: selection by focus covers the keyboard
    // biome-ignore lint/a11y/useKeyWithClickEvents: selection by focus covers the keyboard
    <section
      class={`racer-card${selected ? ' selected' : ''}`}
      data-testid={`racer-${index}`}
      onFocusIn={(e) => onSelect(e.currentTarget)}
      onClick={(e) => onSelect(e.currentTarget)}
    >
      <header class="racer-head">
        <RacerSwatch index={index} />
        <select
          value={racer.optimizer}
          aria-label={t('racer.optimizer')}
          data-testid={testId('optimizer')}
          onChange={(e) => set('optimizer', (e.currentTarget as HTMLSelectElement).value)}
        >
          {core.catalogue.optimizers.map((o) => (
            <option value={o.name} title={pick(lang, o.summary)}>
              {o.alias_of ? `${o.name} (${o.alias_of})` : o.name}
            </option>
          ))}
        </select>
        <code class="racer-text" title={racer.text}>
          {racer.text}
        </code>
        <button
          type="button"
          class="icon"
          disabled={!canRemove}
          title={t('racer.remove')}
          aria-label={t('racer.remove')}
          data-testid={testId('remove')}
          onClick={(e) => {
            e.stopPropagation();
            onRemove();
          }}
        >
          ×
        </button>
      </header>
      {optimizer && <p class="racer-summary">{pick(lang, optimizer.summary)}</p>}
      <div class="field-grid">
        {optimizer?.params.map((spec) => (
          <ParamField
            label={pick(lang, spec.label)}
            spec={spec}
            value={racer.params[spec.name] ?? ''}
            testId={testId(spec.name)}
            commit={(text) => set(spec.name, text)}
          />
        ))}
      </div>
      <div class="field-grid schedule-row">
        <label class="field" title={schedule ? pick(lang, schedule.summary) : undefined}>
          <span class="field-label">{t('racer.schedule')}</span>
          <select
            value={racer.schedule}
            data-testid={testId('sched')}
            onChange={(e) => set('sched', (e.currentTarget as HTMLSelectElement).value)}
          >
            {core.catalogue.schedules.map((s) => (
              <option value={s.name} title={pick(lang, s.summary)}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        {schedule?.params.map((spec) => (
          <ParamField
            label={pick(lang, spec.label)}
            spec={spec}
            value={racer.schedule_params[spec.name] ?? ''}
            testId={testId(spec.name)}
            commit={(text) => set(spec.name, text)}
          />
        ))}
        <ParamField
          label={t('racer.warmup')}
          spec={core.catalogue.warmup}
          value={String(racer.warmup)}
          testId={testId('warmup')}
          commit={(text) => set('warmup', text)}
        />
      </div>
      {schedule && <p class="racer-summary">{pick(lang, schedule.summary)}</p>}
      {dataTerms !== undefined && (
        <div class="field-grid">
          {dataTerms > 0 && (
            <ParamField
              label={t('racer.batch')}
              // The catalogue's spec, bounded by this surface's N.
              spec={{ ...core.catalogue.batch, max: dataTerms }}
              value={racer.batch ? String(racer.batch) : ''}
              placeholder={t('racer.batch.full', { n: dataTerms })}
              testId={testId('batch')}
              commit={(text) => set('batch', text === '' ? String(dataTerms) : text)}
            />
          )}
          <ParamField
            label={t('racer.noise')}
            spec={core.catalogue.noise}
            value={String(racer.noise)}
            testId={testId('noise')}
            commit={(text) => set('noise', text)}
          />
        </div>
      )}
      <SchedulePreview core={core} racerText={racer.text} steps={previewSteps} color={racerColor(index)} />
    </section>
  );
}
