// Boot: load the wasm core, open the link in the URL hash, render the page.
import { render } from 'preact';
import './style.css';
import { App } from './app';
import { Core, loadModule } from './core';
import { browserLang, translate } from './i18n';
import { expandLessonLink } from './lessons/navigation';
import { LinkStore } from './store';

async function boot(): Promise<void> {
  const root = document.getElementById('app')!;
  try {
    const core = new Core(await loadModule());
    const store = new LinkStore(core, location.hash, expandLessonLink);
    root.replaceChildren();
    render(<App core={core} store={store} />, root);
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
