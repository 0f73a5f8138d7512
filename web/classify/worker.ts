// The classify page's training worker: its own instance of the wasm module and the link's
// ClassifySession. It trains in slices of a few milliseconds (so messages are answered between
// them) and posts at most ~30 frames a second; the page only draws. Protocol: protocol.ts.
import { type Catalogue, loadModule, writeLink } from '../core';
import {
  DECISION_GRID_SIZE,
  type FrameMessage,
  type FromWorker,
  type HessianReport,
  HISTORY_STRIDE,
  LANDSCAPE_COARSE_PIXELS,
  LANDSCAPE_LINE_POINTS,
  LANDSCAPE_PIXELS,
  type LandscapeMessage,
  type LandscapePlane,
  type LandscapeView,
  NEURON_GRID_SIZE,
  type RacerMetrics,
  type SetupMessage,
  type ToWorker,
} from './protocol';
import type { ClassifyModule, ClassifySessionHandle } from './session';

const SLICE_MS = 10; // training per turn before looking at new messages
const FRAME_INTERVAL_MS = 40; // frames while playing: about 25 a second
// The Hessian analysis while playing: at most every few epochs, twice a second, and so that it
// takes at most a tenth of the worker's time (a large network's costs tens of milliseconds, which
// the training clock does not make up for).
const HESSIAN_EVERY_EPOCHS = 5;
const HESSIAN_MIN_INTERVAL_MS = 500;
const HESSIAN_TIME_SHARE = 10;
// The landscape while playing: at most once a second and a tenth of the worker's time.
const LANDSCAPE_MIN_INTERVAL_MS = 1000;
const LANDSCAPE_TIME_SHARE = 10;
const SLICE_GRID = 41; // the automation API's slice(): the CLI's default grid and span

interface PendingStep {
  id: number;
  remaining: number;
}

const scope = self as unknown as {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};

let module: ClassifyModule | null = null;
let session: ClassifySessionHandle | null = null;
let link = '';
let generation = 0;
let selected = 0;
let sentRows: number[] = []; // history rows already posted, per racer
let playing = false;
let epochsPerSecond = 60; // 0 = as fast as possible
let playClock = { start: 0, epochs: 0 }; // epochs played since `start` (ms), for the speed
let lastFrameAt = 0;
const steps: PendingStep[] = [];
let escapeStep = 1; // the escape probe's step length (the page's field)
let moves = 0; // escapes and critical-point moves since the setup
// The last analysis: of which weights (setup generation, racer, moves) at which epoch, when,
// and what it cost.
let analysed = { weights: '', epoch: -1, at: 0, cost: 0 };
// The Landscape panel's view (null while it is hidden), the plane's version (a new plane: paths
// start over), and the last landscape: of which weights, epoch and view, when, at what cost.
let landscapeView: LandscapeView | null = null;
let landscapeVersion = 0;
let landscaped = { key: '', at: 0, cost: 0 };
let landscapeFullTimer: ReturnType<typeof setTimeout> | undefined;
let turnScheduled = false;
let turnTimer: ReturnType<typeof setTimeout> | undefined;

