// "Embed": an <iframe> snippet that shows the current state inside another page (embed=1: no
// header, a small link back to the full playground), optionally in presentation mode. The
// snippet is shown as text in a read-only box, never inserted as HTML.
import { useState } from 'preact/hooks';
import type { Core } from '../core';
import { useT } from '../i18n';
import type { LinkStore } from '../store';
import { Dialog } from './Dialog';

const FRAME_HEIGHT = 760;

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

export function embedSnippet(core: Core, link: string, present: boolean, title: string): string {
  let embedded = core.setValue(link, 'embed', '1').link;
  if (present) embedded = core.setValue(embedded, 'present', '1').link;
  const src = `${location.origin}${location.pathname}#${embedded}`;
  return (
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="100%" height="${FRAME_HEIGHT}" ` +
    'style="border:0" loading="lazy" allow="fullscreen" allowfullscreen></iframe>'
  );
}

export function EmbedDialog({ core, store, onClose }: { core: Core; store: LinkStore; onClose: () => void }) {
  const t = useT();
  const [present, setPresent] = useState(store.state.page.present);
  const [copied, setCopied] = useState(false);
  const snippet = embedSnippet(core, store.link, present, t('app.title'));
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 1500);
    } catch {
      window.prompt(t('classroom.embed.copy'), snippet);
    }
  };
  return (
    <Dialog id="embed" heading={t('classroom.embed.heading')} onClose={onClose}>
      <p class="small muted">{t('classroom.embed.hint')}</p>
      <label class="field-check">
        <input
          type="checkbox"
          checked={present}
          data-testid="embed-present"
          onChange={(event) => setPresent((event.currentTarget as HTMLInputElement).checked)}
        />
        {t('classroom.embed.present')}
      </label>
      <textarea class="embed-snippet mono" readOnly rows={5} value={snippet} data-testid="embed-snippet" />
      <div class="dialog-actions">
        <button type="button" class="primary" onClick={copy} data-testid="embed-copy">
          {copied ? t('classroom.embed.copied') : t('classroom.embed.copy')}
        </button>
        <button type="button" onClick={onClose}>
          {t('classroom.embed.close')}
        </button>
      </div>
    </Dialog>
  );
}
