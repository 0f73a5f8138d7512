// The page: a header (title, mode switch, language, copy link), the notice for bad links, and
// the active mode's page. Also installs the automation API (window.playground, docs/reference.md).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { installAutomation, type ModeController } from './automation';
import { ClassifyPage } from './classify/ClassifyPage';
import { Notice } from './components/Notice';
import { later } from './components/tasks';
import type { Core } from './core';
import { browserLang, type Lang, LangContext, translate } from './i18n';
import type { LinkStore, Mode } from './store';
import { SurfacePage } from './surface/SurfacePage';

export function App({ core, store }: { core: Core; store: LinkStore }) {
  const [, setVersion] = useState(0);
  useEffect(() => store.subscribe(() => setVersion((v) => v + 1)), [store]);
  const controllers = useMemo(() => new Map<Mode, ModeController>(), []);
  // Installed once the page's panels have rendered (they render in later tasks, queued first).
  useEffect(() => {
    let uninstall = () => {};
    const cancel = later(() => {
      uninstall = installAutomation(store, controllers);
    });
    return () => {
      cancel();
      uninstall();
    };
  }, [store, controllers]);

  const state = store.state;
  const lang: Lang = state.lang || browserLang();
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = translate(lang, 'app.title');
  }, [lang]);

  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  const [copied, setCopied] = useState(false);
  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(store.shareUrl());
      setCopied(true);
      window.setTimeout(() => setCopied(false), 1500);
    } catch {
      window.prompt(t('link.copy'), store.shareUrl());
    }
  };
  const toggleLang = () => store.setValue('lang', lang === 'en' ? 'zh' : 'en');

  return (
    <LangContext.Provider value={lang}>
      <header class="top">
        <div class="brand">
          <img src="assets/icon.svg" alt="" width="28" height="28" />
          <div>
            <h1>{t('app.title')}</h1>
            <span class="tagline">{t('app.tagline')}</span>
          </div>
        </div>
        <div class="modes" role="tablist">
          {(['surface', 'classify'] as Mode[]).map((mode) => (
            <button
              type="button"
              role="tab"
              aria-selected={state.mode === mode}
              class={state.mode === mode ? 'active' : ''}
              data-testid={`mode-${mode}`}
              onClick={() => store.switchMode(mode)}
            >
              {t(mode === 'surface' ? 'mode.surface' : 'mode.classify')}
            </button>
          ))}
        </div>
        <div class="top-actions">
          <button type="button" onClick={copyLink} title={t('link.copy.title')} data-testid="copy-link">
            {copied ? t('link.copied') : t('link.copy')}
          </button>
          <button type="button" onClick={toggleLang} title={t('lang.toggle.title')} data-testid="lang-toggle">
            {t('lang.toggle')}
          </button>
        </div>
      </header>
      <Notice problems={store.notices} onDismiss={() => store.dismissNotices()} />
      <main>
        {state.mode === 'surface' ? (
          <SurfacePage core={core} store={store} controllers={controllers} />
        ) : (
          <ClassifyPage core={core} store={store} controllers={controllers} />
        )}
      </main>
    </LangContext.Provider>
  );
}
