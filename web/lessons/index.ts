// The lessons, in the chapter's order. Each lives in its own file (format: format.ts).
import { adaptive } from './adaptive';
import { batchMomentum } from './batch-momentum';
import { classification } from './classification';
import { criticalPoints } from './critical-points';
import type { Lesson } from './format';
import { scheduling } from './scheduling';
import { summary } from './summary';

export const LESSONS: Lesson[] = [criticalPoints, batchMomentum, adaptive, scheduling, summary, classification];
