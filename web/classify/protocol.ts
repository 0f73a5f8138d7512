// The messages between the classify page (main thread, draws) and its training worker (its own
// wasm module, trains). Messages in each direction arrive in the order they were sent, so a
// link opened before a step is the link the step trains.
//
// page → worker                          worker → page
//   open {link, speed, fresh}               setup  (after the first open and whenever the
//   play / pause                                    session started over: new data, network,
//   step {id, epochs}                               racer count or loss comparison; a fresh
//                                                   open; or reset)
//   reset                                   frame  (metrics, new history rows, grids, weights;
//   select {racer}                                  at most ~25 a second while playing)
//   thumbnails {classes}                     stepped {id} (after the frame that completes it)
//   analyse {id, escapeStep}                 thumbnails, problem {message}
//   escape {sign, step}                      hessian {generation, id, racer, analysis} (the
//   critical {id}                                   selected racer's Hessian analysis: answering
//   landscape {id, plane, span, test}               analyse, after a move, when training pauses
//   slice {id, plane}                               or ends, and at most every few epochs while
//                                                   playing)
//                                           moved {id, search} (critical: after its frame)
//                                           landscape (the selected racer's loss landscape on
//                                                   the panel's plane, coarse then full: on
//                                                   request, when training pauses or ends, after
//                                                   a move, at most once a second while playing)
//                                           slice {id, result} (answering slice)
//
// Frames and setups carry the setup's generation; the page drops frames of older generations.

import type { Text } from '../core';
import type { WeightLayer } from './networkLayout';

// A racer's latest numbers, as the core's ClassifySession binding reports them.
export interface RacerMetrics {
  epoch: number;
  trainLoss: number;
  testLoss: number;
  trainAcc: number | null; // null for regression data (no classes to get right)
  testAcc: number | null;
  lr: number;
  regularization: number;
  updates: number;
  state: 'running' | 'reached' | 'done' | 'diverged';
  // What the state means, in the core's words (learn/trainer.hpp racer_status_text).
  statusText: Text;
}

// Numbers per epoch in a history block: epoch, train loss, test loss, train acc, test acc, lr, reg.
export const HISTORY_STRIDE = 7;

export const DECISION_GRID_SIZE = 100; // the output map, as TensorFlow Playground's
export const NEURON_GRID_SIZE = 20; // each neuron's and feature's small map

export type ToWorker =
  | { type: 'open'; link: string; speed: number; fresh: boolean } // fresh: an opened link, from epoch 0
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step'; id: number; epochs: number }
  | { type: 'reset' }
  | { type: 'select'; racer: number }
  | { type: 'thumbnails'; classes: number }
  // Analyse the selected racer now (id > 0: answer with that id); escapeStep is the step length
  // of the escape probe, kept for later analyses.
  | { type: 'analyse'; id: number; escapeStep: number }
  // Move the selected racer by `step` along (+1) or against (−1) the escape direction.
  | { type: 'escape'; sign: 1 | -1; step: number }
  // Move the selected racer to the critical point the lecture's method reaches from it.
  | { type: 'critical'; id: number }
  // What the Landscape panel shows (null: the panel is hidden); id > 0 recomputes it now.
  | { type: 'landscape'; id: number; view: LandscapeView | null }
  // The selected racer's slice on the CLI's grid (the automation API's slice()).
  | { type: 'slice'; id: number; plane: LandscapePlane };

export type LandscapePlane = 'random' | 'pca' | 'hessian' | 'saddle' | 'line';
export const LANDSCAPE_PLANES: LandscapePlane[] = ['random', 'pca', 'hessian', 'saddle', 'line'];
export const LANDSCAPE_COARSE_PIXELS = 21; // the map at once …
export const LANDSCAPE_PIXELS = 61; // … then this, in a later turn of the worker
export const LANDSCAPE_LINE_POINTS = 81; // the line plane's curve, t from −0.5 to 1.5

export interface LandscapeView {
  plane: LandscapePlane;
  span: number;
  test: boolean; // the test set's objective instead of the training set's
}

// The landscape map (wasm/classify_bindings.cpp sliceMap): pixels² colours and contour segments
// in pixel units, in the surface page's colour scale, and J at each pixel centre.
export interface LandscapeMap {
  rgba: Uint8ClampedArray<ArrayBuffer>;
  contours: Float32Array;
  values: Float64Array;
  min: number;
  max: number;
  logScale: boolean;
  undefinedPixels: number;
}

