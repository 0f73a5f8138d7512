// "Embed": an <iframe> snippet that shows the current state inside another page (embed=1: no
// header, a small link back to the full playground), optionally in presentation mode. The
// snippet is shown as text in a read-only box, never inserted as HTML.
import { useState } from 'preact/hooks';
import type { Core } from '../core';
import { useT } from '../i18n';
import type { LinkStore } from '../store';
import { Dialog } from './Dialog';

// The frame's height in CSS pixels. The embedded page fits its map and play controls into any
// of these (its layout follows the frame's height); a lesson needs room for its text and answers.
export const FRAME_HEIGHTS = [540, 640, 720, 760, 900, 1080] as const;

export function defaultFrameHeight(present: boolean, lesson: boolean): number {
  if (lesson) return 900;
  return present ? 720 : 760;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

// Attributes only, no inline style: a host page with a strict style-src would refuse one.
// `frameborder="0"` takes the frame's border away (a presentational attribute, not a style);
// `allowfullscreen` alone lets the Full screen button work (with `allow="fullscreen"` as well,
// the browser warns that one overrides the other).
export function embedSnippet(core: Core, link: string, present: boolean, title: string, height: number): string {
  let embedded = core.setValue(link, 'embed', '1').link;
  embedded = core.setValue(embedded, 'present', present ? '1' : '0').link;
  const src = `${location.origin}${location.pathname}#${embedded}`;
  return (
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="100%" height="${height}" ` +
    'frameborder="0" loading="lazy" allowfullscreen></iframe>'
  );
}

export function EmbedDialog({ core, store, onClose }: { core: Core; store: LinkStore; onClose: () => void }) {
  const t = useT();
  const [present, setPresent] = useState(store.state.page.present);
  const lesson = store.state.page.lesson !== '';
  const [chosenHeight, setHeight] = useState<number | null>(null);
  const height = chosenHeight ?? defaultFrameHeight(present, lesson);
  const [copied, setCopied] = useState(false);
  const snippet = embedSnippet(core, store.link, present, t('app.title'), height);
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
      <label class="field embed-height">
        <span class="field-label">{t('classroom.embed.height')}</span>
        <select
          value={String(height)}
          data-testid="embed-height"
          onChange={(event) => setHeight(Number((event.currentTarget as HTMLSelectElement).value))}
        >
          {FRAME_HEIGHTS.map((h) => (
            <option value={String(h)}>{t('classroom.embed.pixels', { pixels: h })}</option>
          ))}
        </select>
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
