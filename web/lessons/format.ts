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
  // Surface mode: the point whose Hessian analysis opens with the step (as a click shows it).
  analyze?: [number, number];
  // Every number the texts state about a run or a point; the tests recompute each one.
  claims?: Claim[];
}

// "Predict, then run": the student answers, runs the step, and the feedback is worked out from
// the numbers of that run (whatever the student changed meanwhile), not from a stored answer.
export type Question = ChoiceQuestion | StartQuestion;

export interface ChoiceQuestion {
  kind: 'choice';
  prompt: Text;
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

// Numbers a run's end is judged by. Surface: the racer's point and loss; classify: its losses
// and accuracies (0 … 1).
export type Quantity = 'x' | 'y' | 'loss' | 'trainLoss' | 'testLoss' | 'trainAcc' | 'testAcc';

// A statement about the end of a run; racers are counted from 0 in link order.
export type Outcome =
  | { racer: number; diverged: boolean } // the racer's numbers became non-finite (or did not)
  | { racer: number; quantity: Quantity; below?: number; above?: number } // strict bounds
  | { racer: number; near: [number, number]; within: number } // surface: ends within a distance
  | { lowest: Quantity; racer: number } // this racer ends with the smallest value of all
  | { highest: Quantity; racer: number } // … with the largest
  | { all: Outcome[] } // every one holds
  | { not: Outcome };

export type Claim =
  // After `after` updates (surface) or epochs (classify) of the step's own link. `lr` is the
  // rate for update `after`; `divergedAt` the step at which the racer diverged.
  | {
      racer: number;
      after: number;
      quantity: Quantity | 'gradNorm' | 'lr' | 'divergedAt';
      value: number;
      tolerance: number;
    }
  // The surface's Hessian analysis of a point (what a click on the map shows).
  | { at: [number, number]; quantity: 'value' | 'gradNorm' | 'lambda1' | 'lambda2'; value: number; tolerance: number };
