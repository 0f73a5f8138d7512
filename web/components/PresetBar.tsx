// A page's experiments as one-click presets, and the caption of the one on screen. Each page
// keeps its own presets file (surface/presets.ts, classify/presets.ts); links are read and
// written only by the core (the visitor's language is set with the codec's set-value).
import { useMemo, useRef } from 'preact/hooks';
import type { Core, StateView, Text } from '../core';
import { type MessageKey, pick, useLang, useT } from '../i18n';
import type { LinkStore } from '../store';

export interface Preset {
  id: string;
  link: string; // state in link syntax (no lang: the visitor's language is kept)
  title: Text;
  caption: Text;
}

interface Props {
  core: Core;
  store: LinkStore;
  presets: Preset[];
  // What an edited preset still shares with it (the surface, the dataset): while it does, its
  // caption stays, marked as modified, so the layout does not jump under the pointer.
  family: (state: StateView) => string | undefined;
  // The caption when no preset is on screen.
  ownCaption: MessageKey;
}

export function PresetBar({ core, store, presets, family, ownCaption }: Props) {
  const t = useT();
  const lang = useLang();
  const linkLang = store.state.lang;
  // Canonical links (as the core writes them) in the link's language, to compare with the page's.
  const links = useMemo(() => presets.map((p) => core.canonical(p.link, linkLang ?? '')), [core, presets, linkLang]);
  const active = links.indexOf(store.link);
  const last = useRef(-1);
  if (active >= 0) last.current = active;
  const shown =
    active >= 0
      ? active
      : last.current >= 0 && family(core.parse(links[last.current]).state) === family(store.state)
        ? last.current
        : -1;

  return (
    <div class="preset-bar" data-testid="presets">
      <div class="preset-list" role="group" aria-label={t('presets.title')}>
        <span class="preset-label">{t('presets.title')}</span>
        {presets.map((preset, i) => (
          <button
            type="button"
            class={i === active ? 'preset active' : 'preset'}
            aria-pressed={i === active}
            data-testid={`preset-${preset.id}`}
            title={pick(lang, preset.caption)}
            onClick={() => store.open(links[i])}
          >
            {pick(lang, preset.title)}
          </button>
        ))}
      </div>
      {shown >= 0 ? (
        <p class="caption" data-testid="preset-caption">
          <strong>{t('presets.look')}</strong> {pick(lang, presets[shown].caption)}
          {shown !== active && <em class="muted"> {t('presets.modified')}</em>}
        </p>
      ) : (
        <p class="caption caption-own" data-testid="preset-caption">
          {t(ownCaption)}
        </p>
      )}
    </div>
  );
}
