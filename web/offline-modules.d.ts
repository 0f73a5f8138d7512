// The virtual modules of the one-file offline build (scripts/offline.mjs provides them).
declare module 'offline:playground-module' {
  const createPlaygroundModule: (options?: Record<string, unknown>) => Promise<unknown>;
  export default createPlaygroundModule;
}
declare module 'offline:worker-source' {
  const source: string;
  export default source;
}
declare module 'offline:experiment-worker-source' {
  const source: string;
  export default source;
}
// The page's icon, a data: URL in the offline build.
declare module '*.svg' {
  const url: string;
  export default url;
}
