// The chapter's experiments, one click each, and the caption of the one on screen.
import { useMemo } from 'preact/hooks';
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
  const canonical = useMemo(() => PRESETS.map((p) => core.parse(p.link).link), [core]);
  const current = withoutLang(store.link);
  const active = canonical.findIndex((link) => link === current);

  const open = (index: number) => {
    const langPart = store.state.lang ? `&lang=${store.state.lang}` : '';
    store.open(canonical[index] + langPart);
  };

  return (
    <div class="preset-bar" data-testid="presets">
      <div class="preset-list" role="list">
        <span class="preset-label">{t('presets.title')}</span>
        {PRESETS.map((preset, i) => (
          <button
            type="button"
            role="listitem"
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
      {active >= 0 && (
        <p class="caption" data-testid="preset-caption">
          <strong>{t('presets.look')}</strong> {pick(lang, PRESETS[active].caption)}
        </p>
      )}
    </div>
  );
}
