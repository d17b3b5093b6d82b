// Test support: an in-memory ContentStore over a few sections, so that the
// handlers, the library and the hosts can be tested without building the content
// database (tests against the real one live beside ../content and in
// ../api.content.test.ts). Two section sets: small real slices of the seed (for
// anchoring and re-anchoring, where the text matters) and a two-section outline
// (for the hosts, where only the shape does). `closed` tells whether close() ran.
// Like a built content database it carries the glossary (the real extractor over its
// sections), the other-names table and the citation data as stored artifacts.
import type { DocumentInfo, SectionView, TocEntry } from '../../common/api/types';
import type { CitationSource } from '../../common/citation/source';
import type { OtherNamesGroup } from '../../common/glossary/types';
import { SEED_PARAGRAPHS } from '../../../tests/fixtures/seed-slices';
import { CITATION_ARTIFACT, CITATION_VERSION } from '../citation/artifact';
import { missingSections } from '../content/missing-sections';
import type { ContentStore, ParagraphRecord, SearchDoc } from '../content/store-types';
import {
  GLOSSARY_ARTIFACT,
  GLOSSARY_VERSION,
  OTHER_NAMES_ARTIFACT,
  OTHER_NAMES_VERSION,
} from '../glossary/artifacts';
import { buildGlossary } from '../glossary/build';
import type { GlossaryCuration } from '../glossary/curation';
import { chapterBook } from '../../common/export/notes.fixture';

export interface FakeSection {
  id: string;
  title: string;
  parent: string | null;
  paragraphs: { id: string; text: string }[];
}

/** Three sections of real text: the chapter with its first paragraphs, and two visits. */
export function sliceSections(): FakeSection[] {
  const p = (i: number): string => SEED_PARAGRAPHS[i] as string;
  return [
    {
      id: 's-us',
      title: '第１節　米国',
      parent: null,
      paragraphs: [0, 1, 2].map((i) => ({ id: `s-us.p${i + 1}`, text: p(i) })),
    },
    {
      id: 's-may',
      title: '2022 年 5月　「半導体協力基本原則」を公表',
      parent: 's-us',
      paragraphs: [4, 5].map((i, k) => ({ id: `s-may.p${k + 1}`, text: p(i) })),
    },
    {
      id: 's-sep',
      title: '2022 年 9月　IPEF 交渉開始',
      parent: 's-us',
      paragraphs: [9].map((i, k) => ({ id: `s-sep.p${k + 1}`, text: p(i) })),
    },
  ];
}

/** A chapter and one part, one paragraph each. */
export function outlineSections(): FakeSection[] {
  return [
    {
      id: 's1',
      title: '第１節 米国',
      parent: null,
      paragraphs: [
        {
          id: 's1.p1',
          text: '米国経済は、2022年に入り、高インフレとその抑制に向けた金融引締めの影響を受けた。',
        },
      ],
    },
    {
      id: 's1-3',
      title: '3．半導体産業政策',
      parent: 's1',
      paragraphs: [
        {
          id: 's1-3.p1',
          text: '2022年8月、米国で半導体の国内製造を支援するCHIPSおよび科学法が成立した。',
        },
      ],
    },
  ];
}

const DOCUMENT: DocumentInfo = {
  id: 'meti-white-paper-2023-us-canada',
  title: '米国・カナダ',
  titleEn: 'United States and Canada',
  publisher: '経済産業省',
  edition: '通商白書2023',
  sourceFile: '000_a1acfd562dd004ae.txt',
  sourceSha256: 'a1acfd562dd004ae',
  attribution: '「通商白書2023」（経済産業省）を加工して作成',
};

/** The one page URL the source metadata records (第1節「米国」). */
export const MEMORY_SECTION_URL =
  'https://www.meti.go.jp/report/tsuhaku2023/2023honbun/i3210000.html';

