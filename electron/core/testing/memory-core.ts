// Test fixtures for the hosts (HTTP, IPC, core): a small in-memory content
// store over a real slice of the seed (第１節 米国 of the white paper), and a
// real user.sqlite in a temp folder. Tests against the real content DB live in
// ../api.content.test.ts and beside ../content.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '../../common/api/contract';
import type { SectionView, TocEntry } from '../../common/api/types';
import type { ContentStore, SearchDoc } from '../content/store-types';
import { openLibrary, type SqliteLibrary } from '../library/library';

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

/** A real user.sqlite in a fresh temp folder (no automatic backups), and its removal. */
export function tempLibrary(): { library: SqliteLibrary; dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-user-'));
  const library = openLibrary(dir, { autoBackup: false });
  return {
    library,
    dir,
    cleanup() {
      try {
        library.close();
      } catch {
        // already closed by the test
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
