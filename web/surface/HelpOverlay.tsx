// The keyboard and pointer shortcuts of the surface page.
import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../i18n';

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const t = useT();
  const close = useRef<HTMLButtonElement>(null);
  // Keyboard users land in the dialog; Escape or Enter closes it.
  useEffect(() => close.current?.focus(), []);
  const rows: [string, Parameters<typeof t>[0]][] = [
    [t('help.space.key'), 'help.space'],
    ['S', 'help.s'],
    ['R', 'help.r'],
    ['?', 'help.question'],
    [t('help.drag.key'), 'help.drag'],
    [t('help.pan.key'), 'help.pan'],
    [t('help.wheel.key'), 'help.wheel'],
    [t('help.click.key'), 'help.click'],
  ];
  return (
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
            {rows.map(([key, text]) => (
              <tr>
                <td>
                  <kbd>{key}</kbd>
                </td>
                <td>{t(text)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" class="primary" ref={close} onClick={onClose}>
          {t('help.close')}
        </button>
      </div>
    </div>
  );
}
