// The lessons' sub- and superscripts (web/lessons/MathText.tsx): what is marked becomes <sub> or
// <sup> with the marked text inside, everything else stays as written. Expected parts by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { VNode } from 'preact';
import { mathText } from '../../web/lessons/MathText';

// The parts as text, with each <sub>/<sup> written as _[…] / ^[…].
function shown(text: string): string {
  return mathText(text)
    .map((part) => {
      if (typeof part === 'string') return part;
      const node = part as VNode<{ children: string }>;
      return `${node.type === 'sub' ? '_' : '^'}[${node.props.children}]`;
    })
    .join('');
}

test('braces, one letter at a word’s end, max and min are subscripts', () => {
  assert.equal(shown('θ_{t+1} = θ_t − (η_t/σ_t)·m_t'), 'θ_[t+1] = θ_[t] − (η_[t]/σ_[t])·m_[t]');
  assert.equal(shown('m_{t−1} and σ²_{t−1}'), 'm_[t−1] and σ²_[t−1]');
  assert.equal(shown('y′_i = exp(y_i)/Σ_j exp(y_j)'), 'y′_[i] = exp(y_[i])/Σ_[j] exp(y_[j])');
  assert.equal(shown('λ_max·η_t and η_min.'), 'λ_[max]·η_[t] and η_[min].');
});

test('a signed number or braces after ^ are superscripts; a plain ^ letter is not', () => {
  assert.equal(shown('d_model^−0.5·min(t^−0.5, t·warmup^−1.5)'), 'd_model^[−0.5]·min(t^[−0.5], t·warmup^[−1.5])');
  assert.equal(shown('e^{x}'), 'e^[x]');
  assert.equal(shown('y^x'), 'y^x');
});

test('names with underscores stay as they are', () => {
  for (const text of ['d_model', 'reg_rate', 'weight_decay', 'step_size', 'no marks at all', ''])
    assert.equal(shown(text), text);
});
