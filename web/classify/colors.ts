// Colours of classify mode. Classes 0 and 1 are TensorFlow Playground's orange and blue; the
// others are chosen to stay apart from them and from each other (hue and lightness), up to the
// core's limit of 8 classes. Real values (regression targets, neuron outputs) use a diverging
// scale: orange for −1, a light grey for 0, blue for +1.

export type Rgb = [number, number, number];

export const CLASS_COLOURS: readonly Rgb[] = [
  [245, 147, 34], // orange
  [8, 119, 189], // blue
  [46, 158, 87], // green
  [214, 51, 108], // crimson
  [142, 90, 214], // violet
  [138, 106, 28], // ochre
  [23, 178, 178], // cyan
  [74, 74, 74], // charcoal
];

const NEUTRAL: Rgb = [232, 234, 235];
const NEGATIVE = CLASS_COLOURS[0];
const POSITIVE = CLASS_COLOURS[1];
// The map never fills a region with a class's full colour, so points of that class stay visible.
const MAP_STRENGTH = 0.82;

export function css([r, g, b]: Rgb, alpha = 1): string {
  return alpha === 1 ? `rgb(${r},${g},${b})` : `rgba(${r},${g},${b},${alpha})`;
}

export function classColour(k: number): string {
  return css(CLASS_COLOURS[k % CLASS_COLOURS.length]);
}

function mix(a: Rgb, b: Rgb, t: number, out: Uint8ClampedArray, at: number): void {
  out[at] = a[0] + (b[0] - a[0]) * t;
  out[at + 1] = a[1] + (b[1] - a[1]) * t;
  out[at + 2] = a[2] + (b[2] - a[2]) * t;
  out[at + 3] = 255;
}

// A value on the diverging scale (clamped to −1..1), written as RGBA at out[at].
export function divergingInto(value: number, out: Uint8ClampedArray, at: number, strength = 1): void {
  const v = Number.isFinite(value) ? Math.max(-1, Math.min(1, value)) : 0;
  mix(NEUTRAL, v < 0 ? NEGATIVE : POSITIVE, Math.abs(v) * strength, out, at);
}

export function divergingCss(value: number): string {
  const rgba = new Uint8ClampedArray(4);
  divergingInto(value, rgba, 0);
  return `rgb(${rgba[0]},${rgba[1]},${rgba[2]})`;
}

// The decision map: per pixel the most probable class's colour, stronger the more confident
// (probability 1/K is neutral, 1 is full), or with `discrete` the class colour alone. For
// regression (K = 1) the predicted value on the diverging scale (its sign when discrete).
export function paintDecision(
  grid: Float32Array,
  classes: number,
  regression: boolean,
  discrete: boolean,
  out: Uint8ClampedArray,
): void {
  const pixels = out.length / 4;
  if (regression) {
    for (let p = 0; p < pixels; ++p) {
      const v = grid[p];
      divergingInto(discrete ? Math.sign(v) : v, out, 4 * p, MAP_STRENGTH);
    }
    return;
  }
  const chance = 1 / classes;
  for (let p = 0; p < pixels; ++p) {
    let best = 0;
    let top = grid[p * classes];
    for (let k = 1; k < classes; ++k) {
      const q = grid[p * classes + k];
      if (q > top) {
        top = q;
        best = k;
      }
    }
    const confidence = discrete ? 1 : Math.max(0, (top - chance) / (1 - chance));
    mix(NEUTRAL, CLASS_COLOURS[best % CLASS_COLOURS.length], confidence * MAP_STRENGTH, out, 4 * p);
  }
}

// A small neuron or feature map: values on the diverging scale, divided by `scale` first.
export function paintValues(
  values: Float32Array,
  offset: number,
  count: number,
  scale: number,
  out: Uint8ClampedArray,
): void {
  for (let p = 0; p < count; ++p) divergingInto(values[offset + p] / scale, out, 4 * p);
}

// The colour of a point: its class, or its regression target on the diverging scale.
export function pointColour(label: number, regression: boolean): string {
  return regression ? divergingCss(label) : classColour(label);
}
