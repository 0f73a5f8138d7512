// One input for a value in link syntax (a hyperparameter, the step limit, a view box, ...).
// The user's text goes straight to the core's codec on Enter or when the field loses focus; a
// problem is shown under the field, in the page's language, and nothing changes.
import { useEffect, useState } from 'preact/hooks';
import type { ParamSpec, Problem } from '../core';
import { pick, useLang, useT } from '../i18n';
import { FieldProblems } from './FieldProblems';
import './components.css';

interface Props {
  label: string;
  value: string; // the current value as the link writes it
  commit: (text: string) => Problem[];
  spec?: ParamSpec; // for the tooltip (summary, default, range) and the kind of input
  placeholder?: string;
  testId?: string;
  wide?: boolean;
}

export function rangeText(spec: ParamSpec): string {
  const low = spec.min === null ? '−∞' : String(spec.min);
  const high = spec.max === null ? '∞' : String(spec.max);
  return `${spec.min_open ? '(' : '['}${low}, ${high}${spec.max_open ? ')' : ']'}`;
}

export function ParamField({ label, value, commit, spec, placeholder, testId, wide }: Props) {
  const t = useT();
  const lang = useLang();
  const [text, setText] = useState(value);
  const [problems, setProblems] = useState<Problem[]>([]);
  // A change from elsewhere (a preset, the map, another tab of the link) replaces the text.
  useEffect(() => {
    setText(value);
    setProblems([]);
  }, [value]);

  const tooltip = spec
    ? [
        pick(lang, spec.summary),
        spec.default_text || spec.default_note
          ? t('field.default', { value: spec.default_text || spec.default_note })
          : '',
        spec.kind === 'real' || spec.kind === 'integer' ? t('field.range', { range: rangeText(spec) }) : '',
        // A translated label hides the name the link uses.
        label !== spec.name ? t('field.key', { key: spec.name }) : '',
      ]
        .filter(Boolean)
        .join('\n')
    : undefined;

  const apply = (next: string) => {
    const found = commit(next.trim());
    setProblems(found);
  };

  if (spec?.kind === 'boolean') {
    return (
      <label class="field field-check" title={tooltip}>
        <input
          type="checkbox"
          checked={value === 'true'}
          data-testid={testId}
          onChange={(e) => apply((e.currentTarget as HTMLInputElement).checked ? 'true' : 'false')}
        />
        <span class="field-label">{label}</span>
      </label>
    );
  }
  if (spec?.kind === 'choice' && spec.choices) {
    return (
      <label class="field" title={tooltip}>
        <span class="field-label">{label}</span>
        <select
          value={value}
          data-testid={testId}
          onChange={(e) => apply((e.currentTarget as HTMLSelectElement).value)}
        >
          {spec.choices.map((choice) => (
            <option value={choice}>{choice}</option>
          ))}
        </select>
      </label>
    );
  }
  return (
    <label class={`field${wide ? ' field-wide' : ''}${problems.length ? ' field-invalid' : ''}`} title={tooltip}>
      <span class="field-label">{label}</span>
      <input
        type="text"
        inputMode={spec?.kind === 'list' ? 'text' : 'decimal'}
        spellcheck={false}
        autocomplete="off"
        value={text}
        placeholder={placeholder ?? spec?.default_note}
        data-testid={testId}
        aria-invalid={problems.length > 0}
        onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
        onChange={(e) => apply((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setText(value);
            setProblems([]);
          }
        }}
      />
      <FieldProblems problems={problems} testId={testId ? `${testId}-error` : undefined} />
    </label>
  );
}
