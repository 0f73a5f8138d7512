// A racer's colour as a dot, wherever the racer is named (status lists, tables, editors). The
// colours are chosen for the dark map and charts; the dot sits in a dark ring so that a light
// colour (racer 2 is white) reads as that colour on a light panel too, not as an empty circle.
import { racerColor } from './racerColors';
import './components.css';

export function RacerSwatch({ index }: { index: number }) {
  return <span class="swatch" style={{ background: racerColor(index) }} aria-hidden="true" />;
}
