// The key to the map's colours: one swatch per class, or the diverging scale of a regression
// output from −1 (orange) through 0 to +1 (blue).
import { useT } from '../i18n';
import { classColour, divergingCss } from './colors';

export function MapLegend({ classes, regression }: { classes: number; regression: boolean }) {
  const t = useT();
  if (regression)
    return (
      <div class="classify-legend" data-testid="map-legend">
        <span>{t('classify.map.legendValue')}</span>
        <span>−1</span>
        <span
          class="legend-scale"
          style={{
            background: `linear-gradient(to right, ${divergingCss(-1)}, ${divergingCss(0)}, ${divergingCss(1)})`,
          }}
        />
        <span>+1</span>
      </div>
    );
  return (
    <div class="classify-legend" data-testid="map-legend">
      <span>{t('classify.map.legendClasses')}</span>
      {Array.from({ length: classes }, (_, k) => (
        <span class="legend-class">
          <span class="class-dot" style={{ background: classColour(k) }} />
          {k}
        </span>
      ))}
    </div>
  );
}
