// A page's keyboard and pointer shortcuts, as a dialog: each row a key (or a gesture) and what
// it does, in the page's language. Both pages open it with `?`. It is drawn straight into the
// page's <main> (whose controls' styles it shares): a panel's layout containment would clip a
// fixed overlay to the panel.
import { createPortal } from 'preact/compat';
import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../i18n';

export function HelpOverlay({ rows, onClose }: { rows: [key: string, does: string][]; onClose: () => void }) {
  const t = useT();
  const close = useRef<HTMLButtonElement>(null);
  // Keyboard users land in the dialog; Escape or Enter closes it.
  useEffect(() => close.current?.focus(), []);
  return createPortal(
    // A click outside the card closes the dialog, as Escape does from the keyboard.
    // biome-ignore lint/a11y/useKeyWithClickEvents: Escape and Enter close it (see above)
    <div
      class="overlay"
      role="dialog"
      aria-modal="true"
      aria-label={t('help.title')}
      data-testid="help-overlay"
      onClick={onClose}
    >
      {/* biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: only stops a click inside the card from closing the dialog */}
      <div class="overlay-card" onClick={(e) => e.stopPropagation()}>
        <h2>{t('help.title')}</h2>
        <table>
          <tbody>
            {rows.map(([key, does]) => (
              <tr>
                <td>
                  <kbd>{key}</kbd>
                </td>
                <td>{does}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" class="primary" ref={close} onClick={onClose}>
          {t('help.close')}
        </button>
      </div>
    </div>,
    document.querySelector('main') ?? document.body,
  );
}
