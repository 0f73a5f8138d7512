// The typed door to the C++ core (the embind module). Everything the page knows about
// optimizers, schedules, surfaces, datasets, defaults and ranges comes from here: there is no
// copy of those tables in the page, and links are only ever read and written by the core.
import { instantiateModule } from './platform';

export interface Text {
  en: string;
  zh: string;
}

export interface ParamSpec {
  name: string;
  kind: 'real' | 'integer' | 'boolean' | 'choice' | 'list';
  default: number | boolean | string | null; // null: derived from other values (default_note)
  default_text: string; // as a link writes it ("" when derived)
  default_note: string;
  min: number | null;
  max: number | null;
  min_open: boolean;
  max_open: boolean;
  choices?: string[];
  summary: Text;
  label: Text; // the field's label: the name in English, its Chinese name in Chinese
}

export interface OptimizerInfo {
  name: string;
  alias_of: string;
  has_book_variant: boolean;
  summary: Text;
  formula_m: string;
  formula_sigma: string;
  formula_m_book: string;
  formula_sigma_book: string;
  formula_decay: string;
  torch: string; // its PyTorch counterpart; "" where there is none
  params: ParamSpec[];
}

export interface ScheduleInfo {
  name: string;
  summary: Text;
  formula: string; // LaTeX of η_t
  torch: string;
  params: ParamSpec[];
}

export interface SurfaceInfo {
  name: string;
  formula: string;
  summary: Text;
  view: [number, number, number, number];
  start: [number, number];
  minima: [number, number][];
  minima_note: Text;
  data_terms: number; // N of a data surface (a sum of N data terms), else 0
  axes: [string, string];
  suggested_lr: { gradient: number; adaptive: number };
}

export interface NamedInfo {
  name: string;
  formula?: string;
  display?: string; // features: as drawn ("x²")
  label?: Text; // activations, losses, regularisations: the display name
  short_label?: Text; // losses: where room is short
  initialisation?: string;
  summary: Text;
}

export interface DatasetInfo {
  name: string;
  regression: boolean;
  min_classes: number;
  max_classes: number;
  default_classes: number;
  label: Text;
  summary: Text;
}

export interface Catalogue {
  optimizers: OptimizerInfo[];
  schedules: ScheduleInfo[];
  warmup: ParamSpec;
  batch: ParamSpec; // surface racers' mini-batch size (data surfaces only)
  noise: ParamSpec; // surface racers' gradient noise σ
  surfaces: SurfaceInfo[];
  datasets: DatasetInfo[];
  features: NamedInfo[];
  activations: NamedInfo[];
  losses: NamedInfo[];
  regularizations: NamedInfo[];
  classify_params: ParamSpec[];
  panels: { surface: string[]; classify: string[] }; // what `hide` can name, per mode
  limits: {
    racers: number;
    steps: number;
    hidden_layers: number;
    neurons_per_layer: number;
    classes: number;
    drawn_points: number;
    epochs_per_second: number;
    expression_length: number;
    data_half_width: number;
    hessian_parameters: number; // the exact Hessian's largest network
  };
}

export interface RacerState {
  text: string; // the racer in link syntax
  optimizer: string;
  schedule: string;
  warmup: number;
  batch: number; // 0 = the full batch
  noise: number;
  params: Record<string, string>; // every optimizer parameter, resolved, as link text
  params_set: Record<string, string>;
  schedule_params: Record<string, string>;
  schedule_params_set: Record<string, string>;
}

export interface SurfaceSettings {
  name: string;
  expression: string;
  view: [number, number, number, number];
  view_set: boolean;
  start: [number, number];
  start_set: boolean;
  steps: number;
  speed: number;
}

export interface ClassifySettings {
  data: string;
  classes: number;
  noise: number;
  train: number;
  batch: number;
  features: string[];
  net: number[];
  act: string;
  loss: string;
  reg: string;
  reg_rate: number;
  epochs: number;
  target_loss: number;
  points: [number, number, number][];
  compare: 'none' | 'loss'; // 'loss': every racer trains once with ce and once with mse
  speed: number; // epochs per second while playing; 0 = as fast as possible
  landscape: 'random' | 'pca' | 'hessian' | 'saddle' | 'line'; // the Landscape panel's plane
  span: number; // its α and β range ±span
  landscape_set: 'train' | 'test';
}

