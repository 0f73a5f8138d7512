// How the page is shown, from the link's page keys: presentation mode, embedded, and which
// panels are hidden (`hide`, plus what presentation mode leaves out: every panel that edits,
// except those the lesson step on screen talks about, which it shows first).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { StateView } from '../core';

export interface PageView {
  present: boolean;
  embed: boolean;
  shows(panel: string): boolean;
  // Presentation mode: the panels the lesson step talks about (shown, and placed first).
  featured: readonly string[];
}

// Presentation shows the map or the network, the charts and the play controls.
const PRESENT_HIDES: Record<'surface' | 'classify', string[]> = {
  surface: ['presets', 'surface', 'racers', 'formula', 'export'],
  classify: ['presets', 'data', 'racers', 'confusion', 'critical', 'export'],
};

// `stepPanels`: the panels the lesson step on screen talks about (LessonStep.panels); `hide`
// still hides them.
export function pageView(state: StateView, stepPanels: readonly string[] = []): PageView {
  const { present, embed, hide } = state.page;
  const presentHides = present ? PRESENT_HIDES[state.mode].filter((panel) => !stepPanels.includes(panel)) : [];
  const hidden = new Set([...hide, ...presentHides]);
  const featured = present ? stepPanels.filter((panel) => !hidden.has(panel)) : [];
  return { present, embed, shows: (panel) => !hidden.has(panel), featured };
}

export const ViewContext = createContext<PageView>({ present: false, embed: false, shows: () => true, featured: [] });

export function usePageView(): PageView {
  return useContext(ViewContext);
}
