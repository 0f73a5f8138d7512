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
//                                           thumbnails, problem {message}
//
// Frames and setups carry the setup's generation; the page drops frames of older generations.

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
  status: string; // "running", "reached target at epoch k", "done", "diverged at epoch k"
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
  | { type: 'thumbnails'; classes: number };

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
  | { type: 'stepped'; id: number }
  | { type: 'problem'; message: string };
