// A racer's colour as a dot, wherever the racer is named (status lists, tables, editors).
import { racerColor } from './racerColors';
import './components.css';

export function RacerSwatch({ index }: { index: number }) {
  return <span class="swatch" style={{ background: racerColor(index) }} aria-hidden="true" />;
}
