// Records a run frame by frame, not in real time: each frame advances the race (or the
// training) by an equal share of the run and draws it, so a long run becomes a smooth short
// clip. The mode pages supply the frames (FrameSource); the encoders come from platform.ts.
import { loadEncoders } from '../platform';

export type RecordFormat = 'webm' | 'gif';

export interface FrameSource {
  width: number; // of the picture, in pixels (even, as video encoders want)
  height: number;
  // Back to the start of the run, paused.
  begin(): Promise<void>;
  // Advances the run to frame `index` of `count` (0 is the start, count − 1 the run's end)
  // and draws that moment into `g`.
  draw(index: number, count: number, g: CanvasRenderingContext2D): Promise<void>;
  // After the last frame (or a cancel): the page shows where the run now stands.
  end?(): void;
}

export interface RecordOptions {
  format: RecordFormat;
  frames: number;
  signal?: AbortSignal;
  onProgress?: (done: number) => void; // 0 … 1
}

export const VIDEO_FPS = 30;
export const GIF_FPS = 20;
export const MIN_FRAMES = 2;
export const MAX_FRAMES = 1800;

export class RecordCancelled extends Error {}

// The page paints (the progress bar) and handles input (Cancel) between frames.
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function record(source: FrameSource, options: RecordOptions): Promise<Blob> {
  const frames = Math.round(options.frames);
  if (!(frames >= MIN_FRAMES && frames <= MAX_FRAMES))
    throw new RangeError(`frames must be a whole number ${MIN_FRAMES} … ${MAX_FRAMES}`);
  if (options.format !== 'webm' && options.format !== 'gif') throw new RangeError("format must be 'webm' or 'gif'");
  const canvas = document.createElement('canvas');
  canvas.width = source.width;
  canvas.height = source.height;
  const g = canvas.getContext('2d')!;
  const encoders = await loadEncoders();
  const writer =
    options.format === 'webm' ? await encoders.webmWriter(canvas, VIDEO_FPS) : encoders.gifWriter(canvas, GIF_FPS);
  await source.begin();
  try {
    for (let frame = 0; frame < frames; ++frame) {
      if (options.signal?.aborted) {
        await writer.cancel();
        throw new RecordCancelled('the recording was cancelled');
      }
      await source.draw(frame, frames, g);
      await writer.add(frame);
      options.onProgress?.((frame + 1) / frames);
      await nextTask();
    }
  } finally {
    source.end?.();
  }
  return writer.finish();
}

// Where frame `index` of `count` stands in a run of `total` updates or epochs.
export function frameTarget(index: number, count: number, total: number): number {
  return Math.round((total * index) / (count - 1));
}

// The strip under the picture: what moment this is, and each racer in its colour.
export const CAPTION_HEIGHT = 34;

export function drawCaption(
  g: CanvasRenderingContext2D,
  top: number,
  width: number,
  moment: string,
  racers: { color: string; label: string }[],
): void {
  g.fillStyle = '#1d1b2c';
  g.fillRect(0, top, width, CAPTION_HEIGHT);
  g.font = '600 15px system-ui, sans-serif';
  g.textBaseline = 'middle';
  const middle = top + CAPTION_HEIGHT / 2;
  g.fillStyle = '#ffffff';
  g.fillText(moment, 10, middle);
  let x = 10 + g.measureText(moment).width + 18;
  g.font = '13px system-ui, sans-serif';
  for (const racer of racers) {
    if (x > width - 40) break;
    g.fillStyle = racer.color;
    g.beginPath();
    g.arc(x + 5, middle, 5, 0, 2 * Math.PI);
    g.fill();
    g.fillStyle = '#e8e6f2';
    g.fillText(racer.label, x + 14, middle);
    x += 14 + g.measureText(racer.label).width + 16;
  }
}

// Video frames need even sizes.
export function even(pixels: number): number {
  return Math.max(2, 2 * Math.round(pixels / 2));
}
