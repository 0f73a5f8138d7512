// The page: a header (title, mode switch, classroom tools, language, copy link), the notice for
// bad links, the lesson on screen, and the active mode's page (or the list of lessons). Also
// installs the automation API (window.playground, docs/reference.md).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { installAutomation, type ModeController } from './automation';
import { ClassifyPage } from './classify/ClassifyPage';
import { EmbedDialog } from './classroom/EmbedDialog';
import { EmbedLink, PresentBar } from './classroom/PresentBar';
import { pageView, ViewContext } from './classroom/view';
import { Notice } from './components/Notice';
import { later } from './components/tasks';
import type { Core } from './core';
import { browserLang, type Lang, LangContext, translate } from './i18n';
import { LessonBar } from './lessons/LessonBar';
import { LessonIndex } from './lessons/LessonIndex';
import { findLesson, INDEX } from './lessons/navigation';
import { iconUrl, offline } from './platform';
import type { LinkStore, Mode } from './store';
import { SurfacePage } from './surface/SurfacePage';

export function App({ core, store }: { core: Core; store: LinkStore }) {
  const [, setVersion] = useState(0);
  useEffect(() => store.subscribe(() => setVersion((v) => v + 1)), [store]);
  const controllers = useMemo(() => new Map<Mode, ModeController>(), []);

  const state = store.state;
  const lang: Lang = state.lang || browserLang();
  const langRef = useRef(lang);
  langRef.current = lang;
  // Installed once the page's panels have rendered (they render in later tasks, queued first).
  useEffect(() => {
    let uninstall = () => {};
    const cancel = later(() => {
      uninstall = installAutomation(store, controllers, () => langRef.current);
    });
    return () => {
      cancel();
      uninstall();
    };
  }, [store, controllers]);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = translate(lang, 'app.title');
  }, [lang]);
  const lesson = findLesson(state.page.lesson);
  const step = lesson ? Math.min(Math.max(1, state.page.step), lesson.steps.length) : 0;
  const view = pageView(state, lesson?.steps[step - 1].panels);
  useEffect(() => {
    document.documentElement.classList.toggle('present', view.present);
    document.documentElement.classList.toggle('embed', view.embed);
  }, [view.present, view.embed]);

  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  const [copied, setCopied] = useState(false);
  const [embedding, setEmbedding] = useState(false);
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

  const header = !view.present && !view.embed;
  const lessonBar = lesson && <LessonBar lesson={lesson} step={step} store={store} controllers={controllers} />;
  // On a projector the lesson sits beside the map, so that both fit on the screen.
  const besideMap = view.present;

  return (
    <LangContext.Provider value={lang}>
      <ViewContext.Provider value={view}>
        {header && (
          <header class="top">
            <div class="brand">
              <img src={iconUrl} alt="" width="28" height="28" />
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
              <button
                type="button"
                onClick={() => store.setValue('lesson', INDEX, { newEntry: true })}
                title={t('lessons.open.title')}
                data-testid="open-lessons"
              >
                {t('lessons.open')}
              </button>
              <button
                type="button"
                onClick={() => store.setValue('present', '1')}
                title={t('classroom.present.title')}
                data-testid="present"
              >
                {t('classroom.present')}
              </button>
              {!offline && (
                <button
                  type="button"
                  onClick={() => setEmbedding(true)}
                  title={t('classroom.embed.title')}
                  data-testid="embed"
                >
                  {t('classroom.embed')}
                </button>
              )}
              {!offline && (
                <a
                  class="button"
                  href="optimizer-playground.html"
                  download="optimizer-playground.html"
                  title={t('classroom.offline.title')}
                  data-testid="offline"
                >
                  {t('classroom.offline')}
                </a>
              )}
              <button type="button" onClick={copyLink} title={t('link.copy.title')} data-testid="copy-link">
                {copied ? t('link.copied') : t('link.copy')}
              </button>
              <button type="button" onClick={toggleLang} title={t('lang.toggle.title')} data-testid="lang-toggle">
                {t('lang.toggle')}
              </button>
            </div>
          </header>
        )}
        {view.present && <PresentBar core={core} store={store} />}
        {view.embed && !view.present && <EmbedLink core={core} store={store} />}
        <Notice problems={store.notices} onDismiss={() => store.dismissNotices()} />
        <main>
          {embedding && <EmbedDialog core={core} store={store} onClose={() => setEmbedding(false)} />}
          {state.page.lesson === INDEX ? (
            <LessonIndex store={store} />
          ) : (
            <>
              {lessonBar && !besideMap && lessonBar}
              {state.mode === 'surface' ? (
                <SurfacePage core={core} store={store} controllers={controllers} aside={besideMap ? lessonBar : null} />
              ) : (
                <ClassifyPage
                  core={core}
                  store={store}
                  controllers={controllers}
                  aside={besideMap ? lessonBar : null}
                />
              )}
            </>
          )}
        </main>
      </ViewContext.Provider>
    </LangContext.Provider>
  );
}
