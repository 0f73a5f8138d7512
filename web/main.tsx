// Boot: load the wasm core, open the link in the URL hash (and ?lang=), render the page.
import { render } from 'preact';
import './style.css';
import { App } from './app';
import { warmUpIntl } from './components/intlWarmUp';
import { nextTask } from './components/tasks';
import { CATALOGUE_SECTIONS, Core, loadModule } from './core';
import { browserLang, translate } from './i18n';
import { expandLessonLink } from './lessons/navigation';
import { LinkStore } from './store';

async function boot(): Promise<void> {
  const root = document.getElementById('app')!;
  void warmUpIntl();
  try {
    // Each step in a task of its own: together they would block the page for longer than 50 ms.
    // The marks name the steps in a trace (tests/e2e/startup.test.mjs checks they stay apart).
    const core = new Core(await loadModule());
    performance.mark('boot:module');
    for (const section of CATALOGUE_SECTIONS) {
      await nextTask();
      core.loadCatalogue(section);
      performance.mark(`boot:catalogue:${section}`);
    }
    await nextTask();
    const store = new LinkStore(core, location.hash, location.search, expandLessonLink);
    performance.mark('boot:link');
    await nextTask();
    root.replaceChildren();
    render(<App core={core} store={store} />, root);
    performance.mark('boot:render');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const p = document.createElement('p');
    p.className = 'fatal';
    p.textContent = translate(browserLang(), 'loading.failed', { message });
    root.replaceChildren(p);
    throw error;
  }
}

void boot();
