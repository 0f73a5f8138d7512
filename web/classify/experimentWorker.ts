// A worker of the minimum-ratio experiment's pool (experiment.ts): its own wasm module; each
// message is one run (train, drive to a critical point, analyse: core/state/network_analysis),
// answered with its row or the core's message.
import { loadModule } from '../core';
import type { ExperimentFromWorker, ExperimentToWorker } from './experiment';
import type { ClassifyModule } from './session';

const scope = self as unknown as {
  postMessage(message: ExperimentFromWorker): void;
  onmessage: ((event: MessageEvent<ExperimentToWorker>) => void) | null;
};

let module: ClassifyModule | null = null;
const waiting: ExperimentToWorker[] = [];

function run({ link, racer, run }: ExperimentToWorker): void {
  try {
    scope.postMessage({ type: 'row', row: module!.minimumRatioRun(link, racer, run) });
  } catch (error) {
    scope.postMessage({ type: 'failed', run, message: error instanceof Error ? error.message : String(error) });
  }
}

scope.onmessage = (event) => {
  if (module) run(event.data);
  else waiting.push(event.data);
};

loadModule()
  .then((loaded) => {
    module = loaded as ClassifyModule;
    for (const message of waiting.splice(0)) run(message);
  })
  .catch((error: unknown) => {
    for (const message of waiting.splice(0))
      scope.postMessage({
        type: 'failed',
        run: message.run,
        message: error instanceof Error ? error.message : String(error),
      });
  });
