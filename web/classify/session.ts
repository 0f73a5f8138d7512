// The typed face of the core's ClassifySession binding (wasm/classify_bindings.cpp), which only
// the training worker uses. Views of wasm memory (marked) die at the next call into the module
// that may grow its heap: copy them at once.
import type { PlaygroundModule } from '../core';
import type { WeightLayer } from './networkLayout';
import type { CriticalSearchResult, HessianAnalysis, LandscapeMap, RacerMetrics } from './protocol';

export interface ClassifySessionHandle {
  apply(link: string): boolean; // true when the session started over
  restart(): void;
  train(epochs: number): boolean; // true while a racer still runs
  finished(): boolean;
  racerCount(): number;
  classes(): number;
  regression(): boolean;
  linkRacer(index: number): number;
  loss(index: number): string;
  racer(index: number): RacerMetrics;
  history(index: number, fromEpoch: number): Float64Array;
  confusion(index: number): Int32Array; // view
  decisionGrid(index: number, n: number): Float32Array; // view
  neuronGridCount(): number;
  neuronGrids(index: number, n: number): Float32Array; // view
  layerSizes(): number[];
  parameterLayout(): WeightLayer[];
  parameters(index: number): Float64Array; // view
  effectiveRates(index: number): Float64Array;
  points(test: boolean): Float64Array;
  hessian(index: number, escapeStep: number): HessianAnalysis | { tooLarge: true; parameters: number; limit: number };
  escape(index: number, step: number, sign: number): boolean; // false: no negative eigenvalue
  criticalPoint(index: number): CriticalSearchResult;
  eigenvector(index: number, which: number): Float64Array;
  // The loss landscape (docs/reference.md, "Loss landscape"): on the CLI's grid, and as the
  // panel's map (or the line's curve) with every racer's projected path; new arrays.
  slice(
    index: number,
    plane: string,
    grid: number,
    span: number,
    train: boolean,
    test: boolean,
  ): {
    alpha: Float64Array;
    beta: Float64Array;
    objective: Float64Array | null;
    testObjective: Float64Array | null;
    path: Float64Array;
  };
  sliceMap(
    index: number,
    plane: string,
    pixels: number,
    span: number,
    test: boolean,
    reuse: boolean,
  ): Partial<LandscapeMap> & { t?: Float64Array; values: Float64Array; paths: Float64Array[] };
  projectRacers(): Float64Array; // on the last sliceMap's plane
  delete(): void;
}

// One run of the minimum-ratio experiment.
export interface MinimumRatioRow {
  run: number;
  seed: number;
  epochs: number;
  objective: number;
  gradientNorm: number;
  minimumRatio: number;
  kind: HessianAnalysis['kind'];
}

export interface ClassifyModule extends PlaygroundModule {
  ClassifySession: new (link: string) => ClassifySessionHandle;
  minimumRatioRun(link: string, racer: number, run: number): MinimumRatioRow;
}