/** Citation data of the fake document: the book, and its first top section with its URL. */
export function memoryCitation(sections: readonly FakeSection[]): CitationSource {
  const top = sections.find((s) => s.parent === null);
  return {
    ...chapterBook,
    sections: top
      ? [
          {
            section: top.id,
            label: '第1節',
            labelEn: 'Section 1',
            title: '米国',
            titleEn: 'United States',
            url: MEMORY_SECTION_URL,
          },
        ]
      : [],
  };
}

/** Other names of the fake document (as data/curation lists them). */
export const MEMORY_OTHER_NAMES: OtherNamesGroup[] = [
  { names: ['インフレ削減法', 'インフレ抑制法', 'IRA'] },
  { names: ['CHIPSおよび科学法', 'CHIPS法'] },
];

export interface MemoryStoreOptions {
  /** Curated glossary entries beside what the extractor finds (default: none). */
  glossary?: GlossaryCuration;
  /** False: a content database without the glossary, other names and citation data. */
  artifacts?: boolean;
}

export function memoryContentStore(
  sections: FakeSection[] = outlineSections(),
  options: MemoryStoreOptions = {},
): ContentStore & { closed: boolean } {
  const toc: TocEntry[] = sections.map((s) => ({
    id: s.id,
    level: s.parent ? 2 : 1,
    title: s.title,
    editorial: false,
    parent: s.parent,
    kind: s.parent ? 'part' : 'chapter',
  }));
  const paragraphs = new Map<string, ParagraphRecord>();
  for (const s of sections)
    s.paragraphs.forEach((p, ordinal) =>
      paragraphs.set(p.id, { id: p.id, sectionId: s.id, ordinal, text: p.text }),
    );
  const docs: SearchDoc[] = sections.map((s) => ({
    id: s.id,
    title: s.title,
    paragraphs: s.paragraphs,
  }));
  const artifacts = new Map<string, { version: string; body: string }>(
    options.artifacts === false
      ? []
      : [
          [
            GLOSSARY_ARTIFACT,
            {
              version: GLOSSARY_VERSION,
              body: JSON.stringify(
                buildGlossary(
                  docs,
                  options.glossary ?? { definitions: [], editorial: [] },
                  'memory',
                ),
              ),
            },
          ],
          [
            OTHER_NAMES_ARTIFACT,
            { version: OTHER_NAMES_VERSION, body: JSON.stringify(MEMORY_OTHER_NAMES) },
          ],
          [
            CITATION_ARTIFACT,
            { version: CITATION_VERSION, body: JSON.stringify(memoryCitation(sections)) },
          ],
        ],
  );
  const store = {
    path: ':memory:',
    closed: false,
    document: () => ({ ...DOCUMENT }),
    toc: () => toc.map((entry) => ({ ...entry })),
    section(id: string): SectionView {
      const i = sections.findIndex((s) => s.id === id);
      const s = sections[i];
      if (!s) throw missingSections([id]);
      const path: string[] = [];
      for (let e: FakeSection | undefined = s; e; e = sections.find((x) => x.id === e?.parent))
        path.unshift(e.title);
      return {
        id: s.id,
        level: s.parent ? 2 : 1,
        title: s.title,
        editorial: false,
        kind: s.parent ? 'part' : 'chapter',
        path,
        paragraphs: s.paragraphs.map((p) => ({ ...p })),
        children: sections.filter((c) => c.parent === s.id).map((c) => c.id),
        prev: sections[i - 1]?.id ?? null,
        next: sections[i + 1]?.id ?? null,
      };
    },
    sections(ids: readonly string[]): SectionView[] {
      const missing = ids.filter((id) => !sections.some((s) => s.id === id));
      if (missing.length > 0) throw missingSections(missing);
      return ids.map((id) => store.section(id));
    },
    paragraph: (id: string) => paragraphs.get(id),
    searchDocs: (): SearchDoc[] => docs.map((d) => ({ ...d, paragraphs: [...d.paragraphs] })),
    artifact: (name: string) => {
      const found = artifacts.get(name);
      return found ? { ...found } : null;
    },
    close: () => {
      store.closed = true;
    },
  };
  return store;
}
