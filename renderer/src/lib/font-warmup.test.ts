import { describe, expect, it } from 'vitest';
import { distinctChars, warmupRequests } from './font-warmup';

describe('distinctChars', () => {
  it('keeps each character once, in first-seen order, without whitespace', () => {
    expect(distinctChars(['米国の 半導体', '半導体\n産業　米国'])).toBe('米国の半導体産業');
  });

  it('keeps characters outside the BMP whole', () => {
    expect(distinctChars(['𠮷野家𠮷'])).toBe('𠮷野家');
  });
});

describe('warmupRequests', () => {
  it('asks for the body face in both weights', () => {
    expect(warmupRequests('serif', { regular: '米国', bold: '第' })).toEqual([
      { font: '400 16px "Noto Serif JP"', text: '米国' },
      { font: '700 16px "Noto Serif JP"', text: '第' },
    ]);
    expect(warmupRequests('sans', { regular: '米', bold: '' })).toEqual([
      { font: '400 16px "Noto Sans JP"', text: '米' },
    ]);
  });
});
