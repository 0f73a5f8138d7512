// The lessons page (`#lesson=index`): every lesson with its summary, its number of steps and a
// link to its first step, in the chapter's order.
import { pick, useLang, useT } from '../i18n';
import type { LinkStore } from '../store';
import { LESSONS } from './index';
import { MathText } from './MathText';
import './lessons.css';

export function LessonIndex({ store }: { store: LinkStore }) {
  const t = useT();
  const lang = useLang();
  const keep = [store.state.lang && `lang=${store.state.lang}`, store.state.page.embed && 'embed=1']
    .filter(Boolean)
    .map((part) => `&${part}`)
    .join('');
  return (
    <section class="lesson-index panel" data-testid="lesson-index">
      <div class="panel-head">
        <h2>{t('lessons.index.title')}</h2>
        <button type="button" class="link" data-testid="lessons-back" onClick={() => store.setValue('lesson', '')}>
          {t('lessons.index.back')}
        </button>
      </div>
      <p class="muted">{t('lessons.index.intro')}</p>
      <ol class="lesson-list">
        {LESSONS.map((lesson, i) => (
          <li data-testid={`lesson-${lesson.name}`}>
            <a href={`#lesson=${lesson.name}&step=1${keep}`}>
              <span class="lesson-number">{i + 1}</span>
              <span class="lesson-card">
                <strong>
                  <MathText text={pick(lang, lesson.title)} />
                </strong>
                <span class="muted">
                  <MathText text={pick(lang, lesson.summary)} />
                </span>
                <span class="lesson-meta">
                  {t('lessons.index.steps', { count: lesson.steps.length })} · {t('lessons.index.start')} →
                </span>
              </span>
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}
