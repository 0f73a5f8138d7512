// A slider for one classify setting (noise, train %, batch, classes): the value shows while
// dragging and goes to the core's codec when the slider is released. A problem shows under it.
import { useEffect, useState } from 'preact/hooks';
import { FieldProblems } from '../components/FieldProblems';
import type { ParamSpec, Problem } from '../core';
import { pick, useLang } from '../i18n';

interface Props {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  spec?: ParamSpec; // for the tooltip
  unit?: string;
  testId: string;
  commit: (text: string) => Problem[];
}

export function SliderField({ label, value, min, max, step = 1, spec, unit = '', testId, commit }: Props) {
  const lang = useLang();
  const [shown, setShown] = useState(value);
  const [problems, setProblems] = useState<Problem[]>([]);
  useEffect(() => setShown(value), [value]);

  return (
    <label class="slider-field" title={spec ? pick(lang, spec.summary) : undefined}>
      <span class="slider-label">
        {label}
        <output data-testid={`${testId}-value`}>
          {shown}
          {unit}
        </output>
      </span>
      <input
        type="range"
        min={min}
        max={max}
        step={step}
        value={shown}
        data-testid={testId}
        onInput={(e) => setShown(Number((e.currentTarget as HTMLInputElement).value))}
        onChange={(e) => {
          const found = commit((e.currentTarget as HTMLInputElement).value);
          setProblems(found);
          if (found.length) setShown(value);
        }}
      />
      <FieldProblems problems={problems} />
    </label>
  );
}
