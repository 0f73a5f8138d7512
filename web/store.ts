// The page's state is a share link. The store holds the canonical link of each mode (one page,
// two modes, each with its own link), keeps location.hash in step with the active one (written
// throttled, without flooding the history: an edit replaces the history entry, a move to
// another place, such as another lesson step, adds one, so that Back returns there), and reopens
// the page's state when the user edits the hash or goes back. Every change goes through the
// core's codec.
import type { Core, Problem, StateResult, StateView } from './core';

export type Mode = 'surface' | 'classify';
type Listener = () => void;
// `newEntry`: the change is a move to another place (a lesson step): it gets its own history
// entry, written at once.
export interface ChangeOptions {
  newEntry?: boolean;
}
// Turns a link opened from outside into the link to load, with problems the codec cannot know
// about (lessons live in the page: lessons/navigation.ts).
export type LinkExpander = (link: string) => { link: string; problems: Problem[] };

const HASH_WRITE_INTERVAL_MS = 250;

export class LinkStore {
  private links: Record<Mode, string>;
  private result: StateResult;
  private listeners = new Set<Listener>();
  private hashTimer: number | undefined;
  private lastWrittenHash = '';
  // Problems of the last link opened (shown in a dismissible notice).
  notices: Problem[] = [];
  // Counts links opened from outside (hash, preset, automation API): unlike an edit, an opened
  // link starts its run afresh, even when it equals the current one.
  opened = 0;

  // `query` is location.search: its `lang` sets the language as `#lang=` does, unless the link
  // has its own.
  constructor(
    readonly core: Core,
    hash: string,
    query = '',
    private expand: LinkExpander = (link) => ({ link, problems: [] }),
  ) {
    // location.hash keeps %-escapes; the core decodes them itself.
    const opened = expand(hash.replace(/^#/, ''));
    this.result = core.parse(opened.link);
    this.notices = [...opened.problems, ...this.result.problems];
    const queryLang = new URLSearchParams(query).get('lang');
    if (queryLang !== null && !this.result.state.lang) {
      const withLang = core.setValue(this.result.link, 'lang', queryLang);
      if (withLang.problems.length === 0) this.result = withLang;
      else this.notices = [...this.notices, ...withLang.problems];
    }
    const other: Mode = this.result.state.mode === 'surface' ? 'classify' : 'surface';
    this.links = {
      surface: '',
      classify: '',
      [this.result.state.mode]: this.result.link,
      [other]: core.setMode(this.result.link, other).link,
    } as Record<Mode, string>;
    this.lastWrittenHash = hash.replace(/^#/, '');
    this.scheduleHashWrite();
    window.addEventListener('hashchange', () => {
      const now = location.hash.replace(/^#/, '');
      if (now === this.lastWrittenHash) return;
      this.lastWrittenHash = now;
      this.open(now);
    });
  }

  get link(): string {
    return this.result.link;
  }
  get state(): StateView {
    return this.result.state;
  }
  get mode(): Mode {
    return this.result.state.mode;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // Opens a link from outside (the hash, the automation API, a lesson step): problems become a
  // notice.
  open(link: string, options: ChangeOptions = {}): Problem[] {
    const opened = this.expand(link);
    const result = this.core.parse(opened.link);
    this.notices = [...opened.problems, ...result.problems];
    this.opened++;
    this.set(result, options);
    return this.notices;
  }

  // Takes the result of an edit made through the core. With problems, nothing changes and the
  // problems are returned for the input that caused them.
  commit(result: StateResult, options: ChangeOptions = {}): Problem[] {
    if (result.problems.length === 0) this.set(result, options);
    return result.problems;
  }

  // Sets one value of the link through the codec (an edit: see commit).
  setValue(key: string, value: string, options: ChangeOptions = {}): Problem[] {
    return this.commit(this.core.setValue(this.link, key, value), options);
  }

  // The other mode's link, with the settings of the whole page (language, presentation,
  // embedding) of this one.
  switchMode(mode: Mode): void {
    if (mode === this.mode) return;
    this.links[this.mode] = this.link;
    this.set(this.core.adoptPageSettings(this.links[mode], this.link));
  }

  dismissNotices(): void {
    this.notices = [];
    this.emit();
  }

  private set(result: StateResult, { newEntry = false }: ChangeOptions = {}): void {
    // The place being left keeps its latest state in its own entry (a write may be pending).
    if (newEntry) this.writeHashNow(false);
    this.result = result;
    this.links[result.state.mode] = result.link;
    if (newEntry) this.writeHashNow(true);
    else this.scheduleHashWrite();
    this.emit();
  }

  // Writes the link into the address now: a new history entry (`push`) or the current one.
  private writeHashNow(push: boolean): void {
    if (this.hashTimer !== undefined) {
      window.clearTimeout(this.hashTimer);
      this.hashTimer = undefined;
    }
    // A hash typed since the last write is the user's, opened by its hashchange: keep it.
    if (location.hash.replace(/^#/, '') !== this.lastWrittenHash) return;
    if (!push && this.link === this.lastWrittenHash) return;
    this.lastWrittenHash = this.link;
    if (push) history.pushState(null, '', `#${this.link}`);
    else history.replaceState(null, '', `#${this.link}`);
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private scheduleHashWrite(): void {
    if (this.hashTimer !== undefined) return;
    this.hashTimer = window.setTimeout(() => {
      this.hashTimer = undefined;
      // A hash typed since the last write is the user's: its hashchange (maybe still queued) opens
      // it, and the canonical link is written after that; writing now would overwrite it.
      if (location.hash.replace(/^#/, '') !== this.lastWrittenHash) return;
      if (this.link === this.lastWrittenHash) return;
      this.lastWrittenHash = this.link;
      history.replaceState(null, '', `#${this.link}`);
    }, HASH_WRITE_INTERVAL_MS);
  }

  // The link to share: the current state, written now (not throttled).
  shareUrl(): string {
    // The address without its hash (location.origin is "null" for a file:// page).
    return `${location.href.replace(/#.*$/, '')}#${this.link}`;
  }
}
