// How the page is shown, from the link's page keys: presentation mode, embedded, and which
// panels are hidden (`hide`, plus what presentation mode leaves out: every panel that edits).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { StateView } from '../core';

export interface PageView {
  present: boolean;
  embed: boolean;
  shows(panel: string): boolean;
}

// Presentation shows the map or the network, the charts and the play controls.
const PRESENT_HIDES: Record<'surface' | 'classify', string[]> = {
  surface: ['presets', 'surface', 'racers', 'formula', 'export'],
  classify: ['presets', 'data', 'racers', 'confusion', 'critical', 'export'],
};

export function pageView(state: StateView): PageView {
  const hidden = new Set([...state.page.hide, ...(state.page.present ? PRESENT_HIDES[state.mode] : [])]);
  return { present: state.page.present, embed: state.page.embed, shows: (panel) => !hidden.has(panel) };
}

export const ViewContext = createContext<PageView>({ present: false, embed: false, shows: () => true });

export function usePageView(): PageView {
  return useContext(ViewContext);
}
