// The picture of the output map: the selected racer's decision over [-6, 6]² (the core's grid,
// smoothly upscaled), the training points (white rim) and, when shown, the test points (dark
// rim). Drawn by the output panel and by the recorder.
import { paintDecision, pointColour } from './colors';
import { DECISION_GRID_SIZE, type FrameMessage, type SetupMessage } from './protocol';

export const HALF_WIDTH = 6;

export class DecisionPicture {
  private grid = document.createElement('canvas');
  private gridContext: CanvasRenderingContext2D;
  private image: ImageData;
  private paintedFrame: FrameMessage | null = null;

  constructor(private discrete: boolean) {
    this.grid.width = DECISION_GRID_SIZE;
    this.grid.height = DECISION_GRID_SIZE;
    this.gridContext = this.grid.getContext('2d')!;
    this.image = this.gridContext.createImageData(DECISION_GRID_SIZE, DECISION_GRID_SIZE);
  }

  // Draws into the square [0, size]² of `g`; true when a new decision grid was painted.
  draw(
    g: CanvasRenderingContext2D,
    size: number,
    setup: SetupMessage | null,
    frame: FrameMessage | null,
    testPoints: boolean,
  ): boolean {
    let painted = false;
    if (setup && frame) {
      if (this.paintedFrame !== frame) {
        paintDecision(frame.grid, setup.classes, setup.regression, this.discrete, this.image.data);
        this.gridContext.putImageData(this.image, 0, 0);
        this.paintedFrame = frame;
        painted = true;
      }
      g.imageSmoothingEnabled = true;
      g.imageSmoothingQuality = 'high';
      g.drawImage(this.grid, 0, 0, size, size);
    } else {
      g.fillStyle = '#e8eaeb';
      g.fillRect(0, 0, size, size);
    }
    if (!setup) return painted;
    // Small (hand-drawn) sets get bigger dots.
    const radius = Math.max(2.5, size / (setup.train.length + setup.test.length > 300 ? 110 : 75));
    const dot = (points: Float64Array, rim: string) => {
      g.lineWidth = Math.max(1, radius / 3);
      g.strokeStyle = rim;
      for (let at = 0; at + 2 < points.length; at += 3) {
        const px = ((points[at] + HALF_WIDTH) / (2 * HALF_WIDTH)) * size;
        const py = ((HALF_WIDTH - points[at + 1]) / (2 * HALF_WIDTH)) * size;
        g.fillStyle = pointColour(points[at + 2], setup.regression);
        g.beginPath();
        g.arc(px, py, radius, 0, 2 * Math.PI);
        g.fill();
        g.stroke();
      }
    };
    dot(setup.train, '#ffffff');
    if (testPoints) dot(setup.test, '#1d1b2c');
    return painted;
  }
}
