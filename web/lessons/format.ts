// The lesson format. A lesson is data: one file per lesson in this folder, listed in index.ts.
// Each step is a playground state (a link, read by the core's codec like any share link) with a
// short text in English and Simplified Chinese. A step may ask the student to predict before
// running, and lists the numbers its text promises, which the tests check against real runs.
//
// To add a lesson: write web/lessons/NAME.ts exporting a `Lesson`, add it to LESSONS in
// index.ts, and run the tests (they validate every link, both languages and every claim).
import type { Text } from '../core';

export interface Lesson {
  name: string; // `lesson=NAME` in links: lowercase letters, digits and '-'
  title: Text;
  summary: Text; // one sentence on the lessons page
  steps: LessonStep[];
}

export interface LessonStep {
  // The playground state: any link of either mode, without lang, lesson or step (the page adds
  // them). Surface runs end at `steps`, classify runs at `epochs`: a question is judged then.
  link: string;
  title: Text;
  text: Text;
  question?: Question;
  // Surface mode: the point whose Hessian analysis opens with the step (as a click shows it), or
  // 'minimum': the surface's known minimum, as the catalogue holds it (to double precision: a
  // rounded minimum is not a critical point of a surface as steep as the chapter's).
  analyze?: AnalysedPoint;
  // The panels the text talks about that presentation mode otherwise leaves out (the names of
  // `hide`: 'critical', the Critical point and minimum-ratio experiment panels; 'formula', the
  // update rule): on a projector the step shows them, first.
  panels?: ('critical' | 'formula')[];
  // Every number the texts state about a run or a point; the tests recompute each one.
  claims?: Claim[];
}

// A point of the surface: (x, y), or 'minimum', the surface's (first) known minimum.
export type AnalysedPoint = [number, number] | 'minimum';

// "Predict, then run": the student answers, runs the step, and the feedback is worked out from
// the numbers of that run (whatever the student changed meanwhile), not from a stored answer.
export type Question = ChoiceQuestion | StartQuestion;

export interface ChoiceQuestion {
  kind: 'choice';
  prompt: Text;
  // Classify: Run makes these moves in the Critical point panel on the way (see PanelMoves).
  moves?: PanelMoves;
  // Classify: Run starts the minimum-ratio experiment with this many runs instead of training.
  experiment?: number;
  // What actually happened is the option whose `when` holds at the end of the run.
  options: { text: Text; when: Outcome; why: Text }[];
}

// Surface mode: drag the start ◎ so that `goal` happens, then run.
export interface StartQuestion {
  kind: 'start';
  prompt: Text;
  goal: Outcome;
  reached: Text; // said when the goal happened
  missed: Text; // said when it did not
}

// Classify: what the student does in the Critical point panel when the run reaches epoch `at`
// (Run: from the start straight to that epoch, the moves, then playing on to the link's
// `epochs`): "Go to the critical point" (the lecture's way: ‖∇J‖ driven to 0), then "Step to
// θ + s·u" (escape 1) or "θ − s·u" (escape −1), u the eigenvector of the most negative eigenvalue
// and s the panel's step length (1 unless the student changed it; the tests take 1).
export interface PanelMoves {
  at: number;
  critical?: boolean;
  escape?: 1 | -1;
}

// Numbers a run's end is judged by. Surface: the racer's point and loss; classify: its losses
// and accuracies (0 … 1).
export type Quantity = 'x' | 'y' | 'loss' | 'trainLoss' | 'testLoss' | 'trainAcc' | 'testAcc';

// Classify: the exact Hessian analysis of the racer the page shows (the Critical point panel,
// playground.hessian(); the first racer when a step opens): J with its penalty, ‖∇J‖, the
// minimum ratio (positive eigenvalues ÷ all), the number of negative eigenvalues, λ_max·η_t,
// and J(θ ± s·u) of the escape probe (NaN when no eigenvalue is negative).
export type AnalysisQuantity =
  | 'objective'
  | 'gradientNorm'
  | 'minimumRatio'
  | 'negative'
  | 'lambdaMaxLr'
  | 'escapePlus'
  | 'escapeMinus';

// The kinds of point the second-order test tells apart (docs/reference.md).
export type PointKind = 'minimum' | 'maximum' | 'saddle' | 'degenerate' | 'not-critical';

// Classify: a number of the minimum-ratio experiment's runs (its panel; playground.minimumRatio):
// how many end at a point of `count` kind, or the smallest or largest minimum ratio or J among
// the runs (among those of `kind` when given).
export type ExperimentStatistic =
  | { count: PointKind }
  | { smallest: 'minimumRatio' | 'objective'; kind?: PointKind }
  | { largest: 'minimumRatio' | 'objective'; kind?: PointKind };

// A statement about the end of a run; racers are counted from 0 in link order.
export type Outcome =
  | { racer: number; diverged: boolean } // the racer's numbers became non-finite (or did not)
  | { racer: number; quantity: Quantity; below?: number; above?: number } // strict bounds
  | { racer: number; near: [number, number]; within: number } // surface: ends within a distance
  | { lowest: Quantity; racer: number } // this racer ends with the smallest value of all
  | { highest: Quantity; racer: number } // … with the largest
  | { analysis: AnalysisQuantity; below?: number; above?: number } // classify: the Hessian's numbers
  | { kind: PointKind } // classify: the Hessian analysis finds this kind of point
  | { experiment: ExperimentStatistic; below?: number; above?: number } // the experiment's runs
  | { all: Outcome[] } // every one holds
  | { not: Outcome };

export type Claim =
  // After `after` updates (surface) or epochs (classify) of the step's own link (classify: with
  // `moves` made on the way). `lr` is the rate for update `after`; `divergedAt` the step at which
  // the racer diverged.
  | {
      racer: number;
      after: number;
      moves?: PanelMoves;
      quantity: Quantity | 'gradNorm' | 'lr' | 'divergedAt';
      value: number;
      tolerance: number;
    }
  // The surface's Hessian analysis of a point (what a click on the map shows).
  | { at: AnalysedPoint; quantity: 'value' | 'gradNorm' | 'lambda1' | 'lambda2'; value: number; tolerance: number }
  // Classify: the network's Hessian analysis after `after` epochs (with `moves` on the way): a
  // number, or the kind of point (the texts name it in both languages).
  | { after: number; moves?: PanelMoves; analysis: AnalysisQuantity; value: number; tolerance: number }
  | { after: number; moves?: PanelMoves; kind: PointKind }
  // Classify: the minimum-ratio experiment with `runs` runs of the step's link.
  | { runs: number; experiment: ExperimentStatistic; value: number; tolerance: number };
