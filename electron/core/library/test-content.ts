// An in-memory ContentStore over small real slices of the seed, for the
// library's tests (the real store reads data/content.sqlite). `edit` lets a test
// simulate a rebuilt edition with changed paragraphs.
import { ApiError } from '../../common/api/contract';
import type { DocumentInfo, SectionView, TocEntry } from '../../common/api/types';
import { SEED_PARAGRAPHS } from '../../common/anchoring/seed-slices.fixture';
import type { ContentStore, ParagraphRecord, SearchDoc } from '../content/store-types';

export interface FakeSection {
  id: string;
  title: string;
  parent: string | null;
  paragraphs: { id: string; text: string }[];
}

/** Three sections: the chapter with its first paragraphs, and two visits. */
export function seedSections(): FakeSection[] {
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

export function fakeContentStore(sections: FakeSection[] = seedSections()): ContentStore {
  const document: DocumentInfo = {
    id: 'meti-wp-2023-us',
    title: '通商白書2023 第１節 米国',
    publisher: '経済産業省',
    edition: '2023',
    sourceFile: '000_a1acfd562dd004ae.txt',
    sourceSha256: 'test',
    attribution: '「通商白書2023」（経済産業省）を加工して作成',
  };
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
  return {
    path: ':memory:',
    document: () => document,
    toc: () => toc,
    section(id: string): SectionView {
      const i = sections.findIndex((s) => s.id === id);
      const s = sections[i];
      if (!s) throw new ApiError('not_found', `no section ${id}`);
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
    paragraph: (id: string) => paragraphs.get(id),
    searchDocs: (): SearchDoc[] =>
      sections.map((s) => ({ id: s.id, title: s.title, paragraphs: s.paragraphs })),
    artifact: () => null,
    close: () => undefined,
  };
}
