// A lesson's text with the chapter's sub- and superscripts set as such: θ_{t+1}, m_{t−1}, η_t,
// y′_i, λ_max, d_model^−0.5. Built as elements (<sub>, <sup>), never as HTML. What is marked:
// `_{…}` and `^{…}`; `_` + one letter or digit that ends a word (η_t, Σ_j); `_max` and `_min`;
// `^` + a signed number (t^−0.5). Anything else stays as written (d_model, reg_rate).
import type { ComponentChildren } from 'preact';

const MARK = /([_^])(?:\{([^{}]+)\}|(max|min)(?![\p{L}\p{N}_])|([\p{L}\p{N}])(?![\p{L}\p{N}_])|([−-]?\d+(?:\.\d+)?))/gu;

export function mathText(text: string): ComponentChildren[] {
  const parts: ComponentChildren[] = [];
  let at = 0;
  for (const match of text.matchAll(MARK)) {
    const [whole, mark, braced, word, single, number] = match;
    const inner = braced ?? word ?? single ?? number ?? '';
    // `^` marks only braces and numbers; `_` + a number is a letter-or-digit case above.
    if (mark === '^' && (word !== undefined || single !== undefined)) continue;
    parts.push(text.slice(at, match.index));
    parts.push(mark === '_' ? <sub>{inner}</sub> : <sup>{inner}</sup>);
    at = match.index! + whole.length;
  }
  parts.push(text.slice(at));
  return parts;
}

export function MathText({ text }: { text: string }) {
  return <>{mathText(text)}</>;
}
