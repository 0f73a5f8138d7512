// "PyTorch script": the current link as a Python program that prints the same numbers as the
// playground (the core writes it: `playground torch`). Written on demand, when the dialog opens,
// in the page's language; shown read-only, never as HTML, with Download and Copy.
import { createPortal } from 'preact/compat';
import { useMemo, useState } from 'preact/hooks';
import { Dialog } from '../classroom/Dialog';
import type { Core } from '../core';
import { useLang, useT } from '../i18n';
import type { LinkStore } from '../store';
import { downloadBlob } from './download';

export function TorchExport({ core, store }: { core: Core; store: LinkStore }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" data-testid="export-torch" title={t('torch.title')} onClick={() => setOpen(true)}>
        {t('torch.button')}
      </button>
      {/* Into the page's <main> (whose controls' styles it shares): a panel's layout containment
          would clip a fixed overlay to the panel (as HelpOverlay does). */}
      {open &&
        createPortal(
          <TorchDialog core={core} link={store.link} onClose={() => setOpen(false)} />,
          document.querySelector('main') ?? document.body,
        )}
    </>
  );
}

// The dialog shows the script's first lines: a classification script embeds hundreds of points
// and up to thousands of weights, and laying out all of them would take the main thread for
// longer than a frame budget allows. Download and Copy take the whole text.
const PREVIEW_LINES = 250;

function preview(script: string): { text: string; more: number } {
  let end = -1;
  for (let line = 0; line < PREVIEW_LINES; ++line) {
    end = script.indexOf('\n', end + 1);
    if (end < 0) return { text: script, more: 0 };
  }
  const rest = script.slice(end + 1);
  return { text: script.slice(0, end + 1), more: rest.split('\n').length - (rest.endsWith('\n') ? 1 : 0) };
}

function TorchDialog({ core, link, onClose }: { core: Core; link: string; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const result = useMemo(() => core.torchScript(link, lang), [core, link, lang]);
  const shown = useMemo(() => preview(result.script), [result]);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(result.script);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 1500);
    } catch {
      window.prompt(t('torch.copy'), result.script);
    }
  };
  const download = () => downloadBlob(new Blob([result.script], { type: 'text/x-python' }), result.fileName);
  return (
    <Dialog id="torch" heading={t('torch.heading')} onClose={onClose}>
      {result.ok ? (
        <>
          <p class="small muted">{t('torch.hint', { file: result.fileName })}</p>
          <textarea
            class="embed-snippet mono"
            readOnly
            wrap="off"
            rows={14}
            value={shown.text}
            data-testid="torch-script"
          />
          {shown.more > 0 && (
            <p class="small muted" data-testid="torch-more">
              {t('torch.more', { count: shown.more })}
            </p>
          )}
        </>
      ) : (
        <p class="field-error" role="alert" data-testid="torch-refusal">
          {t('torch.refused', { reason: result.refusal[lang] })}
        </p>
      )}
      <div class="dialog-actions">
        {result.ok && (
          <>
            <button type="button" class="primary" onClick={download} data-testid="torch-download">
              {t('torch.download')}
            </button>
            <button type="button" onClick={copy} data-testid="torch-copy">
              {copied ? t('torch.copied') : t('torch.copy')}
            </button>
          </>
        )}
        <button type="button" onClick={onClose}>
          {t('torch.close')}
        </button>
      </div>
    </Dialog>
  );
}
