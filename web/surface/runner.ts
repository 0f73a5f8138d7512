// Runs the surface-mode link: owns the core's SurfaceSession, follows every change of the
// link with the least disruption (the core decides: new surface rebuilds, new start restarts,
// new settings continue), and advances the racers once per animation frame while playing.
import type { Core, RacerFrame, SurfaceSessionHandle } from '../core';
import type { LinkStore } from '../store';

type Listener = () => void;

export class SurfaceRunner {
  readonly session: SurfaceSessionHandle;
  playing = false;
  private listeners = new Set<Listener>();
  private frame = 0;
  private appliedLink: string;
  private unsubscribe: () => void;

  constructor(core: Core, private store: LinkStore) {
    this.appliedLink = store.link;
    this.session = new core.module.SurfaceSession(store.link);
    // Applied synchronously, so window.playground.setState(s) then step(n) runs on s.
    this.unsubscribe = store.subscribe(() => this.follow());
  }

  dispose(): void {
    this.pause();
    this.unsubscribe();
    this.session.delete();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private follow(): void {
    if (this.store.mode !== 'surface' || this.store.link === this.appliedLink) return;
    this.appliedLink = this.store.link;
    this.session.apply(this.store.link);
    this.emit();
  }

  racers(): RacerFrame[] {
    const frames: RacerFrame[] = [];
    for (let i = 0; i < this.session.racerCount(); ++i) frames.push(this.session.racer(i));
    return frames;
  }

  // n updates of every racer (bounded by the step limit), then one redraw.
  step(n: number): void {
    this.session.advance(n);
    this.emit();
  }

  play(): void {
    if (this.playing) return;
    if (this.session.finished()) this.restart();
    this.playing = true;
    const tick = () => {
      if (!this.playing) return;
      this.session.advance(this.store.state.surface?.speed ?? 1);
      if (this.session.finished()) this.playing = false;
      this.emit();
      if (this.playing) this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
    this.emit();
  }

  pause(): void {
    this.playing = false;
    cancelAnimationFrame(this.frame);
    this.emit();
  }

  // Back to step 0 from the start (same settings).
  restart(): void {
    this.session.restart();
    this.emit();
  }
}
