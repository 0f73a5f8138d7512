// The Intl warm-up worker (components/intlWarmUp.ts): makes the process's first Intl objects off
// the main thread, then says so.
import { touchIntl } from './intlTouch';

touchIntl();
postMessage(null);
