// The dismissible notice that lists what a link contained that could not be used. Link text
// is only ever shown as text (Preact escapes it), never as HTML. However bad the link, it stays
// small: the core counts repeated problems, the list shows the first few with the rest behind a
// button (then scrolls inside the notice), and the whole notice folds to its title line.
import { useEffect, useState } from 'preact/hooks';
import type { Problem } from '../core';
import { pick, useLang, useT } from '../i18n';

const FIRST_ITEMS = 8;

export function Notice({ problems, onDismiss }: { problems: Problem[]; onDismiss: () => void }) {
  const t = useT();
  const lang = useLang();
  const [open, setOpen] = useState(true);
  const [all, setAll] = useState(false);
  // A new set of problems is shown open, with its first items.
  useEffect(() => {
    setOpen(true);
    setAll(false);
  }, [problems]);
  if (problems.length === 0) return null;
  const shown = all ? problems : problems.slice(0, FIRST_ITEMS);
  return (
    <div class="notice" role="alert" data-testid="notice">
      <div class="notice-body">
        <button
          type="button"
          class="notice-toggle"
          aria-expanded={open}
          data-testid="notice-toggle"
          title={t(open ? 'notice.collapse' : 'notice.expand')}
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> <strong>{t('notice.title')}</strong>{' '}
          <span class="notice-count">{t('notice.count', { count: problems.length })}</span>
        </button>
        {open && (
          <>
            <ul class={all ? 'notice-all' : ''}>
              {shown.map((p, i) => (
                <li key={i}>{t('notice.item', { key: p.key, value: p.value, reason: pick(lang, p.reason) })}</li>
              ))}
            </ul>
            {shown.length < problems.length && (
              <button type="button" class="link" data-testid="notice-more" onClick={() => setAll(true)}>
                {t('notice.more', { count: problems.length - shown.length })}
              </button>
            )}
          </>
        )}
      </div>
      <button type="button" class="notice-close" onClick={onDismiss} aria-label={t('notice.dismiss')}>
        ×
      </button>
    </div>
  );
}
