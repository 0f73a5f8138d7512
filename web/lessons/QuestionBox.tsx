// "Predict, then run": the student picks an answer (or drags the start), presses Run, and when
// the run ends the feedback is worked out from that run's own numbers (judge.ts): what actually
// happened, which answer that is, why, and each racer's end.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ModeController } from '../automation';
import { formatNumber, formatPercent } from '../components/format';
import { RacerSwatch } from '../components/RacerSwatch';
import { type Lang, pick, type Translate, useLang, useT } from '../i18n';
import type { LinkStore, Mode } from '../store';
import type { PointKind, Question } from './format';
import { diverged, type ExperimentRun, holds, type NetworkAnalysis, needs, type RacerEnd, type RunEnd } from './judge';
import { MathText } from './MathText';

const POLL_MS = 100;

type Phase = { kind: 'ask' } | { kind: 'running' } | { kind: 'done'; end: RunEnd };

interface Props {
  question: Question;
  store: LinkStore;
  controllers: Map<Mode, ModeController>;
}

// Resolves once every racer has stopped and nothing plays, or with false when `live` turns false
// (the question left the screen).
function runEnded(controller: ModeController, live: { current: boolean }): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = window.setInterval(() => {
      if (!live.current || controller.finished()) {
        window.clearInterval(timer);
        resolve(live.current);
      }
    }, POLL_MS);
  });
}

// The network's analysis where the run ended, when the question is judged by it.
async function analysisAt(controller: ModeController): Promise<NetworkAnalysis | null> {
  try {
    return ((await controller.hessian?.()) as unknown as NetworkAnalysis | undefined) ?? null;
  } catch {
    return null; // a network beyond the Hessian's limit: no analysis, no option holds
  }
}

// Runs the step as the question asks (training, with the panel's moves, or the experiment) and
// reports what happened.
async function runQuestion(
  question: Question,
  controller: ModeController,
  live: { current: boolean },
): Promise<RunEnd | null> {
  const outcomes = question.kind === 'choice' ? question.options.map((option) => option.when) : [question.goal];
  if (question.kind === 'choice' && question.experiment && controller.minimumRatio) {
    const rows = (await controller.minimumRatio(question.experiment)) as unknown as ExperimentRun[];
    return { racers: controller.racers(), experiment: rows };
  }
  if (question.kind === 'choice' && question.moves && controller.runWithMoves)
    await controller.runWithMoves(question.moves).catch(() => {
      // A failed move leaves the racer where it was: the run goes on from there and is judged.
    });
  else controller.run();
  if (!(await runEnded(controller, live))) return null;
  const end: RunEnd = { racers: controller.racers() };
  if (outcomes.some((outcome) => needs(outcome, 'analysis'))) end.analysis = await analysisAt(controller);
  return end;
}

