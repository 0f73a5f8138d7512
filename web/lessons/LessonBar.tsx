// The lesson on screen: which lesson and step, a progress indicator (one dot per step), the
// step's text and question, and the way on (buttons and ←/→). The playground under it stays
// fully live; moving to a step opens its link, so the address always says where the student is.
import type { ModeController } from '../automation';
import { useKeyboardShortcuts } from '../components/useKeyboardShortcuts';
import { pick, useLang, useT } from '../i18n';
import type { LinkStore, Mode } from '../store';
import type { Lesson } from './format';
import { LESSONS } from './index';
import { MathText } from './MathText';
import { INDEX, keptPageKeys, stepLink, stepMode } from './navigation';
import { QuestionBox } from './QuestionBox';
import './lessons.css';

interface Props {
  lesson: Lesson;
  step: number; // 1-based
  store: LinkStore;
  controllers: Map<Mode, ModeController>;
}

export function LessonBar({ lesson, step, store, controllers }: Props) {
  const t = useT();
  const lang = useLang();
  const count = lesson.steps.length;
  const current = lesson.steps[step - 1];
  const number = LESSONS.indexOf(lesson) + 1;
  const nextLesson = LESSONS[number];

  // Another step is another place: Back returns to this one. Restoring this step is an edit.
  const open = (target: Lesson, k: number) =>
    store.open(stepLink(target, k, keptPageKeys(store.state, stepMode(target.steps[k - 1]))), {
      newEntry: target !== lesson || k !== step,
    });
  const previous = () => step > 1 && open(lesson, step - 1);
  const next = () => {
    if (step < count) open(lesson, step + 1);
    else if (nextLesson) open(nextLesson, 1);
  };
  useKeyboardShortcuts({ ArrowLeft: previous, ArrowRight: next }, [lesson, step, store]);

  const langPart = store.state.lang ? `&lang=${store.state.lang}` : '';
  return (
    <section class="lesson-bar panel" data-testid="lesson-bar" aria-label={pick(lang, lesson.title)}>
      <div class="lesson-head">
        <a class="lesson-all" href={`#lesson=${INDEX}${langPart}`} data-testid="lesson-all">
          {t('lesson.all')}
        </a>
        <span class="lesson-title">
          {t('lesson.label', { number })} ·{' '}
          <strong>
            <MathText text={pick(lang, lesson.title)} />
          </strong>
        </span>
        <span class="lesson-progress" data-testid="lesson-progress">
          {t('lesson.progress', { step, steps: count })}
        </span>
        <ol class="lesson-dots">
          {lesson.steps.map((s, i) => (
            <li>
              <button
                type="button"
                class={i + 1 === step ? 'current' : i + 1 < step ? 'done' : ''}
                aria-current={i + 1 === step ? 'step' : undefined}
                aria-label={t('lesson.goto', { step: i + 1, title: pick(lang, s.title) })}
                title={t('lesson.goto', { step: i + 1, title: pick(lang, s.title) })}
                onClick={() => open(lesson, i + 1)}
              />
            </li>
          ))}
        </ol>
        <div class="lesson-nav">
          <button
            type="button"
            data-testid="lesson-previous"
            title={t('lesson.previous.title')}
            disabled={step <= 1}
            onClick={previous}
          >
            {t('lesson.previous')}
          </button>
          {step < count ? (
            <button
              type="button"
              class="primary"
              data-testid="lesson-next"
              title={t('lesson.next.title')}
              onClick={next}
            >
              {t('lesson.next')}
            </button>
          ) : (
            nextLesson && (
              <button
                type="button"
                class="primary"
                data-testid="lesson-next"
                title={t('lesson.nextLesson.title', { title: pick(lang, nextLesson.title) })}
                onClick={next}
              >
                {t('lesson.nextLesson')}
              </button>
            )
          )}
        </div>
      </div>
      <h2 class="lesson-step-title" data-testid="lesson-step-title">
        {step}. <MathText text={pick(lang, current.title)} />
      </h2>
      <p class="lesson-text" data-testid="lesson-text">
        <MathText text={pick(lang, current.text)} />
      </p>
      {current.question && (
        <QuestionBox
          key={`${lesson.name}/${step}/${store.opened}`}
          question={current.question}
          store={store}
          controllers={controllers}
        />
      )}
      <div class="lesson-foot">
        <button
          type="button"
          class="link"
          data-testid="lesson-restore"
          title={t('lesson.restore.title')}
          onClick={() => open(lesson, step)}
        >
          {t('lesson.restore')}
        </button>
        <button
          type="button"
          class="link"
          data-testid="lesson-leave"
          title={t('lesson.leave.title')}
          onClick={() => store.setValue('lesson', '')}
        >
          {t('lesson.leave')}
        </button>
      </div>
    </section>
  );
}
