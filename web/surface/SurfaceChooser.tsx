// The surface: every built-in with its one-line description and formula, the custom
// expression box (checked as you type, the error pointing at its column), the view box and
// the start point, and the layers drawn over the map.
import { useEffect, useState } from 'preact/hooks';
import { ParamField } from '../components/ParamField';
import { ShowToggle } from '../components/ShowToggle';
import type { Core } from '../core';
import { pick, useLang, useT } from '../i18n';
import type { LinkStore } from '../store';
import { Formula } from './Formula';

const EXAMPLE_EXPRESSION = 'x^2 + 3*y^2 + sin(3*x)*cos(2*y)';

// Coordinates for an input box: 12 significant digits hide binary noise (0.7999999999999998).
const numbers = (values: number[]) => values.map((v) => Number(v.toPrecision(12))).join(',');

export function SurfaceChooser({ core, store }: { core: Core; store: LinkStore }) {
  const t = useT();
  const lang = useLang();
  const surface = store.state.surface!;
  const info = core.surface(surface.name);

  const choose = (name: string) => {
    if (name === 'custom') store.setValue('expr', surface.expression || EXAMPLE_EXPRESSION);
    else store.setValue('surface', name);
  };
  const defaultView = info?.view ?? [-2, 2, -2, 2];

  return (
    <div class="panel surface-chooser" data-testid="surface-chooser">
      <div class="panel-head">
        <h2>{t('surface.title')}</h2>
        <select
          value={surface.name}
          data-testid="surface-select"
          aria-label={t('surface.title')}
          onChange={(e) => choose((e.currentTarget as HTMLSelectElement).value)}
        >
          {core.catalogue.surfaces.map((s) => (
            <option value={s.name} title={pick(lang, s.summary)}>
              {s.name}
            </option>
          ))}
          <option value="custom">{t('surface.custom')}</option>
        </select>
      </div>
      {info ? (
        <>
          <p class="surface-summary" data-testid="surface-summary">
            {pick(lang, info.summary)}
          </p>
          <div class="surface-formula">
            <Formula tex={`f(${info.axes[0]}, ${info.axes[1]}) = ${info.formula}`} />
          </div>
          {pick(lang, info.minima_note) && (
            <p class="muted small">{t('surface.minima', { note: pick(lang, info.minima_note) })}</p>
          )}
        </>
      ) : (
        <ExpressionBox core={core} value={surface.expression} commit={(text) => store.setValue('expr', text)} />
      )}
      <details class="surface-list">
        <summary>{t('surface.all')}</summary>
        <ul>
          {core.catalogue.surfaces.map((s) => (
            <li>
              <button type="button" class="link" onClick={() => choose(s.name)}>
                {s.name}
              </button>{' '}
              — {pick(lang, s.summary)}
            </li>
          ))}
        </ul>
      </details>
      <div class="field-grid">
        <ParamField
          label={t('surface.view')}
          value={numbers(surface.view)}
          testId="view"
          wide
          commit={(text) => store.setValue('view', text)}
        />
        <ParamField
          label={t('surface.start')}
          value={numbers(surface.start)}
          testId="start"
          commit={(text) => store.setValue('start', text)}
        />
        <button
          type="button"
          data-testid="reset-view"
          disabled={!surface.view_set}
          onClick={() => store.setValue('view', defaultView.join(','))}
        >
          {t('surface.resetView')}
        </button>
      </div>
      <div class="layer-toggles" role="group" aria-label={t('layers.title')}>
        <span class="field-label">{t('layers.title')}</span>
        {(['grad', 'm', 'crit'] as const).map((flag) => (
          <ShowToggle
            store={store}
            flag={flag}
            label={t(`layers.${flag}`)}
            title={t(`layers.${flag}.title`)}
            testId={`show-${flag}`}
          />
        ))}
      </div>
    </div>
  );
}

// The custom expression: checked by the core's parser on every keystroke, applied on Enter or
// when the box loses focus; an error shows the message and a caret under its column.
function ExpressionBox({ core, value, commit }: { core: Core; value: string; commit: (text: string) => unknown }) {
  const t = useT();
  const lang = useLang();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const check = core.checkExpression(text);
  const submit = () => {
    if (check.ok && text !== value) commit(text);
  };
  return (
    <div class="expression-box">
      <label class="field field-wide">
        <span class="field-label">{t('surface.expression')}</span>
        <input
          type="text"
          class="mono"
          spellcheck={false}
          autocomplete="off"
          value={text}
          data-testid="expression"
          aria-invalid={!check.ok}
          onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
          onChange={submit}
          onKeyDown={(e) => e.key === 'Enter' && submit()}
        />
      </label>
      {!check.ok && (
        <div class="expression-error" role="alert" data-testid="expression-error">
          <pre class="mono">
            {text}
            {'\n'}
            {' '.repeat(Math.max(0, (check.column || [...text].length + 1) - 1))}^
          </pre>
          <span>
            {t('surface.expression.error')} {pick(lang, check.message)}
          </span>
        </div>
      )}
      <p class="muted small">{t('surface.expression.help')}</p>
    </div>
  );
}
