// A page's experiments as one-click presets, and the caption of the one on screen. Each page
// keeps its own presets file (surface/presets.ts, classify/presets.ts); links are read and
// written only by the core (the visitor's language is set with the codec's set-value).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Core, StateView, Text } from '../core';
import { type MessageKey, pick, useLang, useT } from '../i18n';
import type { LinkStore } from '../store';
import { later } from './tasks';

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
  const links = useCanonicalLinks(core, presets, linkLang ?? '');
  const active = links.indexOf(store.link);
  const last = useRef(-1);
  // While the last preset's link is being read again (a new language), its caption stays.
  const sameFamily = (link: string | undefined) =>
    link === undefined || family(core.parse(link).state) === family(store.state);
  if (active >= 0) last.current = active;
  const shown = active >= 0 ? active : last.current >= 0 && sameFamily(links[last.current]) ? last.current : -1;

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
            onClick={() => store.open(links[i] ?? core.canonical(preset.link, linkLang ?? ''))}
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

// The presets' links as the core writes them in the link's language, to compare with the page's.
// Each is read by the codec in a later task of its own (components/tasks.ts): together, at
// start-up, they took a task of their own of 20 ms and more. Until its turn a preset's entry is
// undefined (it is simply not highlighted yet).
function useCanonicalLinks(core: Core, presets: Preset[], lang: string): (string | undefined)[] {
  const [links, setLinks] = useState<{ lang: string; presets: Preset[]; links: (string | undefined)[] }>({
    lang,
    presets,
    links: [],
  });
  useEffect(() => {
    const cancels = presets.map((preset, i) =>
      later(() =>
        setLinks((current) => {
          const next = current.lang === lang && current.presets === presets ? [...current.links] : [];
          next[i] = core.canonical(preset.link, lang);
          return { lang, presets, links: next };
        }),
      ),
    );
    return () => {
      for (const cancel of cancels) cancel();
    };
  }, [core, presets, lang]);
  return links.lang === lang && links.presets === presets ? links.links : [];
}
