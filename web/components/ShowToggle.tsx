// A checkbox for one of the link's display flags (show=…: arrows and critical points on the
// map, test points and hard classes on the decision map). Only the current mode's flags can be
// set in its link, so the others are always off here.
import type { StateView } from '../core';
import type { LinkStore } from '../store';

export type ShowFlag = keyof StateView['show'];
const FLAGS: readonly ShowFlag[] = ['grad', 'm', 'crit', 'test', 'discrete'];

interface Props {
  store: LinkStore;
  flag: ShowFlag;
  label: string;
  title: string;
  testId: string;
}

export function ShowToggle({ store, flag, label, title, testId }: Props) {
  const show = store.state.show;
  const set = (on: boolean) => store.setValue('show', FLAGS.filter((f) => (f === flag ? on : show[f])).join(','));
  return (
    <label class="field-check" title={title}>
      <input
        type="checkbox"
        checked={show[flag]}
        data-testid={testId}
        onChange={(e) => set((e.currentTarget as HTMLInputElement).checked)}
      />
      {label}
    </label>
  );
}
