import { describe, expect, it } from 'vitest';
import { warmupRequests } from './font-warmup';

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
