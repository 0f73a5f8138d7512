// LaTeX typeset by KaTeX into an element (katex.render, never HTML strings).
import katex from 'katex';
import { useEffect, useRef } from 'preact/hooks';

export function Formula({ tex, display = false, testId }: { tex: string; display?: boolean; testId?: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (ref.current) katex.render(tex, ref.current, { displayMode: display, throwOnError: false, strict: 'ignore' });
  }, [tex, display]);
  return <span ref={ref} class={display ? 'formula formula-display' : 'formula'} data-testid={testId} />;
}
