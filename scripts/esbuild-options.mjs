// esbuild settings both page builds share: the served site (bundle.mjs) and the one-file offline
// page (offline.mjs).
export const pageBuildOptions = {
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  // Chinese text as UTF-8, not as \u escapes (a third of the size; module scripts are UTF-8).
  charset: 'utf8',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  logLevel: 'warning',
};
