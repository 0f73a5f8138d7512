// Renders its children in a task after the first render (components/tasks.ts): a page whose
// panels all render at once blocks the main thread for longer than 50 ms at start-up.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { later } from './tasks';

export function Later({ children }: { children: ComponentChildren }) {
  const [shown, setShown] = useState(false);
  useEffect(() => later(() => setShown(true)), []);
  return shown ? children : null;
}
