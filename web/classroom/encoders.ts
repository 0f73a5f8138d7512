// The recorder's encoders, loaded on first use (platform.ts): WebM through WebCodecs'
// VideoEncoder (VP9 where the browser encodes it, else VP8), muxed by mediabunny; animated GIF
// by gifenc, each frame with its own 256-colour palette.
import { applyPalette, GIFEncoder, quantize } from 'gifenc';
import { BufferTarget, CanvasSource, canEncodeVideo, Output, QUALITY_HIGH, WebMOutputFormat } from 'mediabunny';

// Takes the recording canvas once per frame, then gives the file.
export interface FrameWriter {
  add(frame: number): Promise<void>;
  finish(): Promise<Blob>;
  cancel(): Promise<void>;
}

export class EncoderMissing extends Error {}

export async function webmWriter(canvas: HTMLCanvasElement, fps: number): Promise<FrameWriter> {
  if (typeof VideoEncoder === 'undefined') throw new EncoderMissing('WebCodecs VideoEncoder is not available here');
  const size = { width: canvas.width, height: canvas.height };
  const codec = (await canEncodeVideo('vp9', size)) ? 'vp9' : (await canEncodeVideo('vp8', size)) ? 'vp8' : null;
  if (!codec) throw new EncoderMissing('this browser encodes neither VP9 nor VP8');
  const target = new BufferTarget();
  const output = new Output({ format: new WebMOutputFormat(), target });
  const source = new CanvasSource(canvas, { codec, bitrate: QUALITY_HIGH });
  output.addVideoTrack(source, { frameRate: fps });
  await output.start();
  return {
    add: (frame) => source.add(frame / fps, 1 / fps),
    finish: async () => {
      await output.finalize();
      return new Blob([target.buffer!], { type: 'video/webm' });
    },
    cancel: () => output.cancel(),
  };
}

// GIFs are drawn at most this wide (a slide-sized picture; larger ones get heavy quickly).
const GIF_MAX_WIDTH = 480;

export function gifWriter(canvas: HTMLCanvasElement, fps: number): FrameWriter {
  const scale = Math.min(1, GIF_MAX_WIDTH / canvas.width);
  const small = document.createElement('canvas');
  small.width = Math.round(canvas.width * scale);
  small.height = Math.round(canvas.height * scale);
  const g = small.getContext('2d', { willReadFrequently: true })!;
  g.imageSmoothingQuality = 'high';
  const gif = GIFEncoder();
  return {
    add: async () => {
      g.drawImage(canvas, 0, 0, small.width, small.height);
      const { data } = g.getImageData(0, 0, small.width, small.height);
      const palette = quantize(data, 256);
      gif.writeFrame(applyPalette(data, palette), small.width, small.height, { palette, delay: 1000 / fps });
    },
    finish: async () => {
      gif.finish();
      return new Blob([gif.bytes()], { type: 'image/gif' });
    },
    cancel: async () => {},
  };
}
