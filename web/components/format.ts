// Numbers for people, the same way on both pages, and numbers from people as links write them.

// `digits` significant digits; exponent form when very large or small, without trailing zeros
// (1e-4, 2.5e-7, not 1.00e-4).
export function formatNumber(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e5 || magnitude < 1e-3) {
    const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
    return `${Number(mantissa)}e${Number(exponent)}`;
  }
  return String(Number(value.toPrecision(digits)));
}

// A share (0 … 1) as a percentage with one decimal: 0.336 → "33.6%".
export function formatPercent(share: number | null): string {
  return share !== null && Number.isFinite(share) ? `${(100 * share).toFixed(1)}%` : '–';
}

// A whole number with its thousands separated by commas: 12345 → "12,345" (without Intl, whose
// first use costs milliseconds at start-up).
export function formatCount(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

// A number typed by the user, read by the grammar of links (core/state/text.cpp parse_number):
// [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?, at most 64 characters; no hex, no
// Infinity, no NaN, no grouping commas. Null when the text is not such a number.
export function parseLinkNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed.length > 64 || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return null;
  return Number(trimmed);
}
