// The recorder's encoders, loaded on first use (platform.ts): WebM through WebCodecs'
// VideoEncoder (VP9 where the browser encodes it, else VP8), muxed by mediabunny; animated GIF
// by gifenc, each frame with its own 256-colour palette.
import { applyPalette, GIFEncoder, type Palette, quantize } from 'gifenc';
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

// One palette for the whole clip, from the first frame (the map, the racers at the start, the
// caption); later frames store only the pixels that changed, the rest transparent over the
// frame before. A race mostly adds paths to a still map, so this keeps a GIF small.
export function gifWriter(canvas: HTMLCanvasElement, fps: number): FrameWriter {
  const scale = Math.min(1, GIF_MAX_WIDTH / canvas.width);
  const small = document.createElement('canvas');
  small.width = Math.round(canvas.width * scale);
  small.height = Math.round(canvas.height * scale);
  const g = small.getContext('2d', { willReadFrequently: true })!;
  g.imageSmoothingQuality = 'high';
  const gif = GIFEncoder();
  let palette: Palette | null = null;
  let previous: Uint8Array | null = null;
  const transparent = 255; // the palette's last entry, never a colour of the picture
  return {
    add: async () => {
      g.drawImage(canvas, 0, 0, small.width, small.height);
      const { data } = g.getImageData(0, 0, small.width, small.height);
      const first = palette === null;
      if (!palette) {
        palette = quantize(data, transparent);
        while (palette.length <= transparent) palette.push([0, 0, 0]);
      }
      const index = applyPalette(data, palette.slice(0, transparent));
      let pixels = index;
      if (previous) {
        pixels = new Uint8Array(index.length);
        for (let i = 0; i < index.length; ++i) pixels[i] = index[i] === previous[i] ? transparent : index[i];
      }
      previous = index;
      gif.writeFrame(pixels, small.width, small.height, {
        palette: first ? palette : undefined,
        delay: 1000 / fps,
        transparent: !first,
        transparentIndex: transparent,
        dispose: 1,
      });
    },
    finish: async () => {
      gif.finish();
      return new Blob([gif.bytes()], { type: 'image/gif' });
    },
    cancel: async () => {},
  };
}
