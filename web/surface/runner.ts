// Runs the surface-mode link: owns the core's SurfaceSession, follows every change of the
// link with the least disruption (the core decides: new surface rebuilds, new start restarts,
// new settings continue), and advances the racers once per animation frame while playing.
//
// Two kinds of listeners: `onFrame` hears every change of the racers' positions (each frame
// while playing; drawing code subscribes here and stays out of Preact), `onControl` hears
// play/pause and anything that restarts or rebuilds the race (the page re-renders then).
import type { Core, RacerFrame, SurfaceSessionHandle } from '../core';
import type { LinkStore } from '../store';

type Listener = () => void;

export class SurfaceRunner {
  readonly session: SurfaceSessionHandle;
  playing = false;
  // Bumps whenever trajectories may have been rebuilt, shortened or re-indexed (a new link
  // applied, a restart): cached drawings of the paths must start over.
  generation = 0;
  private frameListeners = new Set<Listener>();
  private controlListeners = new Set<Listener>();
  private frame = 0;
  private appliedLink: string;
  private appliedOpen: number;
  private unsubscribe: () => void;

  constructor(
    core: Core,
    private store: LinkStore,
  ) {
    this.appliedLink = store.link;
    this.appliedOpen = store.opened;
    this.session = new core.module.SurfaceSession(store.link);
    // Applied synchronously, so window.playground.setState(s) then step(n) runs on s.
    this.unsubscribe = store.subscribe(() => this.follow());
  }

  dispose(): void {
    this.pause();
    this.unsubscribe();
    this.session.delete();
  }

  onFrame(listener: Listener): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  onControl(listener: Listener): () => void {
    this.controlListeners.add(listener);
    return () => this.controlListeners.delete(listener);
  }

  private emitFrame(): void {
    for (const listener of [...this.frameListeners]) listener();
  }

  private emitControl(): void {
    for (const listener of [...this.controlListeners]) listener();
  }

  // A change of the racers themselves (new link, restart): redraw everything.
  private changed(): void {
    this.generation++;
    this.emitControl();
    this.emitFrame();
  }

  // An edit continues the run (the core keeps what it can); an opened link starts afresh, so that
  // it reproduces exactly what `playground run` gives for it.
  private follow(): void {
    const opened = this.store.opened !== this.appliedOpen;
    if (this.store.mode !== 'surface' || (this.store.link === this.appliedLink && !opened)) return;
    this.appliedLink = this.store.link;
    this.appliedOpen = this.store.opened;
    this.session.apply(this.store.link);
    if (opened) this.session.restart();
    this.changed();
  }

  racers(): RacerFrame[] {
    const frames: RacerFrame[] = [];
    for (let i = 0; i < this.session.racerCount(); ++i) frames.push(this.session.racer(i));
    return frames;
  }

  get stepLimit(): number {
    return this.store.state.surface?.steps ?? 0;
  }

  // n updates of every racer (bounded by the step limit), then one redraw.
  step(n: number): void {
    this.session.advance(n);
    this.emitFrame();
    this.emitControl();
  }

  play(): void {
    if (this.playing) return;
    if (this.session.finished()) this.restart();
    this.playing = true;
    const tick = () => {
      if (!this.playing) return;
      this.session.advance(this.store.state.surface?.speed ?? 1);
      this.emitFrame();
      if (this.session.finished()) this.pause();
      else this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
    this.emitControl();
  }

  pause(): void {
    const was = this.playing;
    this.playing = false;
    cancelAnimationFrame(this.frame);
    if (was) this.emitControl();
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  // Back to step 0 from the start (same settings).
  restart(): void {
    this.session.restart();
    this.changed();
  }

  removeRacer(index: number): void {
    this.session.removeRacer(index);
    this.generation++;
  }
}