export interface StateView {
  link: string;
  mode: 'surface' | 'classify';
  lang: '' | 'en' | 'zh';
  seed: number;
  racers: RacerState[];
  show: { grad: boolean; m: boolean; crit: boolean; test: boolean; discrete: boolean };
  // Page keys of both modes: the lesson step, presentation, embedding and hidden panels.
  page: { lesson: string; step: number; present: boolean; embed: boolean; hide: string[] };
  surface?: SurfaceSettings;
  classify?: ClassifySettings;
}

export interface Problem {
  key: string;
  value: string;
  reason: Text;
}

export interface StateResult {
  link: string;
  state: StateView;
  problems: Problem[];
}

export interface RacerFrame {
  step: number; // the step of (x, y): for a diverged racer, the one before the update that failed
  x: number;
  y: number;
  loss: number;
  gradX: number;
  gradY: number;
  // What the racer's state means (core/surface/racer_report.hpp), and its words.
  status: 'running' | 'limit' | 'diverged' | 'minimum' | 'saddle' | 'maximum' | 'degenerate' | 'stalled';
  statusText: Text;
  nextRate: number;
  lr: number;
  mX: number;
  mY: number;
  sigmaX: number;
  sigmaY: number;
  rateX: number;
  rateY: number;
  exactX: number; // ∇f where the last update started
  exactY: number;
  usedX: number; // the gradient that update used: ∇f, or its mini-batch / noisy estimate
  usedY: number;
  stride: number;
}

export type TrajectoryColumn =
  | 'steps'
  | 'x'
  | 'y'
  | 'loss'
  | 'grad_norm'
  | 'lr'
  | 'm_x'
  | 'm_y'
  | 'sigma_x'
  | 'sigma_y'
  | 'sample_grad_norm';

export interface SurfaceMapResult {
  rgba: Uint8Array; // view of wasm memory
  contours: Float32Array; // view of wasm memory: x0,y0,x1,y1 in pixels
  min: number;
  max: number;
  logScale: boolean;
  undefinedPixels: number; // where f is NaN or infinite (drawn striped)
  levels: number[];
}

export interface PointAnalysis {
  x: number;
  y: number;
  value: number;
  gradient: [number, number];
  hessian: [number, number, number, number];
  eigenvalues: [number, number];
  eigenvectors: [number, number, number, number];
  kind: 'minimum' | 'maximum' | 'saddle' | 'degenerate' | 'not-critical';
  escape: [number, number] | null;
}

export interface SurfaceSessionHandle {
  apply(link: string): void;
  removeRacer(index: number): void;
  restart(): void;
  advance(updates: number): number;
  finished(): boolean;
  racerCount(): number;
  racer(index: number): RacerFrame;
  column(index: number, name: TrajectoryColumn): Float64Array;
  renderMap(width: number, height: number, x0: number, x1: number, y0: number, y1: number): SurfaceMapResult;
  value(x: number, y: number): number;
  // The click at (x, y), snapped to a critical point within the ellipse of half-axes (rx, ry).
  analyze(x: number, y: number, rx: number, ry: number): string;
  criticalPoints(x0: number, x1: number, y0: number, y1: number): string;
  delete(): void;
}

export interface TorchScript {
  ok: boolean;
  script: string;
  fileName: string;
  refusal: Text;
}

export interface PlaygroundModule {
  catalogue(): string;
  catalogueSection(section: string): string;
  parseState(link: string): string;
  canonicalLink(link: string, lang: string): string;
  setValue(link: string, key: string, value: string): string;
  setRacer(link: string, index: number, text: string): string;
  setRacerValue(link: string, index: number, key: string, value: string): string;
  removeRacer(link: string, index: number): string;
  setMode(link: string, mode: string): string;
  adoptPageSettings(link: string, from: string): string;
  checkExpression(text: string): string;
  torchScript(link: string, lang: string): string;
  scheduleRates(racer: string, lastStep: number, count: number): Float64Array;
  SurfaceSession: new (link: string) => SurfaceSessionHandle;
}

export function loadModule(): Promise<PlaygroundModule> {
  return instantiateModule();
}

// A link written by the core's codec, never by string concatenation: the empty link of `mode`
// with `values` set in order (key, value in the link's own syntax). These are the page's own
// links, so a value the codec refuses is a mistake in the page: it throws, naming it.
export function writeLink(module: PlaygroundModule, mode: 'surface' | 'classify', values: [string, string][]): string {
  let result = JSON.parse(module.setMode('', mode)) as StateResult;
  for (const [key, value] of values) {
    result = JSON.parse(module.setValue(result.link, key, value)) as StateResult;
    if (result.problems.length > 0) throw new Error(`${key}=${value}: ${result.problems[0].reason.en}`);
  }
  return result.link;
}

