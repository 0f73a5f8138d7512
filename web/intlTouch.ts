// The first Intl objects of a renderer process: what the Intl warm-up worker makes
// (components/intlWarmUp.ts). Self-contained, because the offline page starts it from its source.
export function touchIntl(): void {
  new Intl.NumberFormat(navigator.language).format(1.5);
  new Intl.DateTimeFormat().resolvedOptions();
}
