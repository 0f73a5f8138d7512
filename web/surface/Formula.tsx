// LaTeX typeset by KaTeX into an element (katex.render, never HTML strings). An inline formula
// made of several statements joined by \quad (m = …, \quad b = …) is set as one piece per
// statement, so a narrow panel wraps it between statements rather than inside one.
import type katexModule from 'katex';
import { useEffect, useRef } from 'preact/hooks';
import { later } from '../components/tasks';

// The statements of `tex`: split at each \quad outside braces.
export function statements(tex: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < tex.length; ++i) {
    const c = tex[i];
    if (c === '\\' && depth === 0 && tex.startsWith('\\quad', i) && !/[A-Za-z]/.test(tex[i + 5] ?? '')) {
      pieces.push(tex.slice(start, i));
      start = i + 5;
      i += 4;
    } else if (c === '\\')
      ++i; // an escaped character (\{, \\) or the first letter of a command
    else if (c === '{') ++depth;
    else if (c === '}') --depth;
  }
  pieces.push(tex.slice(start));
  return pieces.map((p) => p.trim()).filter(Boolean);
}

// KaTeX is more than half of the page's script: it is loaded (and its module run) when the first
// formula is typeset, not with the page.
let katexLoading: Promise<typeof katexModule> | null = null;
function loadKatex(): Promise<typeof katexModule> {
  katexLoading ??= import('katex').then((module) => module.default);
  return katexLoading;
}

// Typeset in a task of its own (components/tasks.ts): a page of formulas at once is a long task.
export function Formula({ tex, display = false, testId }: { tex: string; display?: boolean; testId?: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    let cancel: (() => void) | null = null;
    let gone = false;
    void loadKatex().then((katex) => {
      if (gone) return;
      cancel = later(() => {
        const element = ref.current;
        if (!element) return;
        const options = { displayMode: display, throwOnError: false, strict: 'ignore' as const };
        if (display) return katex.render(tex, element, options);
        element.replaceChildren(
          ...statements(tex).map((piece) => {
            const span = document.createElement('span');
            span.className = 'formula-piece';
            katex.render(piece, span, options);
            return span;
          }),
        );
      });
    });
    return () => {
      gone = true;
      cancel?.();
    };
  }, [tex, display]);
  return <span ref={ref} class={display ? 'formula formula-display' : 'formula'} data-testid={testId} />;
}
