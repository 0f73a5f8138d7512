// Presentation mode's own controls (full screen, leave presentation, the keys) and, for an
// embedded page, the small link that opens the same state in the full playground (in an
// embedded presentation, a slide, it takes the place of "Leave presentation").
import { useEffect, useState } from 'preact/hooks';
import { useKeyboardShortcuts } from '../components/useKeyboardShortcuts';
import type { Core } from '../core';
import { useT } from '../i18n';
import type { LinkStore } from '../store';
import './classroom.css';

function toggleFullScreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen();
  else void document.documentElement.requestFullscreen?.().catch(() => {});
}

export function PresentBar({ core, store }: { core: Core; store: LinkStore }) {
  const t = useT();
  const [full, setFull] = useState(!!document.fullscreenElement);
  useEffect(() => {
    const onChange = () => setFull(!!document.fullscreenElement);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  useKeyboardShortcuts({ f: toggleFullScreen }, []);
  return (
    <div class="present-bar" data-testid="present-bar">
      <span class="present-keys muted">{t('classroom.keys')}</span>
      <button type="button" data-testid="fullscreen" title={t('classroom.fullscreen.title')} onClick={toggleFullScreen}>
        {full ? t('classroom.fullscreen.exit') : t('classroom.fullscreen')}
      </button>
      {store.state.page.embed ? (
        <EmbedLink core={core} store={store} />
      ) : (
        <button type="button" data-testid="present-exit" onClick={() => store.setValue('present', '0')}>
          {t('classroom.present.exit')}
        </button>
      )}
    </div>
  );
}

// The link to this state outside the frame: the same link in the full playground (without
// `embed`, and without `present`: whoever opens it wants to try things).
export function EmbedLink({ core, store }: { core: Core; store: LinkStore }) {
  const t = useT();
  const outside = core.setValue(core.setValue(store.link, 'embed', '0').link, 'present', '0').link;
  const href = `${location.pathname}#${outside}`;
  return (
    <a
      class="embed-open"
      href={href}
      target="_blank"
      rel="noopener"
      title={t('classroom.embed.open.title')}
      data-testid="embed-open"
    >
      {t('classroom.embed.open')}
    </a>
  );
}
