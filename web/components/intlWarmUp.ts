// ICU, the library behind Intl, initialises once per renderer process: the first Intl object a
// page makes costs 20–50 ms of main-thread time in one piece (headless Chromium on the 2-core
// development machine), and uPlot makes two at the top level of its module. Made first in a
// worker of the same process, the main thread's first Intl object costs under a millisecond. So
// start-up starts that worker at once, and uPlot is loaded once it has answered (or failed).
import { startIntlWorker } from '../platform';

let warmed: Promise<void> | null = null;

export function warmUpIntl(): Promise<void> {
  warmed ??= new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = startIntlWorker();
    } catch {
      resolve();
      return;
    }
    const done = () => {
      worker.terminate();
      resolve();
    };
    worker.onmessage = done;
    worker.onerror = done;
  });
  return warmed;
}