function post(message: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

// ---- turns: a zero-delay yield through a MessageChannel (setTimeout(0) is clamped) ---------

const yieldChannel = new MessageChannel();
yieldChannel.port1.onmessage = () => turn();

function scheduleTurn(delayMs = 0): void {
  if (turnScheduled) return;
  turnScheduled = true;
  if (delayMs <= 0) yieldChannel.port2.postMessage(null);
  else turnTimer = setTimeout(turn, delayMs);
}

function wakeUp(): void {
  if (turnTimer !== undefined) clearTimeout(turnTimer);
  turnTimer = undefined;
  turnScheduled = false;
  scheduleTurn();
}

function turn(): void {
  turnScheduled = false;
  turnTimer = undefined;
  if (!session) return;
  const started = performance.now();
  let trained = false;

  // Steps first: each one is complete (its frame posted) before it is acknowledged.
  while (steps.length > 0 && performance.now() - started < SLICE_MS) {
    const step = steps[0];
    if (step.remaining > 0 && !session.finished()) {
      session.train(1);
      step.remaining--;
      trained = true;
      continue;
    }
    steps.shift();
    postFrame();
    post({ type: 'stepped', id: step.id });
  }
  if (steps.length > 0) {
    scheduleTurn();
    return;
  }

  if (!playing) return;
  if (session.finished()) {
    playing = false;
    postFrame();
    return;
  }
  const now = performance.now();
  let due =
    epochsPerSecond === 0
      ? Infinity
      : Math.floor(((now - playClock.start) * epochsPerSecond) / 1000) - playClock.epochs;
  while (due > 0 && !session.finished() && performance.now() - started < SLICE_MS) {
    session.train(1);
    due--;
    playClock.epochs++;
    trained = true;
  }
  // Too slow for the chosen speed: carry on from here rather than rush to catch up later.
  if (epochsPerSecond > 0 && due > 1) restartClock();
  if (session.finished()) playing = false;
  const end = performance.now();
  if ((trained && end - lastFrameAt >= FRAME_INTERVAL_MS) || !playing) postFrame();
  if (!playing) return;
  if (epochsPerSecond === 0) {
    scheduleTurn();
  } else {
    const nextEpochAt = playClock.start + ((playClock.epochs + 1) * 1000) / epochsPerSecond;
    scheduleTurn(Math.max(0, nextEpochAt - end));
  }
}

function restartClock(): void {
  playClock = { start: performance.now(), epochs: 0 };
}

// ---- messages to the page ------------------------------------------------------------------

function postSetup(): void {
  if (!session) return;
  generation++;
  moves = 0;
  const count = session.racerCount();
  selected = Math.min(selected, count - 1);
  sentRows = new Array(count).fill(0);
  const linkRacers: number[] = [];
  const losses: string[] = [];
  for (let i = 0; i < count; ++i) {
    linkRacers.push(session.linkRacer(i));
    losses.push(session.loss(i));
  }
  const train = session.points(false);
  const test = session.points(true);
  const setup: SetupMessage = {
    type: 'setup',
    generation,
    link,
    classes: session.classes(),
    regression: session.regression(),
    features: (JSON.parse(module!.parseState(link)) as { state: { classify: { features: string[] } } }).state.classify
      .features,
    layerSizes: session.layerSizes(),
    parameterLayout: session.parameterLayout(),
    racerCount: count,
    linkRacers,
    losses,
    train,
    test,
  };
  post(setup, [train.buffer, test.buffer]);
}

function postFrame(): void {
  if (!session) return;
  lastFrameAt = performance.now();
  const count = session.racerCount();
  const racers: RacerMetrics[] = [];
  const history: Float64Array[] = [];
  const historyFrom: number[] = [];
  for (let i = 0; i < count; ++i) {
    racers.push(session.racer(i));
    const rows = session.history(i, sentRows[i]);
    historyFrom.push(sentRows[i]);
    history.push(rows);
    sentRows[i] += rows.length / HISTORY_STRIDE;
  }
  // Each view is copied before the next call into the module.
  const grid = session.decisionGrid(selected, DECISION_GRID_SIZE).slice();
  const neurons = session.neuronGrids(selected, NEURON_GRID_SIZE).slice();
  const parameters = session.parameters(selected).slice();
  const confusion = session.confusion(selected).slice();
  const rates = session.effectiveRates(selected);
  const landscapePoints = landscapeView ? session.projectRacers() : new Float64Array(0);
  const frame: FrameMessage = {
    type: 'frame',
    generation,
    playing,
    finished: session.finished(),
    racers,
    historyFrom,
    history,
    selected,
    grid,
    neurons,
    parameters,
    rates,
    confusion,
    landscapePoints,
    landscapeVersion,
  };
  post(frame, [
    landscapePoints.buffer,
    grid.buffer,
    neurons.buffer,
    parameters.buffer,
    rates.buffer,
    confusion.buffer,
    ...history.map((h) => h.buffer),
  ]);
  refreshAnalysis();
  refreshLandscape(false);
}

// ---- the selected racer's Hessian ------------------------------------------------------------

function weightsKey(): string {
  return `${generation}:${selected}:${moves}`;
}

function analyse(id: number): void {
  if (!session) return;
  const started = performance.now();
  let report: HessianReport;
  try {
    const result = session.hessian(selected, escapeStep);
    report =
      'tooLarge' in result
        ? { status: 'too-large', parameters: result.parameters, limit: result.limit }
        : { status: 'ok', ...result };
  } catch (error) {
    report = { status: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
  const now = performance.now();
  analysed = { weights: weightsKey(), epoch: session.racer(selected).epoch, at: now, cost: now - started };
  post(
    { type: 'hessian', generation, id, racer: selected, moves, ms: analysed.cost, report },
    report.status === 'ok' ? [report.eigenvalues.buffer] : [],
  );
}

// After a frame: a new analysis when the racer, its weights or its epoch changed; while playing
// only every HESSIAN_EVERY_EPOCHS epochs and within its share of the time.
function refreshAnalysis(): void {
  if (!session) return;
  const sameWeights = weightsKey() === analysed.weights;
  const epochs = session.racer(selected).epoch - analysed.epoch;
  if (sameWeights && epochs === 0) return;
  if (sameWeights && playing && !session.finished()) {
    if (epochs < HESSIAN_EVERY_EPOCHS || !due(analysed, HESSIAN_MIN_INTERVAL_MS, HESSIAN_TIME_SHARE)) return;
  }
  analyse(0);
}

// Whether work last done at `at` that took `cost` ms may run again while playing: not within
// `minMs` of the last time, and so that it takes at most 1/`share` of the worker's time.
function due(last: { at: number; cost: number }, minMs: number, share: number): boolean {
  return performance.now() - last.at >= Math.max(minMs, share * last.cost);
}

// ---- the selected racer's loss landscape ------------------------------------------------------

function landscapeKey(view: LandscapeView): string {
  return `${weightsKey()}:${session?.racer(selected).epoch}:${view.plane}:${view.span}:${view.test}`;
}

// The landscape of the selected racer on the panel's plane: the coarse map (a new plane) or the
// full one (the same plane), posted as it is done.
function computeLandscape(view: LandscapeView, full: boolean): void {
  if (!session) return;
  const started = performance.now();
  const pixels = view.plane === 'line' ? LANDSCAPE_LINE_POINTS : full ? LANDSCAPE_PIXELS : LANDSCAPE_COARSE_PIXELS;
  const message: LandscapeMessage = {
    type: 'landscape',
    generation,
    version: landscapeVersion,
    racer: selected,
    epoch: session.racer(selected).epoch,
    view,
    pixels,
    full,
    ms: 0,
    map: null,
    line: null,
    paths: [],
    error: '',
  };
  try {
    // The full map keeps the coarse one's plane (a Hessian's eigenvectors cost the most).
    const result = session.sliceMap(selected, view.plane, pixels, view.span, view.test, full);
    if (!full) message.version = ++landscapeVersion;
    message.paths = result.paths;
    if (view.plane === 'line') message.line = { t: result.t!, values: result.values };
    else
      message.map = {
        rgba: result.rgba!,
        contours: result.contours!,
        values: result.values,
        min: result.min!,
        max: result.max!,
        logScale: result.logScale!,
        undefinedPixels: result.undefinedPixels!,
      };
  } catch (error) {
    message.error = error instanceof Error ? error.message : String(error);
  }
  message.ms = performance.now() - started;
  const transfer: Transferable[] = message.paths.map((p) => p.buffer);
  if (message.map) transfer.push(message.map.rgba.buffer, message.map.contours.buffer, message.map.values.buffer);
  if (message.line) transfer.push(message.line.t.buffer, message.line.values.buffer);
  post(message, transfer);
}

// After a frame (or on request): a new landscape when the racer, its weights, its epoch or the
// view changed; while playing at most once a second and within its share of the time. The coarse
// map goes at once; the full one in a later turn, unless something changed meanwhile.
function refreshLandscape(force: boolean): void {
  const view = landscapeView;
  if (!session || !view) return;
  const key = landscapeKey(view);
  if (!force && key === landscaped.key) return;
  if (!force && playing && !session.finished() && !due(landscaped, LANDSCAPE_MIN_INTERVAL_MS, LANDSCAPE_TIME_SHARE))
    return;
  const started = performance.now();
  computeLandscape(view, false);
  landscaped = { key, at: started, cost: performance.now() - started };
  if (landscapeFullTimer !== undefined) clearTimeout(landscapeFullTimer);
  landscapeFullTimer = undefined;
  if (view.plane === 'line') return;
  landscapeFullTimer = setTimeout(() => {
    landscapeFullTimer = undefined;
    if (!session || landscapeView !== view || landscapeKey(view) !== key) return;
    const begun = performance.now();
    computeLandscape(view, true);
    landscaped.cost += performance.now() - begun;
  }, 0);
}

// The automation API's slice(plane), on the CLI's grid.
function sliceForAutomation(id: number, plane: LandscapePlane): void {
  if (!session) return;
  try {
    const s = session.slice(selected, plane, SLICE_GRID, 1, true, false);
    const n = s.alpha.length;
    const objective = Array.from({ length: s.beta.length }, (_, j) =>
      Array.from(s.objective!.subarray(j * n, (j + 1) * n)),
    );
    const path: [number, number][] = [];
    for (let k = 0; k + 1 < s.path.length; k += 2) path.push([s.path[k], s.path[k + 1]]);
    post({ type: 'slice', id, result: { alpha: Array.from(s.alpha), beta: Array.from(s.beta), objective, path } });
  } catch (error) {
    post({ type: 'slice', id, result: null, message: error instanceof Error ? error.message : String(error) });
  }
}

// The selected racer was moved: its latest history row changed, so it is sent again.
function afterMove(): void {
  moves++;
  sentRows[selected] = Math.max(0, sentRows[selected] - 1);
  postFrame();
}

// Small pictures for the data and feature pickers: every generated dataset with `classes`
// classes where it offers a choice (seed 1, no noise), and every input feature.
function postThumbnails(classes: number): void {
  if (!module) return;
  const catalogue = JSON.parse(module.catalogue()) as Catalogue;
  const datasets: { name: string; points: Float64Array }[] = [];
  for (const info of catalogue.datasets) {
    if (info.name === 'drawn') continue;
    const values: [string, string][] = [['data', info.name]];
    if (info.min_classes < info.max_classes)
      values.push(['classes', String(Math.min(Math.max(classes, info.min_classes), info.max_classes))]);
    values.push(['net', 'none'], ['train', '90'], ['seed', '1']);
    const s = new module.ClassifySession(writeLink(module, 'classify', values));
    const train = s.points(false);
    const test = s.points(true);
    const points = new Float64Array(train.length + test.length);
    points.set(train);
    points.set(test, train.length);
    datasets.push({ name: info.name, points });
    s.delete();
  }
  const features = catalogue.features.map((f) => f.name).join(',');
  const s = new module.ClassifySession(
    writeLink(module, 'classify', [
      ['features', features],
      ['net', 'none'],
      ['seed', '1'],
    ]),
  );
  const maps = s.neuronGrids(0, NEURON_GRID_SIZE).slice();
  s.delete();
  post({ type: 'thumbnails', classes, datasets, features: maps }, [
    maps.buffer,
    ...datasets.map((d) => d.points.buffer),
  ]);
}

// ---- messages from the page ----------------------------------------------------------------

// `fresh`: a link opened from outside starts at epoch 0 even where an edit would continue.
function open(next: string, speed: number, fresh: boolean): void {
  if (!module) return;
  if (speed !== epochsPerSecond) {
    epochsPerSecond = speed;
    restartClock();
  }
  link = next;
  if (!session) {
    session = new module.ClassifySession(link);
    postSetup();
  } else if (session.apply(link)) {
    postSetup();
  } else if (fresh) {
    session.restart();
    postSetup();
  }
  postFrame();
  if (playing) wakeUp();
}

function handle(message: ToWorker): void {
  switch (message.type) {
    case 'open':
      open(message.link, message.speed, message.fresh);
      return;
    case 'play':
      if (!session) return;
      // Play after the end starts the run again (as the surface page does).
      if (session.finished()) {
        session.restart();
        postSetup();
      }
      playing = true;
      restartClock();
      postFrame();
      wakeUp();
      return;
    case 'pause':
      playing = false;
      postFrame();
      return;
    case 'step':
      steps.push({ id: message.id, remaining: Math.max(0, Math.floor(message.epochs)) });
      wakeUp();
      return;
    case 'reset':
      if (!session) return;
      playing = false;
      session.restart();
      postSetup();
      postFrame();
      return;
    case 'select':
      if (!session) return;
      selected = Math.max(0, Math.min(message.racer, session.racerCount() - 1));
      postFrame();
      return;
    case 'thumbnails':
      postThumbnails(message.classes);
      return;
    case 'analyse':
      if (!session) return;
      escapeStep = message.escapeStep;
      analyse(message.id);
      return;
    case 'escape':
      if (!session) return;
      if (session.escape(selected, message.step, message.sign)) afterMove();
      return;
    case 'landscape':
      // A new view or a request: at once, even while playing.
      landscapeView = message.view;
      refreshLandscape(true);
      return;
    case 'slice':
      sliceForAutomation(message.id, message.plane);
      return;
    case 'critical': {
      if (!session) return;
      try {
        const search = session.criticalPoint(selected);
        afterMove();
        post({ type: 'moved', id: message.id, search });
      } catch (error) {
        post({
          type: 'moved',
          id: message.id,
          search: null,
          message: error instanceof Error ? error.message : String(error),
        });
      }
      return;
    }
  }
}

// Messages that arrive while the module loads wait for it, in order.
const waiting: ToWorker[] = [];
scope.onmessage = (event) => {
  if (!module) {
    waiting.push(event.data);
    return;
  }
  run(event.data);
};

function run(message: ToWorker): void {
  try {
    handle(message);
  } catch (error) {
    post({ type: 'problem', message: error instanceof Error ? error.message : String(error) });
  }
}

loadModule()
  .then((loaded) => {
    module = loaded as ClassifyModule;
    for (const message of waiting.splice(0)) run(message);
  })
  .catch((error: unknown) => {
    post({ type: 'problem', message: error instanceof Error ? error.message : String(error) });
  });
