// The network diagram's geometry and the parameter layout (web/classify/networkLayout.ts), and
// what the pointer is over (web/classify/networkHit.ts). Positions worked from the layout rule.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { distanceToCurve, nearestLink, nodeAt } from '../../web/classify/networkHit';
import {
  biasIndex,
  featureNode,
  layoutNetwork,
  linkCurve,
  type WeightLayer,
  weightIndex,
} from '../../web/classify/networkLayout';

const close = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) < 1e-9, `${what}: ${a} ≠ ${b}`);

test('layout: columns spread evenly from the label margin to the right edge', () => {
  const layout = layoutNetwork(560, 380, [7, 4, 2, 2]);
  assert.equal(layout.columns.length, 4);
  // The largest column (7 nodes) in 380 − 16 px: 364 / (7 · 1.32) = 39.4 > 34, so nodes are 34 px.
  const size = layout.columns[1].nodes[0].size;
  assert.equal(size, 34);
  // First centre: 64 px of labels + half a node; last: 16 px from the edge.
  close(layout.columns[0].centreX, 64 + 17, 'first column');
  close(layout.columns[3].centreX, 560 - 16 - 17, 'last column');
  close(layout.columns[2].centreX - layout.columns[1].centreX, (560 - 64 - 34 - 16) / 3, 'spacing');
});

test('layout: every column is centred on the usable height, its nodes evenly spaced', () => {
  const layout = layoutNetwork(560, 380, [7, 4, 2, 2]);
  const middle = 8 + (380 - 16) / 2;
  for (const column of layout.columns) {
    const nodes = column.nodes;
    const top = nodes[0].y;
    const bottom = nodes[nodes.length - 1].y + nodes[nodes.length - 1].size;
    close((top + bottom) / 2, middle, 'column centre');
    for (let i = 1; i < nodes.length; ++i) close(nodes[i].y - nodes[i - 1].y, nodes[0].size * 1.32, 'step');
    for (const node of nodes) assert.ok(node.y >= 8 && node.y + node.size <= 380 - 8);
  }
});

test('layout: many neurons shrink the nodes, never below 9 px', () => {
  const layout = layoutNetwork(560, 380, [7, 32, 2]);
  // 364 / (32 · 1.32) = 8.6 < 9: the floor.
  assert.equal(layout.columns[1].nodes[0].size, 9);
  const mid = layoutNetwork(560, 380, [7, 12, 2]);
  close(mid.columns[1].nodes[0].size, 364 / (12 * 1.32), 'size between the bounds');
});

test('parameter layout: row-major weights, then biases, at the offsets the core gives', () => {
  // A 2 → 3 → 1 network: W1 (3×2) at 0, b1 at 6, W2 (1×3) at 9, b2 at 12.
  const layout: WeightLayer[] = [
    { weights: 0, biases: 6, rows: 3, columns: 2 },
    { weights: 9, biases: 12, rows: 1, columns: 3 },
  ];
  assert.equal(weightIndex(layout, 1, 0, 0), 0);
  assert.equal(weightIndex(layout, 1, 1, 0), 1); // from input 1 into neuron 0
  assert.equal(weightIndex(layout, 1, 0, 2), 4); // row 2 starts at 2·2
  assert.equal(weightIndex(layout, 2, 2, 0), 11);
  assert.equal(biasIndex(layout, 1, 2), 8);
  assert.equal(biasIndex(layout, 2, 0), 12);
});

test('featureNode: an input is drawn at its feature among all features', () => {
  const all = ['x', 'y', 'x2', 'y2', 'xy', 'sinx', 'siny'];
  assert.equal(featureNode(['x2', 'sinx'], 0, all), 2);
  assert.equal(featureNode(['x2', 'sinx'], 1, all), 5);
});

test('hit testing: a node under the pointer, a link within 5 px, nothing elsewhere', () => {
  const layout = layoutNetwork(400, 200, [2, 1]);
  const [a, b] = layout.columns[0].nodes;
  const [out] = layout.columns[1].nodes;
  assert.deepEqual(nodeAt(layout, a.x + 1, a.y + 1), { column: 0, index: 0 });
  assert.deepEqual(nodeAt(layout, b.x + b.size, b.y + b.size), { column: 0, index: 1 });
  assert.equal(nodeAt(layout, a.x - 1, a.y), null);
  // The link from b to the output passes through the midpoint of its ends (the curve is
  // symmetric about it).
  const curve = linkCurve(b, out);
  const mx = (curve.x0 + curve.x1) / 2;
  const my = (curve.y0 + curve.y1) / 2;
  assert.ok(distanceToCurve(curve, mx, my) < 0.5);
  const setup = { layerSizes: [2, 1], features: ['x', 'y'] };
  assert.deepEqual(nearestLink(layout, setup, ['x', 'y'], mx, my), { kind: 'link', layer: 1, from: 1, to: 0 });
  assert.equal(nearestLink(layout, setup, ['x', 'y'], mx, my - 40), null);
  assert.equal(nearestLink(layout, null, ['x', 'y'], mx, my), null);
});

test('hit testing: the distance to a straight link is the distance to the line', () => {
  const curve = { x0: 0, y0: 10, x1: 100, y1: 10 };
  close(distanceToCurve(curve, 50, 13), 3, 'above the middle');
  close(distanceToCurve(curve, -4, 10), 4, 'before the start');
});
