// English plurals in the page's words (web/i18n.ts): "{n} {n|one|other}" says "1 problem" and
// "2 problems"; a count of 1 never reads "1 are" or "1 eigenvalues". Expected strings are the
// English a reader expects, written by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { messages, translate } from '../../web/i18n';

test('the notice counts its problems: 1 problem, 2 problems', () => {
  assert.equal(translate('en', 'notice.count', { count: 1 }), '(1 problem)');
  assert.equal(translate('en', 'notice.count', { count: 2 }), '(2 problems)');
  assert.equal(translate('en', 'notice.count', { count: 0 }), '(0 problems)');
  assert.equal(translate('zh', 'notice.count', { count: 1 }), '（共 1 项）');
});

test('the Critical point panel: one flat eigenvalue is flat; one negative eigenvalue is negative', () => {
  const degenerate = translate('en', 'classify.critical.explain.degenerate', { flat: 1 });
  assert.match(degenerate, /^The gradient is 0 and no eigenvalue is negative, but 1 is flat: /);
  assert.match(translate('en', 'classify.critical.explain.degenerate', { flat: 4 }), /but 4 are flat: /);
  assert.match(
    translate('en', 'classify.critical.explain.saddle', { negative: 1 }),
    /^The gradient is 0, yet 1 eigenvalue is negative: a saddle point\. Along its eigenvector the loss/,
  );
  assert.match(
    translate('en', 'classify.critical.explain.saddle', { negative: 3 }),
    /yet 3 eigenvalues are negative: a saddle point\. Along their eigenvectors/,
  );
  assert.match(
    translate('en', 'classify.critical.explain.not-critical', { negative: 1 }),
    /1 negative eigenvalue: a direction in which the loss bends down\.$/,
  );
  assert.match(translate('en', 'question.analysis', { negative: 1 }), /, 1 negative eigenvalue, /);
  assert.match(translate('en', 'question.experiment', { runs: 1 }), /^1 run: /);
  assert.equal(translate('en', 'classify.csv.loaded', { count: 1, file: 'a.csv' }), '1 point loaded from a.csv.');
});

test('a plural form is English only: no Chinese text holds one, and every form names a placeholder the English has', () => {
  for (const [key, zh] of Object.entries(messages.zh)) assert.doesNotMatch(zh, /\{\w+\|/, key);
  for (const [key, en] of Object.entries(messages.en))
    for (const [, name] of en.matchAll(/\{(\w+)\|[^|{}]*\|[^|{}]*\}/g))
      assert.ok(en.includes(`{${name}}`), `${key}: the form of {${name}} without its number`);
});
