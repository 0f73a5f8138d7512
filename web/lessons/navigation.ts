// Lesson steps as links. `#lesson=NAME&step=K` opens step K: a link that names a step and sets
// nothing but page keys (lang, present, embed, hide) loads that step's own state; a link with
// more keys is a student's state inside the step (a reload keeps their changes). The codec
// checks the form of `lesson` and `step`; whether the lesson exists is known only here.
import type { Problem } from '../core';
import type { Lesson, LessonStep } from './format';
import { LESSONS } from './index';

export const INDEX = 'index'; // `lesson=index`: the list of lessons

const PAGE_KEYS = ['lang', 'lesson', 'step', 'present', 'embed', 'hide'];

export function findLesson(name: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.name === name);
}

function pairs(link: string): [string, string][] {
  return link
    .replace(/^#/, '')
    .split('&')
    .filter((pair) => pair.length > 0)
    .map((pair) => {
      const at = pair.indexOf('=');
      return at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
    });
}

function join(parts: string[]): string {
  return parts.filter((part) => part.length > 0).join('&');
}

// The mode of a step's state.
export function stepMode(step: LessonStep): 'surface' | 'classify' {
  return /(^|&)mode=classify(&|$)/.test(step.link) ? 'classify' : 'surface';
}

// The link of step `step` (1-based) of `lesson`, followed by the page keys to keep ("lang=zh").
export function stepLink(lesson: Lesson, step: number, keep: string[] = []): string {
  return join([lesson.steps[step - 1].link, `lesson=${lesson.name}`, `step=${step}`, ...keep]);
}

// The page keys of the current state that carry over to a step in mode `to`: hidden panels
// belong to one mode, so they carry over only between steps of the same mode.
export function keptPageKeys(
  state: { lang: string; mode: string; page: { present: boolean; embed: boolean; hide: string[] } },
  to: 'surface' | 'classify',
): string[] {
  const keep: string[] = [];
  if (state.lang) keep.push(`lang=${state.lang}`);
  if (state.page.present) keep.push('present=1');
  if (state.page.embed) keep.push('embed=1');
  if (state.page.hide.length && state.mode === to) keep.push(`hide=${state.page.hide.join(',')}`);
  return keep;
}

function problem(key: string, value: string, en: string, zh: string): Problem {
  return { key, value, reason: { en, zh } };
}

// The store's link expander (store.ts): opens a named step with its own state; reports an
// unknown lesson (and drops it) or a step beyond the lesson's end (and shows the last step).
export function expandLessonLink(link: string): { link: string; problems: Problem[] } {
  const given = pairs(link);
  const name = given.find(([key]) => key === 'lesson')?.[1];
  if (name === undefined || name === '' || name === INDEX) return { link, problems: [] };
  const lesson = findLesson(name);
  if (!lesson) {
    const names = LESSONS.map((l) => l.name);
    return {
      link: join(given.filter(([key]) => key !== 'lesson' && key !== 'step').map(([k, v]) => `${k}=${v}`)),
      problems: [
        problem(
          'lesson',
          name,
          `there is no lesson '${name}'; the lessons are ${names.join(', ')}`,
          `没有名为“${name}”的课程；现有课程：${names.join('、')}`,
        ),
      ],
    };
  }
  const problems: Problem[] = [];
  const stepText = given.find(([key]) => key === 'step')?.[1];
  let step = stepText === undefined ? 1 : Number(stepText);
  const count = lesson.steps.length;
  if (!Number.isInteger(step) || step < 1 || step > count) {
    const last = Number.isInteger(step) && step > count;
    problems.push(
      problem(
        'step',
        stepText ?? '',
        `lesson '${lesson.name}' has steps 1 … ${count}; showing step ${last ? count : 1}`,
        `课程“${lesson.name}”的步骤为 1 … ${count}，显示第 ${last ? count : 1} 步`,
      ),
    );
    step = last ? count : 1;
  }
  const onlyPageKeys = given.every(([key]) => PAGE_KEYS.includes(key));
  if (onlyPageKeys) {
    const keep = given.filter(([key]) => key !== 'lesson' && key !== 'step').map(([key, value]) => `${key}=${value}`);
    return { link: stepLink(lesson, step, keep), problems };
  }
  return {
    link: join(given.map(([key, value]) => (key === 'step' ? `step=${step}` : `${key}=${value}`))),
    problems,
  };
}
