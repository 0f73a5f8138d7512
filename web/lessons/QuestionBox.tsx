// "Predict, then run": the student picks an answer (or drags the start), presses Run, and when
// the run ends the feedback is worked out from that run's own numbers (judge.ts): what actually
// happened, which answer that is, why, and each racer's end.
import { useEffect, useState } from 'preact/hooks';
import type { ModeController } from '../automation';
import { formatNumber, formatPercent } from '../components/format';
import { RacerSwatch } from '../components/RacerSwatch';
import { type Lang, pick, type Translate, useLang, useT } from '../i18n';
import type { LinkStore, Mode } from '../store';
import type { Question } from './format';
import { diverged, holds, type RacerEnd } from './judge';

const POLL_MS = 100;

type Phase = { kind: 'ask' } | { kind: 'running' } | { kind: 'done'; racers: RacerEnd[] };

interface Props {
  question: Question;
  store: LinkStore;
  controllers: Map<Mode, ModeController>;
}

export function QuestionBox({ question, store, controllers }: Props) {
  const t = useT();
  const lang = useLang();
  const [answer, setAnswer] = useState<number | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'ask' });

  // While running, look for the run's end (every racer stopped, nothing playing).
  useEffect(() => {
    if (phase.kind !== 'running') return;
    const timer = window.setInterval(() => {
      const active = controllers.get(store.mode);
      if (active?.finished()) setPhase({ kind: 'done', racers: active.racers() });
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [phase.kind, controllers, store]);

  const run = () => {
    const active = controllers.get(store.mode);
    if (!active || (question.kind === 'choice' && answer === null)) return;
    active.run();
    setPhase({ kind: 'running' });
  };

  const start = store.state.surface?.start;
  return (
    <section class="question" data-testid="question" aria-live="polite">
      <h3>{t('question.predict')}</h3>
      <p class="question-prompt">{pick(lang, question.prompt)}</p>
      {question.kind === 'choice' ? (
        <div class="question-options" role="radiogroup">
          {question.options.map((option, i) => (
            <button
              type="button"
              role="radio"
              aria-checked={answer === i}
              class={`question-option${answer === i ? ' chosen' : ''}`}
              data-testid={`option-${i}`}
              disabled={phase.kind === 'running'}
              onClick={() => setAnswer(i)}
            >
              {pick(lang, option.text)}
            </button>
          ))}
        </div>
      ) : (
        start && (
          <p class="question-start" data-testid="question-start">
            {t('question.yourStart', { x: formatNumber(start[0], 4), y: formatNumber(start[1], 4) })}
          </p>
        )
      )}
      <div class="question-actions">
        <button
          type="button"
          class="primary"
          data-testid="question-run"
          title={t('question.run.title')}
          disabled={phase.kind === 'running' || (question.kind === 'choice' && answer === null)}
          onClick={run}
        >
          ▶ {phase.kind === 'done' ? t('question.again') : t('question.run')}
        </button>
        {phase.kind === 'ask' && question.kind === 'choice' && answer === null && (
          <span class="muted small">{t('question.chooseFirst')}</span>
        )}
        {phase.kind === 'running' && <span class="muted small">{t('question.running')}</span>}
      </div>
      {phase.kind === 'done' && (
        <Feedback question={question} answer={answer} racers={phase.racers} store={store} t={t} />
      )}
    </section>
  );
}

function Feedback({
  question,
  answer,
  racers,
  store,
  t,
}: {
  question: Question;
  answer: number | null;
  racers: RacerEnd[];
  store: LinkStore;
  t: Translate;
}) {
  const lang = useLang();
  let verdict: string;
  let right: boolean;
  let why: string;
  if (question.kind === 'choice') {
    const actual = question.options.findIndex((option) => holds(option.when, racers));
    right = actual >= 0 && actual === answer;
    verdict =
      actual < 0
        ? t('question.none')
        : right
          ? t('question.right')
          : t('question.wrong', { actual: pick(lang, question.options[actual].text) });
    why = actual >= 0 ? pick(lang, question.options[actual].why) : '';
  } else {
    right = holds(question.goal, racers);
    verdict = t(right ? 'question.reached' : 'question.missed');
    why = pick(lang, right ? question.reached : question.missed);
  }
  return (
    <div class={`feedback ${right ? 'feedback-right' : 'feedback-wrong'}`} data-testid="feedback">
      <p>
        <strong data-testid="verdict" data-right={String(right)}>
          {right ? '✓' : '✗'} {verdict}
        </strong>{' '}
        {why}
      </p>
      <p class="small muted">{t('question.numbers')}</p>
      <ul class="feedback-racers" data-testid="feedback-racers">
        {racers.map((racer, i) => (
          <li>
            <RacerSwatch index={i} /> <code class="racer-text">{racerLabel(racer, store, i)}</code>{' '}
            {describe(racer, lang, t)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function racerLabel(racer: RacerEnd, store: LinkStore, index: number): string {
  const name = typeof racer.optimizer === 'string' ? racer.optimizer : (store.state.racers[index]?.text ?? '');
  return typeof racer.loss === 'string' ? `${name} · ${racer.loss}` : name;
}

// A racer's end in words, from the numbers its controller reports. A diverged racer's numbers are
// its last finite ones: the core's status ("diverged at step k") says what happened.
function describe(racer: RacerEnd, lang: Lang, t: Translate): string {
  if (diverged(racer)) return pick(lang, { en: String(racer.status), zh: String(racer.statusZh) });
  const n = (key: string) => (typeof racer[key] === 'number' ? (racer[key] as number) : Number.NaN);
  if ('x' in racer)
    return t('question.surfaceRacer', {
      x: formatNumber(n('x'), 5),
      y: formatNumber(n('y'), 5),
      loss: formatNumber(n('loss'), 4),
    });
  return t('question.classifyRacer', {
    trainLoss: formatNumber(n('trainLoss'), 4),
    testLoss: formatNumber(n('testLoss'), 4),
    trainAcc: formatPercent(n('trainAcc')),
    testAcc: formatPercent(n('testAcc')),
  });
}
