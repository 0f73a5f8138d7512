// A canvas drawn at the screen's pixel density: its backing store sized to its box, the context
// scaled so that drawing is in CSS pixels, and cleared. Returns the context and the box's size.
// `size`, where the caller knows it (from a ResizeObserver), spares reading the canvas's client
// size, which forces a layout of the page when styles have changed.
export function crispCanvas(
  canvas: HTMLCanvasElement,
  size?: { width: number; height: number },
): { g: CanvasRenderingContext2D; width: number; height: number } {
  const ratio = window.devicePixelRatio || 1;
  const width = size?.width ?? canvas.clientWidth;
  const height = size?.height ?? canvas.clientHeight;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const g = canvas.getContext('2d')!;
  g.setTransform(ratio, 0, 0, ratio, 0, 0);
  g.clearRect(0, 0, width, height);
  return { g, width, height };
}
