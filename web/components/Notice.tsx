// The dismissible notice that lists what a link contained that could not be used. Link text
// is only ever shown as text (Preact escapes it), never as HTML.
import type { Problem } from '../core';
import { pick, useLang, useT } from '../i18n';

export function Notice({ problems, onDismiss }: { problems: Problem[]; onDismiss: () => void }) {
  const t = useT();
  const lang = useLang();
  if (problems.length === 0) return null;
  return (
    <div class="notice" role="alert" data-testid="notice">
      <div class="notice-body">
        <strong>{t('notice.title')}</strong>
        <ul>
          {problems.map((p, i) => (
            <li key={i}>{t('notice.item', { key: p.key, value: p.value, reason: pick(lang, p.reason) })}</li>
          ))}
        </ul>
      </div>
      <button type="button" class="notice-close" onClick={onDismiss} aria-label={t('notice.dismiss')}>
        ×
      </button>
    </div>
  );
}
