// A labelled select for one of the core's names (activation, loss, regularisation, ...), each
// option with its description from the catalogue as a tooltip. The choice goes to the codec;
// a problem shows under the field.
import { useState } from 'preact/hooks';
import { FieldProblems } from '../components/FieldProblems';
import type { Problem } from '../core';

export interface Choice {
  value: string;
  label: string;
  title?: string;
}

interface Props {
  label: string;
  value: string;
  choices: Choice[];
  title?: string;
  disabled?: boolean;
  testId: string;
  commit: (value: string) => Problem[];
}

export function ChoiceField({ label, value, choices, title, disabled, testId, commit }: Props) {
  const [problems, setProblems] = useState<Problem[]>([]);
  return (
    <label class="field" title={title}>
      <span class="field-label">{label}</span>
      <select
        value={value}
        disabled={disabled}
        data-testid={testId}
        onChange={(e) => setProblems(commit((e.currentTarget as HTMLSelectElement).value))}
      >
        {choices.map((c) => (
          <option value={c.value} title={c.title}>
            {c.label}
          </option>
        ))}
      </select>
      <FieldProblems problems={problems} />
    </label>
  );
}