export function QuestionBox({ question, store, controllers }: Props) {
  const t = useT();
  const lang = useLang();
  const [answer, setAnswer] = useState<number | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'ask' });
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const run = () => {
    const active = controllers.get(store.mode);
    if (!active || (question.kind === 'choice' && answer === null)) return;
    setPhase({ kind: 'running' });
    runQuestion(question, active, live)
      .then((end) => {
        if (end && live.current) setPhase({ kind: 'done', end });
      })
      .catch(() => {
        // The experiment was cancelled or failed (its panel says which): ask again.
        if (live.current) setPhase({ kind: 'ask' });
      });
  };

  // A radio group's keys (WAI-ARIA): ←/↑ and →/↓ choose the previous and next answer (and wrap),
  // Home and End the first and last. They stay in the group: ← and → do not change the step.
  const moveAnswer = (event: KeyboardEvent) => {
    if (question.kind !== 'choice' || phase.kind === 'running') return;
    const count = question.options.length;
    const at = answer ?? 0;
    const next: Record<string, number> = {
      ArrowLeft: (at + count - 1) % count,
      ArrowUp: (at + count - 1) % count,
      ArrowRight: answer === null ? 0 : (at + 1) % count,
      ArrowDown: answer === null ? 0 : (at + 1) % count,
      Home: 0,
      End: count - 1,
    };
    if (!(event.key in next) || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    setAnswer(next[event.key]);
    const group = event.currentTarget as HTMLElement;
    group.querySelectorAll<HTMLButtonElement>('[role=radio]')[next[event.key]]?.focus();
  };

  const start = store.state.surface?.start;
  return (
    <section class="question" data-testid="question" aria-live="polite">
      <h3>{t('question.predict')}</h3>
      <p class="question-prompt">
        <MathText text={pick(lang, question.prompt)} />
      </p>
      {question.kind === 'choice' ? (
        <div class="question-options" role="radiogroup" aria-label={pick(lang, question.prompt)} onKeyDown={moveAnswer}>
          {question.options.map((option, i) => (
            <button
              type="button"
              role="radio"
              aria-checked={answer === i}
              // One tab stop for the group (the chosen answer, else the first); arrows move in it.
              tabIndex={i === (answer ?? 0) ? 0 : -1}
              class={`question-option${answer === i ? ' chosen' : ''}`}
              data-testid={`option-${i}`}
              disabled={phase.kind === 'running'}
              onClick={() => setAnswer(i)}
            >
              <MathText text={pick(lang, option.text)} />
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
      {phase.kind === 'done' && <Feedback question={question} answer={answer} end={phase.end} store={store} t={t} />}
    </section>
  );
}

function Feedback({
  question,
  answer,
  end,
  store,
  t,
}: {
  question: Question;
  answer: number | null;
  end: RunEnd;
  store: LinkStore;
  t: Translate;
}) {
  const lang = useLang();
  let verdict: string;
  let right: boolean;
  let why: string;
  if (question.kind === 'choice') {
    const actual = question.options.findIndex((option) => holds(option.when, end));
    right = actual >= 0 && actual === answer;
    verdict =
      actual < 0
        ? t('question.none')
        : right
          ? t('question.right')
          : t('question.wrong', { actual: pick(lang, question.options[actual].text) });
    why = actual >= 0 ? pick(lang, question.options[actual].why) : '';
  } else {
    right = holds(question.goal, end);
    verdict = t(right ? 'question.reached' : 'question.missed');
    why = pick(lang, right ? question.reached : question.missed);
  }
  return (
    <div class={`feedback ${right ? 'feedback-right' : 'feedback-wrong'}`} data-testid="feedback">
      <p>
        <strong data-testid="verdict" data-right={String(right)}>
          {right ? '✓' : '✗'} <MathText text={verdict} />
        </strong>{' '}
        <MathText text={why} />
      </p>
      <p class="small muted">{t('question.numbers')}</p>
      {end.experiment ? (
        <p class="small" data-testid="feedback-experiment">
          {describeExperiment(end.experiment, t)}
        </p>
      ) : (
        <ul class="feedback-racers" data-testid="feedback-racers">
          {end.racers.map((racer, i) => (
            <li>
              <RacerSwatch index={i} /> <code class="racer-text">{racerLabel(racer, store, i)}</code>{' '}
              {describe(racer, lang, t)}
            </li>
          ))}
        </ul>
      )}
      {end.analysis !== undefined && (
        <p class="small" data-testid="feedback-analysis">
          {end.analysis ? describeAnalysis(end.analysis, t) : t('question.analysis.none')}
        </p>
      )}
    </div>
  );
}

// The Critical point panel's numbers in one line.
function describeAnalysis(analysis: NetworkAnalysis, t: Translate): string {
  return t('question.analysis', {
    kind: t(`kind.${analysis.kind}`),
    gradient: formatNumber(analysis.gradientNorm, 3),
    ratio: formatNumber(analysis.minimumRatio, 3),
    negative: analysis.negative,
    sharpness: formatNumber(analysis.lambdaMaxLr, 3),
  });
}

const KINDS: PointKind[] = ['minimum', 'degenerate', 'saddle', 'maximum', 'not-critical'];

// The experiment's runs: how many of each kind, and the range of their minimum ratios.
function describeExperiment(runs: ExperimentRun[], t: Translate): string {
  const kinds = KINDS.map((kind) => ({ kind, count: runs.filter((run) => run.kind === kind).length }))
    .filter(({ count }) => count > 0)
    .map(({ kind, count }) => t('question.experiment.kind', { kind: t(`kind.${kind}`), count }))
    .join(t('list.separator'));
  const ratios = runs.map((run) => run.minimumRatio);
  return t('question.experiment', {
    runs: runs.length,
    kinds,
    smallest: formatNumber(Math.min(...ratios), 3),
    largest: formatNumber(Math.max(...ratios), 3),
  });
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
