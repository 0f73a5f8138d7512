// Numbers a pointer writes into a link: rounded to what a pixel can express, so links stay
// short (web/surface/mapGeometry.ts), and drawn points to two decimals (web/classify/drawing.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pointsText, roundCoordinate, withPoint } from '../../web/classify/drawing';
import { MAP_MARGIN, MapFrame, roundForLink } from '../../web/surface/mapGeometry';

test('roundForLink: to the power of ten just below a 5000th of the view', () => {
  // extent 4: 4/5000 = 8e-4, so steps of 1e-4.
  assert.equal(roundForLink(1.23456789, 4), 1.2346);
  // extent 100: 0.02, so steps of 0.01.
  assert.equal(roundForLink(-188.43319665732668, 100), -188.43);
  // extent 1e6: 200, so steps of 100.
  assert.equal(roundForLink(123456.7, 1e6), 123500);
  // The result is a short decimal, not 1.2346000000000001.
  assert.equal(String(roundForLink(0.3 + 0.6, 1)), '0.9');
});

test('a click rounds to less than a tenth of a pixel', () => {
  const frame = new MapFrame([-2, 2, -1, 3], 600, 500);
  for (const px of [MAP_MARGIN.left + 0.5, 123.4, 377.7, 600 - MAP_MARGIN.right - 1]) {
    const x = frame.x(px);
    const rounded = roundForLink(x, 4);
    assert.ok(Math.abs(frame.rawPx(rounded) - px) < 0.1, `pixel ${px}: ${x} → ${rounded}`);
  }
});

test('drawn points: two decimals, written as x,y,class;...', () => {
  assert.equal(roundCoordinate(1.23456), 1.23);
  assert.equal(roundCoordinate(-0.005001), -0.01);
  const points = withPoint(withPoint([], 1.234, -5.678, 0), 0.5, 0.25, 2);
  assert.deepEqual(points, [
    [1.23, -5.68, 0],
    [0.5, 0.25, 2],
  ]);
  assert.equal(pointsText(points), '1.23,-5.68,0;0.5,0.25,2');
});
