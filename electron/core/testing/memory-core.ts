// In-memory stand-ins for the content store and the user library, for tests of
// the hosts (HTTP, IPC) that need the contract's behaviour but not SQLite. The
// text is a real slice of the seed (第１節 米国 of the white paper). Tests of
// the real databases live beside ../content and ../library.
import { ApiError } from '../../common/api/contract';
import type { Prefs, ReadingPosition, SectionView, TocEntry } from '../../common/api/types';
import type { ContentStore, SearchDoc } from '../content/store-types';
import type { Library, StartupNotice } from '../library/library-types';

const SECTIONS: SectionView[] = [
  {
    id: 's1',
    level: 1,
    title: '第１節 米国',
    editorial: false,
    kind: 'chapter',
    path: ['第１節 米国'],
    paragraphs: [
      {
        id: 's1.p1',
        text: '米国経済は、2022年に入り、高インフレとその抑制に向けた金融引締めの影響を受けた。',
      },
    ],
    children: ['s1-3'],
    prev: null,
    next: 's1-3',
  },
  {
    id: 's1-3',
    level: 2,
    title: '3．半導体産業政策',
    editorial: false,
    kind: 'part',
    path: ['第１節 米国', '3．半導体産業政策'],
    paragraphs: [
      {
        id: 's1-3.p1',
        text: '2022年8月、米国で半導体の国内製造を支援するCHIPSおよび科学法が成立した。',
      },
    ],
    children: [],
    prev: 's1',
    next: null,
  },
];

export function memoryContentStore(): ContentStore & { closed: boolean } {
  const store = {
    path: ':memory:',
    closed: false,
    document: () => ({
      id: 'meti-white-paper-2023-us-canada',
      title: '通商白書2023',
      publisher: '経済産業省',
      edition: '2023',
      sourceFile: '000_a1acfd562dd004ae.txt',
      sourceSha256: 'a1acfd562dd004ae',
      attribution: '「通商白書2023」（経済産業省）を加工して作成',
    }),
    toc: (): TocEntry[] =>
      SECTIONS.map((s) => ({
        id: s.id,
        level: s.level,
        title: s.title,
        editorial: s.editorial,
        parent: s.path.length > 1 ? 's1' : null,
        kind: s.kind,
      })),
    section: (id: string): SectionView => {
      const found = SECTIONS.find((s) => s.id === id);
      if (!found) throw new ApiError('not_found', `no section with id "${id}"`);
      return structuredClone(found);
    },
    paragraph: (id: string) => {
      for (const s of SECTIONS) {
        const index = s.paragraphs.findIndex((p) => p.id === id);
        const p = s.paragraphs[index];
        if (p) return { id: p.id, sectionId: s.id, ordinal: index, text: p.text };
      }
      return undefined;
    },
    searchDocs: (): SearchDoc[] =>
      SECTIONS.map((s) => ({ id: s.id, title: s.title, paragraphs: s.paragraphs })),
    artifact: () => null,
    close: () => {
      store.closed = true;
    },
  };
  return store;
}

export const DEFAULT_TEST_PREFS: Prefs = {
  theme: 'system',
  fontSize: 18,
  writingMode: 'horizontal',
  language: 'ja',
  fontFamily: 'serif',
};

export function memoryLibrary(notices: StartupNotice[] = []): Library & { closed: boolean } {
  let prefs: Prefs = { ...DEFAULT_TEST_PREFS };
  let position: ReadingPosition | null = null;
  const library = {
    path: ':memory:',
    closed: false,
    getPrefs: () => ({ ...prefs }),
    setPrefs: (patch: Partial<Prefs>) => {
      prefs = { ...prefs, ...patch };
      return { ...prefs };
    },
    getPosition: () => (position ? { ...position } : null),
    setPosition: (p: ReadingPosition) => {
      position = { ...p };
      return { ...position };
    },
    startupNotices: () => notices,
    close: () => {
      library.closed = true;
    },
  };
  return library;
}
