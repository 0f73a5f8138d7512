// Racer colours: distinct from each other and from every colour of the map (dark purple to
// yellow), in racer order. They are drawn on dark grounds only (map, charts, η_t previews, the
// ring of RacerSwatch), where the light ones (2 white, 8 pale yellow) stand out most.
export const RACER_COLORS = ['#ff4d6d', '#ffffff', '#ff9f1c', '#4cc9f0', '#c77dff', '#80ed99', '#f72585', '#fdfd96'];

export function racerColor(index: number): string {
  return RACER_COLORS[index % RACER_COLORS.length];
}