export interface LandscapeMessage {
  type: 'landscape';
  generation: number;
  version: number; // of the plane: frames' landscapePoints extend paths of the same version
  racer: number;
  epoch: number;
  view: LandscapeView;
  pixels: number; // map pixels per side (or points of the line)
  full: boolean; // false: the coarse preview
  ms: number;
  map: LandscapeMap | null;
  line: { t: Float64Array; values: Float64Array } | null;
  paths: Float64Array[]; // per racer: its recorded weights and current weights, (α, β) pairs
  error: string; // why there is no landscape ('' when there is)
}

// The automation API's slice(plane): the CLI's grid (41 points, span 1), training objective.
export interface SliceResult {
  alpha: number[];
  beta: number[];
  objective: number[][]; // row j is β_j
  path: [number, number][];
}

// The exact Hessian analysis of a racer (wasm/classify_bindings.cpp, docs/reference.md).
export interface HessianAnalysis {
  epoch: number;
  parameters: number;
  objective: number; // J: mean training loss + penalty
  gradientNorm: number;
  eigenvalues: Float64Array; // ascending
  tolerance: number; // τ
  negative: number;
  flat: number;
  positive: number;
  minimumRatio: number;
  kind: 'minimum' | 'maximum' | 'saddle' | 'degenerate' | 'not-critical';
  learningRate: number;
  lambdaMaxLr: number;
  l1Ignored: boolean;
  escape: { eigenvalue: number; step: number; before: number; plus: number; minus: number } | null;
}

// What the worker reports for the selected racer: an analysis, a network too large for it, or
// a failure (its message).
export type HessianReport =
  | ({ status: 'ok' } & HessianAnalysis)
  | { status: 'too-large'; parameters: number; limit: number }
  | { status: 'failed'; message: string };

export interface HessianMessage {
  type: 'hessian';
  generation: number;
  id: number; // the analyse request it answers, or 0
  racer: number;
  moves: number; // escapes and critical-point moves of this setup so far
  ms: number; // the worker's time for it (Hessian, spectrum, escape probe)
  report: HessianReport;
}

// The result of a move to a critical point.
export interface CriticalSearchResult {
  converged: boolean;
  gradientNorm: number;
  objective: number;
  gradientNormSteps: number;
  newtonSteps: number;
}

export interface SetupMessage {
  type: 'setup';
  generation: number;
  link: string; // the link this setup was built from
  classes: number; // K (1 for regression)
  regression: boolean;
  features: string[]; // the network's inputs, in catalogue order
  layerSizes: number[]; // inputs, hidden layers, outputs
  parameterLayout: WeightLayer[]; // where each weight layer's parameters sit, from the core
  racerCount: number; // session racers (twice the link's racers with compare=loss)
  linkRacers: number[]; // per session racer: its index among the link's racers
  losses: string[]; // per session racer: 'ce' | 'mse'
  train: Float64Array; // x, y, class (or target) per point
  test: Float64Array;
}

export interface FrameMessage {
  type: 'frame';
  generation: number;
  playing: boolean;
  finished: boolean;
  racers: RacerMetrics[];
  // Per racer, the history rows from row historyFrom[i] on (HISTORY_STRIDE numbers per row).
  historyFrom: number[];
  history: Float64Array[];
  // The selected racer's network, for the map and the network diagram.
  selected: number;
  grid: Float32Array; // DECISION_GRID_SIZE² × K probabilities (or values), row 0 at the top
  neurons: Float32Array; // one NEURON_GRID_SIZE² map per input feature and hidden neuron
  parameters: Float64Array; // layout of core/learn/mlp.hpp
  rates: Float64Array; // η_t/σ per parameter for the next update
  confusion: Int32Array; // K×K test-set confusion matrix, row = true class
  // Every racer's current weights on the landscape's plane of `landscapeVersion` (α, β pairs).
  landscapePoints: Float64Array;
  landscapeVersion: number;
}

export interface ThumbnailsMessage {
  type: 'thumbnails';
  classes: number;
  datasets: { name: string; points: Float64Array }[]; // x, y, class (or target) per point
  features: Float32Array; // one NEURON_GRID_SIZE² map per feature of the catalogue, in its order
}

export type FromWorker =
  | SetupMessage
  | FrameMessage
  | ThumbnailsMessage
  | HessianMessage
  | { type: 'stepped'; id: number }
  | { type: 'moved'; id: number; search: CriticalSearchResult | null; message?: string }
  | LandscapeMessage
  | { type: 'slice'; id: number; result: SliceResult | null; message?: string }
  | { type: 'problem'; message: string };
