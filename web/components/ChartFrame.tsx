// A chart's frame on its dark ground: the title, an optional switch (a log scale), the box uPlot
// draws into, and whatever goes under the chart (a readout).
import type { ComponentChildren, RefObject } from 'preact';
import './components.css';

export interface ChartSwitch {
  on: boolean;
  set: (on: boolean) => void;
  label: string;
  title?: string;
  disabled?: boolean; // the switch cannot be used now (its title says why)
}

interface Props {
  title: string;
  testId: string;
  holder: RefObject<HTMLDivElement>;
  toggle?: ChartSwitch;
  children?: ComponentChildren;
}

export function ChartFrame({ title, testId, holder, toggle, children }: Props) {
  return (
    <figure class="chart" data-testid={testId}>
      <figcaption>
        <span>{title}</span>
        {toggle && (
          <label class="field-check" title={toggle.title}>
            <input
              type="checkbox"
              checked={toggle.on}
              disabled={toggle.disabled}
              onChange={(e) => toggle.set((e.currentTarget as HTMLInputElement).checked)}
            />
            {toggle.label}
          </label>
        )}
      </figcaption>
      <div ref={holder} class="chart-plot" />
      {children}
    </figure>
  );
}
