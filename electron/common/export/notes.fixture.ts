// Test data for the exports: the chapter's outline and citation data as the content
// stores them, and a reader's notes — one of them written to break Markdown.
import type { AnnotationRecord, BookmarkRecord } from '../annotations/records';
import type { PagedSection } from '../citation/pages';
import type { CitationSource } from '../citation/source';
import type { NotesExportInput } from './notes';

export const METI_URL = 'https://www.meti.go.jp/report/tsuhaku2023/2023honbun/i3210000.html';

/** The book the chapter belongs to, as its citation data names it. */
export const chapterBook: Omit<CitationSource, 'sections'> = {
  publisher: '経済産業省',
  publisherEn: 'Ministry of Economy, Trade and Industry (METI)',
  edition: '通商白書2023',
  editionEn: 'White Paper on International Economy and Trade 2023',
  within: [
    { label: '第Ⅲ部', labelEn: 'Part III' },
    { label: '第2章', labelEn: 'Chapter 2', title: '各国戦略' },
  ],
};

export const citationSource: CitationSource = {
  ...chapterBook,
  sections: [
    {
      section: 'us',
      label: '第1節',
      labelEn: 'Section 1',
      title: '米国',
      titleEn: 'United States',
      url: METI_URL,
    },
    { section: 'canada', label: '第2節', labelEn: 'Section 2', title: 'カナダ', titleEn: 'Canada' },
  ],
};

export const outline: NotesExportInput['outline'] = [
  { id: 'us', title: '第１節\u3000米国', parent: null },
  { id: 'us-1', title: '［1．概況］', parent: 'us' },
  { id: 'us-2', title: '2．日米通商分野', parent: 'us' },
  { id: 'us-2-232', title: '＜1962年米国通商拡大法232条を巡る動き＞', parent: 'us-2' },
  { id: 'us-3', title: '3．日米貿易投資関係の更なる発展に向けた取組', parent: 'us' },
  { id: 'canada', title: '［第２節\u3000カナダ］', parent: null },
];

/** A note that tries every block and inline construct Markdown has. */
export const HOSTILE_NOTE = [
  '# 見出しにならない',
  '- リストにならない',
  '1. 番号にもならない',
  '> 引用にもならない',
  '[リンク](https://evil.example) ![画像](https://evil.example/x.png) <script>alert(1)</script> <b>太字</b>',
  '---',
  '***強調*** _斜体_ `code` ~~取消~~ | a | b |',
  '|---|---|',
  '    字下げ',
  '```',
  'フェンス',
  '```',
  '&amp; &#x3C; C:\\Users\\ 末尾\\',
  '見出し',
  '===',
  '[ref]: https://evil.example',
  '<https://evil.example> snake_case 93.2万人 U.S. 2＋2 25%',
].join('\n');

const highlight = (
  id: string,
  sectionId: string,
  paragraphId: string,
  exact: string,
  rest: Partial<AnnotationRecord> = {},
): AnnotationRecord => ({
  id,
  kind: 'highlight',
  sectionId,
  groupId: null,
  color: 'yellow',
  note: '',
  tags: [],
  target: {
    paragraphIds: [paragraphId],
    quote: { exact, prefix: '', suffix: '' },
    position: { start: 0, end: exact.length },
    startParagraphId: paragraphId,
    startOffset: 0,
    endParagraphId: paragraphId,
    endOffset: exact.length,
  },
  anchor: 'anchored',
  createdAt: '2026-11-30T04:00:00.000Z',
  updatedAt: '2026-11-30T04:17:00.000Z',
  ...rest,
});

export const annotations: AnnotationRecord[] = [
  // Given out of reading order on purpose: the export sorts by the outline.
  {
    id: 'a3',
    kind: 'section-note',
    sectionId: 'canada',
    groupId: null,
    color: 'green',
    note: 'カナダの節全体についてのメモ',
    tags: [],
    target: null,
    anchor: 'anchored',
    createdAt: '2026-11-29T01:00:00.000Z',
    updatedAt: '2026-11-29T01:05:00.000Z',
  },
  highlight(
    'a1',
    'us-3',
    'us-3.p1',
    '在米日系企業による米国内の雇用者数は93.2万人（世界2位）であり',
    { note: '対米投資の規模。\n雇用でも大きい。', tags: ['対米投資', 'IRA'] },
  ),
  highlight(
    'a2',
    'us-2-232',
    'us-2-232.p1',
    '2018年3月23日、米国政府は、1962年通商拡大法232条に基づき、輸入する鉄鋼製品に対して25%、アルミ製品に対して10%の追加関税賦課を開始した。',
    { color: 'blue', note: HOSTILE_NOTE, tags: ['#タグ', '*強調*'] },
  ),
  highlight('a4', 'us-1', 'us-1.p2', '日米経済関係が戦略的な段階に押し上げられた。', {
    color: 'pink',
    anchor: 'orphan',
  }),
  highlight('a5', 'us-9', 'us-9.p1', '旧版にだけあった文。', { color: 'purple' }),
];

