// A modal dialog over the page: its heading, its content, and Escape to close (when it may).
import type { ComponentChildren } from 'preact';
import { useKeyboardShortcuts } from '../components/useKeyboardShortcuts';
import './classroom.css';

interface Props {
  id: string; // names the heading (aria-labelledby) and the test id ("<id>-dialog")
  heading: string;
  onClose: (() => void) | null; // null while it must stay open
  children: ComponentChildren;
}

export function Dialog({ id, heading, onClose, children }: Props) {
  useKeyboardShortcuts({ Escape: () => onClose?.() }, [onClose]);
  return (
    <div class="dialog-backdrop">
      <div
        class="dialog panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-heading`}
        data-testid={`${id}-dialog`}
      >
        <div class="panel-head">
          <h2 id={`${id}-heading`}>{heading}</h2>
        </div>
        {children}
      </div>
    </div>
  );
}
