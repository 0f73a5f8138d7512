// The selected racer's update in the chapter's notation, θ ← θ − (η_t/σ_t)·m_t: the rule, the
// gradient g_t it uses (a mini-batch estimate or noisy where the racer draws one), how this
// optimizer forms m and σ from it (its book form where the racer uses it), its schedule, and the
// live numbers of g, m, σ, η_t and η_t/σ for each parameter.
import { formatNumber } from '../components/format';
import { RacerSwatch } from '../components/RacerSwatch';
import type { Core, RacerState } from '../core';
import { pick, useLang, useT } from '../i18n';
import type { LinkStore } from '../store';
import { Formula } from './Formula';
import { useFrames } from './hooks';
import type { SurfaceRunner } from './runner';
import { gradientFormula, sampled } from './sampling';
import { statusText } from './status';

const UPDATE_RULE = String.raw`\theta_{t+1}^i = \theta_t^i - \frac{\eta_t}{\sigma_t^i}\, m_t^i`;

interface Props {
  core: Core;
  store: LinkStore;
  runner: SurfaceRunner;
  selected: number;
}

export function FormulaPanel({ core, store, runner, selected }: Props) {
  const t = useT();
  const lang = useLang();
  useFrames(runner, 250);
  const racer: RacerState | undefined = store.state.racers[selected];
  if (!racer || selected >= runner.session.racerCount()) return null;
  const optimizer = core.optimizer(racer.optimizer);
  const schedule = core.schedule(racer.schedule);
  const book = racer.params.variant === 'book' && !!optimizer?.formula_m_book;
  const formulaM = book ? optimizer!.formula_m_book : (optimizer?.formula_m ?? '');
  const formulaSigma = book ? optimizer!.formula_sigma_book : (optimizer?.formula_sigma ?? '');
  const frame = runner.session.racer(selected);
  const surface = core.surface(store.state.surface!.name);
  const axes = surface?.axes ?? ['x', 'y'];
  const status = statusText(frame, lang, t);
  const drawn = sampled(racer);
  // Before the first update there are no g, m, σ or η_t/σ yet.
  const started = frame.step > 0;
  // [symbol, x, y, known before the first update]
  type Row = [string, number, number, boolean];
  const rows: Row[] = [
    // Where the update used a drawn gradient, the exact one beside it.
    ...(drawn ? [['\\nabla f(\\theta_t)', frame.exactX, frame.exactY, false] as Row] : []),
    ['g_t^i', frame.usedX, frame.usedY, false],
    ['m_t^i', frame.mX, frame.mY, false],
    ['\\sigma_t^i', frame.sigmaX, frame.sigmaY, false],
    ['\\eta_t', frame.lr, frame.lr, true],
    ['\\eta_t / \\sigma_t^i', frame.rateX, frame.rateY, false],
  ];

  return (
    <div class="panel formula-panel" data-testid="formula-panel">
      <div class="panel-head">
        <h2>
          <RacerSwatch index={selected} /> {t('formula.title')}
        </h2>
        <code class="racer-text">{racer.text}</code>
      </div>
      <div class="formula-rule">
        <Formula tex={UPDATE_RULE} display testId="formula-rule" />
      </div>
      <dl class="formula-parts">
        {drawn && (
          <>
            <dt>{t('formula.g')}</dt>
            <dd>
              <Formula tex={gradientFormula(racer, surface?.data_terms ?? 0)} testId="formula-g" />
            </dd>
          </>
        )}
        {optimizer?.formula_decay && (
          <>
            <dt>{t('formula.decay')}</dt>
            <dd>
              <Formula tex={optimizer.formula_decay} />
            </dd>
          </>
        )}
        <dt>{t('formula.m')}</dt>
        <dd>
          <Formula tex={formulaM} testId="formula-m" />
        </dd>
        <dt>{t('formula.sigma')}</dt>
        <dd>
          <Formula tex={formulaSigma} testId="formula-sigma" />
        </dd>
        <dt>{t('formula.eta')}</dt>
        <dd>
          {schedule && <Formula tex={schedule.formula} testId="formula-eta" />}
          <div class="muted small">
            <code>{racer.schedule}</code>
            {racer.warmup > 0 && <code> + warmup {racer.warmup}</code>} — {schedule ? pick(lang, schedule.summary) : ''}
          </div>
        </dd>
      </dl>
      {book && <p class="muted small">{t('formula.book')}</p>}
      <table class="live-numbers" data-testid="live-numbers">
        <thead>
          <tr>
            <th>{started ? t('formula.live', { step: frame.step }) : t('formula.notStarted')}</th>
            <th>i = {axes[0]}</th>
            <th>i = {axes[1]}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([symbol, x, y, known]) => (
            <tr>
              <th>
                <Formula tex={symbol} />
              </th>
              <td>{started || known ? formatNumber(x, 5) : '–'}</td>
              <td>{started || known ? formatNumber(y, 5) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted small formula-position">
        {axes[0]} = {formatNumber(frame.x, 6)}, {axes[1]} = {formatNumber(frame.y, 6)}, f ={' '}
        {formatNumber(frame.loss, 6)}, |∇f| = {formatNumber(Math.hypot(frame.gradX, frame.gradY), 4)} · {status.text}
      </p>
    </div>
  );
}
