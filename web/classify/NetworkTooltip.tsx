// The weight or bias under the pointer on the network diagram, with its effective rate η_t/σ
// for the next update.
import { formatNumber } from '../components/format';
import type { NamedInfo } from '../core';
import { useT } from '../i18n';
import { useNews } from './hooks';
import type { Hover } from './networkHit';
import { biasIndex, weightIndex } from './networkLayout';
import type { ClassifyRunner } from './runner';

// Kept current while training.
export function NetworkTooltip({
  runner,
  hover,
  features,
}: {
  runner: ClassifyRunner;
  hover: Hover;
  features: NamedInfo[];
}) {
  const t = useT();
  useNews(runner, ['frame'], 250);
  const { setup, frame } = runner;
  if (!setup || !frame) return null;
  const sizes = setup.layerSizes;
  const layout = setup.parameterLayout;
  const lines: string[] = [];
  // Column 0 of the diagram holds all features; input i of the network is feature setup.features[i].
  const inputName = (input: number): string =>
    features.find((f) => f.name === setup.features[input])?.display ?? setup.features[input];
  const nodeName = (column: number, index: number): string => {
    if (column === 0) return inputName(index);
    if (column === sizes.length - 1)
      return setup.regression ? t('classify.net.outputValue') : t('classify.net.output', { k: index });
    return t('classify.net.neuron', { layer: column, index: index + 1 });
  };
  if (hover.kind === 'link') {
    const index = weightIndex(layout, hover.layer, hover.from, hover.to);
    lines.push(`${nodeName(hover.layer - 1, hover.from)} → ${nodeName(hover.layer, hover.to)}`);
    lines.push(`w = ${formatNumber(frame.parameters[index], 5)}`);
    lines.push(`η_t/σ = ${formatNumber(frame.rates[index], 4)}`);
  } else if (hover.column === 0) {
    return null;
  } else {
    const index = biasIndex(layout, hover.column, hover.index);
    lines.push(nodeName(hover.column, hover.index));
    lines.push(`${t('classify.net.bias')} b = ${formatNumber(frame.parameters[index], 5)}`);
    lines.push(`η_t/σ = ${formatNumber(frame.rates[index], 4)}`);
  }
  return (
    <div
      class="network-tooltip"
      role="tooltip"
      data-testid="network-tooltip"
      style={{ left: `${hover.x + 14}px`, top: `${hover.y + 10}px` }}
    >
      {lines.map((line) => (
        <div>{line}</div>
      ))}
      <div class="muted">{t('classify.net.rateNote')}</div>
    </div>
  );
}
