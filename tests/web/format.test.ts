// Numbers for people (web/components/format.ts): significant digits, exponent form at the ends,
// no trailing zeros. Expected strings written from the rule, digit by digit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatNumber, formatPercent, parseLinkNumber } from '../../web/components/format';

test('formatNumber: four significant digits in the middle range, without trailing zeros', () => {
  assert.equal(formatNumber(1234.5678), '1235');
  assert.equal(formatNumber(0.0123456), '0.01235');
  assert.equal(formatNumber(-0.5), '-0.5');
  assert.equal(formatNumber(2.5, 6), '2.5');
});

test('formatNumber: exponent form below 1e-3 and from 1e5, with a plain exponent', () => {
  assert.equal(formatNumber(1e-4), '1e-4');
  assert.equal(formatNumber(2.5e-7), '2.5e-7');
  assert.equal(formatNumber(0.00012346), '1.235e-4');
  assert.equal(formatNumber(123456), '1.235e5');
  assert.equal(formatNumber(-3e10, 2), '-3e10');
});

test('formatNumber: zero, and what is not a finite number', () => {
  assert.equal(formatNumber(0), '0');
  assert.equal(formatNumber(-0), '0');
  assert.equal(formatNumber(Number.NaN), 'NaN');
  assert.equal(formatNumber(Number.POSITIVE_INFINITY), 'Infinity');
});

test('formatPercent: one decimal, and a dash for what is not a number', () => {
  assert.equal(formatPercent(0.336), '33.6%');
  assert.equal(formatPercent(1), '100.0%');
  assert.equal(formatPercent(0), '0.0%');
  assert.equal(formatPercent(Number.NaN), '–');
});

test('parseLinkNumber: decimal and exponent forms, as the link grammar reads them', () => {
  assert.equal(parseLinkNumber('2'), 2);
  assert.equal(parseLinkNumber(' 1.5 '), 1.5);
  assert.equal(parseLinkNumber('.5'), 0.5);
  assert.equal(parseLinkNumber('5.'), 5);
  assert.equal(parseLinkNumber('-1e-3'), -0.001);
  assert.equal(parseLinkNumber('+2E2'), 200);
  assert.equal(parseLinkNumber('1e9'), 1e9);
});

test('parseLinkNumber: no hex, Infinity, NaN, commas, empty text or stray characters', () => {
  for (const text of [
    '0x10',
    'Infinity',
    '-Infinity',
    'NaN',
    '1,5',
    '',
    ' ',
    'abc',
    '1e',
    'e5',
    '.',
    '1..2',
    '2s',
    '0b1',
  ])
    assert.equal(parseLinkNumber(text), null, JSON.stringify(text));
  assert.equal(parseLinkNumber('1'.repeat(65)), null, 'over 64 characters');
});