export const CATALOGUE_SECTIONS = [
  'optimizers',
  'schedules',
  'warmup',
  'batch',
  'noise',
  'surfaces',
  'datasets',
  'features',
  'activations',
  'losses',
  'regularizations',
  'classify_params',
  'panels',
  'limits',
] as const satisfies readonly (keyof Catalogue)[];

// The catalogue, read from the core one section at a time when first needed (the whole of it in
// one call was a 50 ms task at start-up); `load` reads a section ahead of time.
function lazyCatalogue(module: PlaygroundModule): { catalogue: Catalogue; load: (section: keyof Catalogue) => void } {
  const sections: Partial<Catalogue> = {};
  const catalogue = {} as Catalogue;
  const load = (section: keyof Catalogue) => {
    if (!(section in sections))
      (sections as Record<string, unknown>)[section] = JSON.parse(module.catalogueSection(section));
  };
  for (const section of CATALOGUE_SECTIONS)
    Object.defineProperty(catalogue, section, {
      enumerable: true,
      get: () => {
        load(section);
        return sections[section];
      },
    });
  return { catalogue, load };
}

// Link reading and editing through the core's codec.
export class Core {
  readonly catalogue: Catalogue;
  // Reads a catalogue section now (boot reads each in a task of its own).
  readonly loadCatalogue: (section: keyof Catalogue) => void;
  constructor(readonly module: PlaygroundModule) {
    ({ catalogue: this.catalogue, load: this.loadCatalogue } = lazyCatalogue(module));
  }
  parse(link: string): StateResult {
    return JSON.parse(this.module.parseState(link)) as StateResult;
  }
  // The link as the codec writes it (problems dropped), in language `lang` if given. Cheaper
  // than parse(): no JSON view of the state.
  canonical(link: string, lang = ''): string {
    return this.module.canonicalLink(link, lang);
  }
  setValue(link: string, key: string, value: string): StateResult {
    return JSON.parse(this.module.setValue(link, key, value)) as StateResult;
  }
  setRacer(link: string, index: number, text: string): StateResult {
    return JSON.parse(this.module.setRacer(link, index, text)) as StateResult;
  }
  setRacerValue(link: string, index: number, key: string, value: string): StateResult {
    return JSON.parse(this.module.setRacerValue(link, index, key, value)) as StateResult;
  }
  removeRacer(link: string, index: number): StateResult {
    return JSON.parse(this.module.removeRacer(link, index)) as StateResult;
  }
  setMode(link: string, mode: 'surface' | 'classify'): StateResult {
    return JSON.parse(this.module.setMode(link, mode)) as StateResult;
  }
  // `link` with the whole page's settings (the language) of `from`.
  adoptPageSettings(link: string, from: string): StateResult {
    return JSON.parse(this.module.adoptPageSettings(link, from)) as StateResult;
  }
  checkExpression(text: string): { ok: boolean; column: number; message: Text } {
    return JSON.parse(this.module.checkExpression(text));
  }
  // The link as a PyTorch script (`playground torch`), comments in `lang`; or why there is none.
  torchScript(link: string, lang: string): TorchScript {
    return JSON.parse(this.module.torchScript(link, lang)) as TorchScript;
  }
  // η_t of a racer's schedule (link syntax) at `count` updates evenly spread over 0 … lastStep.
  scheduleRates(racer: string, lastStep: number, count: number): Float64Array {
    return this.module.scheduleRates(racer, lastStep, count);
  }
  optimizer(name: string): OptimizerInfo | undefined {
    return this.catalogue.optimizers.find((o) => o.name === name);
  }
  schedule(name: string): ScheduleInfo | undefined {
    return this.catalogue.schedules.find((s) => s.name === name);
  }
  surface(name: string): SurfaceInfo | undefined {
    return this.catalogue.surfaces.find((s) => s.name === name);
  }
  dataset(name: string): DatasetInfo | undefined {
    return this.catalogue.datasets.find((d) => d.name === name);
  }
  // A classification setting's specification (noise, train, batch, epochs, …).
  classifyParam(name: string): ParamSpec {
    const spec = this.catalogue.classify_params.find((p) => p.name === name);
    if (!spec) throw new Error(`the core has no classification setting '${name}'`);
    return spec;
  }
}
