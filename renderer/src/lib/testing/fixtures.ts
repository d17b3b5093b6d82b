// Small, realistic values of the contract's types for the renderer's unit tests (section
// ids and wording as in the bundled chapter), each overridable field by field.
import type { SearchResultItem } from '../../../../electron/common/api/types';

export function textResult(over: Partial<SearchResultItem> = {}): SearchResultItem {
  return {
    kind: 'text',
    sectionId: 'us-1',
    title: '米国経済の動向',
    path: ['第1節 米国', '米国経済の動向'],
    paragraphId: 'us-1-p1',
    snippet: '半導体の国内生産を支援する',
    highlights: [[0, 3]],
    hits: 2,
    score: 1,
    ranges: [
      { paragraphId: 'us-1-p1', start: 0, end: 3 },
      { paragraphId: 'us-1-p2', start: 10, end: 13 },
    ],
    ...over,
  };
}

export function noteResult(over: Partial<SearchResultItem> = {}): SearchResultItem {
  return textResult({
    kind: 'note',
    snippet: '半導体の補助金を確認',
    highlights: [[0, 3]],
    hits: 1,
    score: 0.5,
    ranges: [],
    annotationId: 'a-1',
    ...over,
  });
}
