// Small, realistic values of the contract's types for the renderer's unit tests (section
// ids and wording as in the bundled chapter), each overridable field by field.
import type {
  Annotation,
  SearchResponse,
  SearchResultItem,
  SectionView,
  TocEntry,
} from '../../../../electron/common/api/types';
import type { ScrollBox } from '../text/scroll';

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

/** The core's answer to `search` holding `results` (text rows' hits as the document's hits). */
export function searchResponse(
  results: SearchResultItem[],
  over: Partial<SearchResponse> = {},
): SearchResponse {
  const text = results.filter((r) => r.kind === 'text');
  const hits = text.flatMap((r) => r.ranges.map((h) => ({ sectionId: r.sectionId, ...h })));
  return {
    query: '',
    order: 'relevance',
    terms: [],
    results,
    hits,
    totalHits: hits.length,
    totalSections: text.length,
    truncated: false,
    ...over,
  };
}

export function tocEntry(over: Partial<TocEntry> & Pick<TocEntry, 'id'>): TocEntry {
  return { level: 2, title: over.id, editorial: false, parent: null, kind: 'part', ...over };
}

/** A section of three paragraphs under the chapter 'us' (ids us-1-p1 … us-1-p3). */
export function sectionView(over: Partial<SectionView> = {}): SectionView {
  return {
    id: 'us-1',
    level: 2,
    title: '1．米国経済の動向',
    editorial: false,
    kind: 'part',
    path: ['第1節 米国', '1．米国経済の動向'],
    paragraphs: [
      { id: 'us-1-p1', text: '米国経済は堅調に推移した。' },
      { id: 'us-1-p2', text: '半導体の国内生産を支援する法律が成立した。' },
      { id: 'us-1-p3', text: '　インフレ抑制法は気候変動対策を含む。' },
    ],
    children: [],
    prev: 'us',
    next: 'us-2',
    ...over,
  };
}

/** A green highlight over us-1-p1[2, 7) (anchored), with no note. */
export function highlight(over: Partial<Annotation> = {}): Annotation {
  return {
    id: 'a-1',
    kind: 'highlight',
    sectionId: 'us-1',
    groupId: null,
    color: 'green',
    note: '',
    tags: [],
    target: {
      paragraphIds: ['us-1-p1'],
      quote: { exact: '経済は堅調', prefix: '米国', suffix: 'に推移' },
      position: { start: 2, end: 7 },
      startParagraphId: 'us-1-p1',
      startOffset: 2,
      endParagraphId: 'us-1-p1',
      endOffset: 7,
    },
    anchor: 'anchored',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    path: ['第1節 米国', '1．米国経済の動向'],
    ...over,
  };
}

/** A scrolling box with room to scroll both ways: 3000 × 5000 of content in 1000 × 1000. */
export function scrollBox(over: Partial<ScrollBox> = {}): ScrollBox {
  return {
    scrollTop: 0,
    scrollLeft: 0,
    scrollWidth: 3000,
    scrollHeight: 5000,
    clientWidth: 1000,
    clientHeight: 1000,
    ...over,
  };
}
