// The recording's caption on the classification page (web/classify/recordFrames.ts): each
// racer's number says which it is, in the page's language. Expected strings written by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { racerResult } from '../../web/classify/recordFrames';
import { translate } from '../../web/i18n';

const en = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('en', key, vars);
const zh = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('zh', key, vars);
const racer = {
  state: 'running' as const,
  statusText: { en: 'running', zh: '运行中' },
  testLoss: 0.01234,
  testAcc: 0.8,
};

test('a classifier’s caption names its test accuracy, a regression’s its test loss', () => {
  assert.equal(racerResult(racer, false, 'en', en), 'test accuracy 80.0%');
  assert.equal(racerResult(racer, true, 'en', en), 'test loss 0.0123');
  assert.equal(racerResult(racer, false, 'zh', zh), '测试准确率 80.0%');
  assert.equal(racerResult(racer, true, 'zh', zh), '测试损失 0.0123');
});

test('a diverged racer’s caption is its status, not its last numbers', () => {
  const diverged = {
    ...racer,
    state: 'diverged' as const,
    statusText: { en: 'diverged at epoch 3', zh: '在第 3 个回合发散' },
  };
  assert.equal(racerResult(diverged, false, 'en', en), 'diverged at epoch 3');
  assert.equal(racerResult(diverged, false, 'zh', zh), '在第 3 个回合发散');
});
