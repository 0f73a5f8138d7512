// The chapter's experiments, one click each, and the caption of the one on screen.
import { useMemo, useRef } from 'preact/hooks';
import type { Core } from '../core';
import { pick, useLang, useT } from '../i18n';
import type { LinkStore } from '../store';
import { PRESETS } from './presets';

// The link without its language, to recognise a preset whatever the language.
function withoutLang(link: string): string {
  return link
    .split('&')
    .filter((pair) => !pair.startsWith('lang='))
    .join('&');
}

export function PresetBar({ core, store }: { core: Core; store: LinkStore }) {
  const t = useT();
  const lang = useLang();
  // Canonical links (as the core writes them), to compare with the page's link.
  const canonical = useMemo(() => PRESETS.map((p) => core.canonical(p.link)), [core]);
  const current = withoutLang(store.link);
  const active = canonical.indexOf(current);
  // After a preset is edited (the start dragged, a rate changed) its caption stays, marked as
  // modified, while the surface is the same: the layout does not jump under the pointer.
  const last = useRef(-1);
  if (active >= 0) last.current = active;
  const surfaceOf = (link: string) => core.parse(link).state.surface?.name;
  const shown =
    active >= 0
      ? active
      : last.current >= 0 && surfaceOf(canonical[last.current]) === store.state.surface?.name
        ? last.current
        : -1;

  const open = (index: number) => {
    const langPart = store.state.lang ? `&lang=${store.state.lang}` : '';
    store.open(canonical[index] + langPart);
  };

  return (
    <div class="preset-bar" data-testid="presets">
      <div class="preset-list" role="group" aria-label={t('presets.title')}>
        <span class="preset-label">{t('presets.title')}</span>
        {PRESETS.map((preset, i) => (
          <button
            type="button"
            class={i === active ? 'preset active' : 'preset'}
            aria-pressed={i === active}
            data-testid={`preset-${preset.id}`}
            title={pick(lang, preset.caption)}
            onClick={() => open(i)}
          >
            {pick(lang, preset.title)}
          </button>
        ))}
      </div>
      {shown >= 0 ? (
        <p class="caption" data-testid="preset-caption">
          <strong>{t('presets.look')}</strong> {pick(lang, PRESETS[shown].caption)}
          {shown !== active && <em class="muted"> {t('presets.modified')}</em>}
        </p>
      ) : (
        <p class="caption caption-own" data-testid="preset-caption">
          {t('presets.own')}
        </p>
      )}
    </div>
  );
}
