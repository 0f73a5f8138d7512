// The pages' keyboard shortcuts (space plays or pauses, s steps, r resets, …). A key typed into
// a text field or a list is the field's; Space on a focused button or checkbox activates that
// control, and the arrows move within a radio group (inputs or role="radio" buttons), as the
// keyboard user expects; Ctrl, Alt and Meta combinations are the browser's.
import { useEffect } from 'preact/hooks';

const TYPING = ['INPUT', 'TEXTAREA', 'SELECT'];
const ACTIVATED_BY_SPACE = ['BUTTON', 'SUMMARY', 'A'];

function ownedByTarget(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement && ['checkbox', 'radio', 'range', 'button'].includes(target.type))
    return event.key === ' ' || event.key.startsWith('Arrow');
  if (target.getAttribute('role') === 'radio') return event.key === ' ' || event.key.startsWith('Arrow');
  if (TYPING.includes(target.tagName)) return true;
  return event.key === ' ' && ACTIVATED_BY_SPACE.includes(target.tagName);
}

// `actions` maps KeyboardEvent.key (letters in lower case) to what it does.
export function useKeyboardShortcuts(actions: Record<string, () => void>, deps: unknown[]): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || ownedByTarget(event)) return;
      const action = actions[event.key.length === 1 ? event.key.toLowerCase() : event.key];
      if (!action) return;
      action();
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, deps);
}
