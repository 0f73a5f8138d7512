// Files the page hands to the user: a blob saved under a name, text as CSV (figures: figure.ts).
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// `name` without its extension.
export function downloadCsv(text: string, name: string): void {
  downloadBlob(new Blob([text], { type: 'text/csv' }), `${name}.csv`);
}