export const bookmarks: BookmarkRecord[] = [
  {
    id: 'b2',
    sectionId: 'canada',
    paragraphId: null,
    offset: null,
    label: '',
    createdAt: '2026-11-30T00:00:00.000Z',
    updatedAt: '2026-11-30T00:00:00.000Z',
  },
  {
    id: 'b1',
    sectionId: 'us-2-232',
    paragraphId: null,
    offset: null,
    label: '232条 [要確認](x) <i>',
    createdAt: '2026-11-30T00:00:00.000Z',
    updatedAt: '2026-11-30T00:00:00.000Z',
  },
];

/** Every link the exports of this data may hold: the deep links and METI's page, nothing else. */
export const EXPORT_LINKS = [
  'hakusho-reader://section/us-1?annotation=a4',
  'hakusho-reader://section/us-2-232?annotation=a2',
  'hakusho-reader://section/us-3?annotation=a1',
  'hakusho-reader://section/canada?annotation=a3',
  'hakusho-reader://section/us-9?annotation=a5',
  'hakusho-reader://section/us-2-232',
  'hakusho-reader://section/canada',
  METI_URL,
];

export function exportInput(overrides: Partial<NotesExportInput> = {}): NotesExportInput {
  return {
    language: 'ja',
    timeZone: 'Asia/Tokyo',
    generatedAt: '2026-11-30T04:17:30.000Z',
    document: {
      title: '米国・カナダ',
      titleEn: 'United States and Canada',
      attribution: '「通商白書2023」（経済産業省）を加工して作成',
    },
    citation: citationSource,
    outline,
    annotations,
    bookmarks,
    ...overrides,
  };
}

/**
 * An imported paged document (a PDF): its sections' page markers say where each printed
 * page begins. `s2` marks none of its own: its text is still on the page begun before it.
 */
export const pagedSections: Record<string, PagedSection> = {
  s1: {
    paragraphs: [{ id: 's1.p1' }],
    pageMarkers: [{ paragraphId: 's1.p1', offset: 0, label: '12' }],
  },
  's1-1': {
    paragraphs: [{ id: 's1-1.p1' }, { id: 's1-1.p2' }],
    pageMarkers: [
      { paragraphId: 's1-1.p1', offset: 0, label: '12' },
      { paragraphId: 's1-1.p1', offset: 20, label: '13' },
      { paragraphId: 's1-1.p2', offset: 0, label: '13' },
    ],
  },
  s2: { paragraphs: [{ id: 's2.p1' }] },
};

const paged = (
  id: string,
  sectionId: string,
  exact: string,
  [startParagraphId, startOffset]: [string, number],
  [endParagraphId, endOffset]: [string, number],
  rest: Partial<AnnotationRecord> = {},
): AnnotationRecord => {
  const base = highlight(id, sectionId, startParagraphId, exact, rest);
  return {
    ...base,
    target: {
      ...base.target!,
      paragraphIds: [...new Set([startParagraphId, endParagraphId])],
      startParagraphId,
      startOffset,
      endParagraphId,
      endOffset,
    },
  };
};

export const pagedAnnotations: AnnotationRecord[] = [
  paged('p1', 's1-1', '一頁目の文。', ['s1-1.p1', 0], ['s1-1.p1', 10]),
  paged('p2', 's1-1', '頁をまたぐ文。', ['s1-1.p1', 15], ['s1-1.p2', 4], { color: 'blue' }),
  paged('p3', 's2', '次の節の文。', ['s2.p1', 0], ['s2.p1', 6], { color: 'green' }),
  // Anchored to another edition's offsets: no page is given for it.
  paged('p4', 's1', '旧版の文。', ['s1.p1', 0], ['s1.p1', 5], { color: 'pink', anchor: 'orphan' }),
];

/** The export of notes in an imported PDF with page markers. */
export function pagedExportInput(overrides: Partial<NotesExportInput> = {}): NotesExportInput {
  return exportInput({
    document: {
      title: '令和6年版 情報通信白書',
      attribution: '「令和6年版 情報通信白書」（総務省）',
    },
    documentId: 'doc-1',
    citation: { publisher: '総務省', edition: '令和6年版 情報通信白書', within: [], sections: [] },
    outline: [
      { id: 's1', title: '第1章\u3000デジタル化の現状', parent: null },
      { id: 's1-1', title: '1．概況', parent: 's1' },
      { id: 's2', title: '第2章\u3000展望', parent: null },
    ],
    annotations: pagedAnnotations,
    bookmarks: [],
    sections: (id) => pagedSections[id],
    ...overrides,
  });
}

/** The chapter's sections as the export reads them: no page markers (it has no pages). */
export function chapterSections(id: string): PagedSection | undefined {
  return outline.some((s) => s.id === id) ? { paragraphs: [{ id: `${id}.p1` }] } : undefined;
}
