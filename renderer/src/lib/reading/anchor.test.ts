import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { sectionView } from '../testing/fixtures';
import { placeAt, placeFraction } from './anchor';

// Paragraphs of 13, 21 and 19 characters.
const section = sectionView();

describe('the reader’s place as text', () => {
  it('is a share of the section’s text', () => {
    expect(placeFraction(section, { sectionId: 'us-1', paragraphId: null, offset: 0 })).toBe(0);
    expect(placeFraction(section, { sectionId: 'us-1', paragraphId: 'us-1-p2', offset: 0 })).toBe(
      13 / 53,
    );
    expect(placeFraction(section, { sectionId: 'us-1', paragraphId: 'gone', offset: 4 })).toBe(0);
  });

  it('finds the character at a share of the text', () => {
    expect(placeAt(section, 0)).toEqual({ sectionId: 'us-1', paragraphId: null, offset: 0 });
    expect(placeAt(section, 13 / 53)).toEqual({
      sectionId: 'us-1',
      paragraphId: 'us-1-p2',
      offset: 0,
    });
    expect(placeAt(section, 1)).toEqual({ sectionId: 'us-1', paragraphId: 'us-1-p3', offset: 19 });
    expect(placeAt(sectionView({ paragraphs: [] }), 0.5).paragraphId).toBeNull();
  });

  test.prop([fc.integer({ min: 1, max: 52 })])(
    'goes round the trip to the same character',
    (at) => {
      const place = placeAt(section, at / 53);
      expect(Math.round(placeFraction(section, place) * 53)).toBe(at);
    },
  );
});
