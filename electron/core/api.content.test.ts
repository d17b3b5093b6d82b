// The handlers over a real content database built from the seed in a temp dir:
// the shapes the renderer receives, the 出典 line from the real metadata, and
// the data-dependent checks (unknown section ids).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke, type ApiHandlers } from '../common/api/contract';
import { createHandlers } from './api';
import { citationArtifact } from './citation/artifact';
import { ensureContentDb } from './content/ensure';
import { openContentStore } from './content/store';
import type { ContentStore } from './content/store-types';
import { glossaryArtifact, otherNamesArtifact } from './glossary/artifacts';
import expected from './glossary/chapter-glossary.expected.json';
import { tempLibrary } from './testing/user-data';

let dir: string;
let store: ContentStore;
let handlers: ApiHandlers;
let user: ReturnType<typeof tempLibrary>;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-api-'));
  const dbPath = path.join(dir, 'content.sqlite');
  // Without the search index (slow to build, and not what this file checks).
  ensureContentDb({
    dbPath,
    log: () => {},
    builders: [citationArtifact, glossaryArtifact, otherNamesArtifact],
  });
  store = openContentStore(dbPath);
  user = tempLibrary();
  handlers = createHandlers({
    content: store,
    search: null,
    library: user.library,
    host: { kind: 'browser', version: '0.1.0', userDataDir: dir },
  });
});

afterAll(() => {
  user.cleanup();
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('handlers over the real content DB', () => {
  it('gives the outline with parents before children', async () => {
    const toc = await invoke(handlers, 'getToc', {});
    expect(toc.length).toBeGreaterThanOrEqual(10);
    const seen = new Set<string>();
    for (const entry of toc) {
      expect(Object.keys(entry).sort()).toEqual(
        ['editorial', 'id', 'kind', 'level', 'parent', 'title'].sort(),
      );
      if (entry.parent !== null) expect(seen.has(entry.parent)).toBe(true);
      seen.add(entry.id);
    }
    expect(toc.some((e) => e.editorial && e.title.startsWith('［'))).toBe(true);
  });

  it('opens every section with a path ending in its title and linked prev/next', async () => {
    const toc = await invoke(handlers, 'getToc', {});
    let previous: string | null = null;
    for (const entry of toc) {
      const section = await invoke(handlers, 'getSection', { id: entry.id });
      expect(section.id).toBe(entry.id);
      expect(section.path[section.path.length - 1]).toBe(entry.title);
      expect(section.prev).toBe(previous);
      for (const p of section.paragraphs) expect(p.text.length).toBeGreaterThan(0);
      previous = entry.id;
    }
    const part3 = toc.find((e) => e.title.startsWith('3．'));
    expect(part3).toBeDefined();
    const section = await invoke(handlers, 'getSection', { id: part3!.id });
    expect(section.paragraphs.length).toBeGreaterThan(0);
  });

  it('refuses unknown sections and positions in them', async () => {
    await expect(invoke(handlers, 'getSection', { id: 'no-such' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      invoke(handlers, 'setPosition', { sectionId: 'no-such', scroll: 0 }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it("answers a start in one call: the saved position and the first screen's text", async () => {
    const toc = await invoke(handlers, 'getToc', {});
    const ids = toc.map((e) => e.id);
    const views = async (from: number) =>
      invoke(handlers, 'getSections', { ids: ids.slice(from, from + 4) });

    // Nothing saved: the first section and the three after it.
    user.library.setPosition({ sectionId: 'gone-in-a-newer-build', scroll: 0.3 });
    const fresh = await invoke(handlers, 'getStart', {});
    expect(fresh).toEqual({ position: null, opening: ids[0], sections: await views(0) });

    // A saved position: its section, exactly as getPosition and getSections answer.
    await invoke(handlers, 'setPosition', { sectionId: ids[5]!, scroll: 0.25 });
    const saved = await invoke(handlers, 'getStart', {});
    expect(saved.position).toEqual(await invoke(handlers, 'getPosition', {}));
    expect(saved.opening).toBe(ids[5]);
    expect(saved.sections).toEqual(await views(5));

    // A route's section beats the position; one the document lacks does not.
    const routed = await invoke(handlers, 'getStart', { sectionId: ids[9]! });
    expect(routed.opening).toBe(ids[9]);
    expect(routed.sections.map((v) => v.id)).toEqual(ids.slice(9, 13));
    expect(routed.position?.sectionId).toBe(ids[5]);
    expect((await invoke(handlers, 'getStart', { sectionId: 'no-such' })).opening).toBe(ids[5]);
    // The last section: the window stops at the end.
    const last = await invoke(handlers, 'getStart', { sectionId: ids[ids.length - 1]! });
    expect(last.sections.map((v) => v.id)).toEqual([ids[ids.length - 1]]);
    await expect(invoke(handlers, 'getStart', { sectionId: '../x' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('gives About facts from the recorded metadata', async () => {
    const info = await invoke(handlers, 'getAppInfo', {});
    expect(info.attribution).toBe('「通商白書2023」（経済産業省）を加工して作成');
    // One source statement: the book, the document's place in it, its two sections.
    expect(info.source).toBe(
      '出典：経済産業省『通商白書2023』第Ⅲ部第2章「各国戦略」第1節「米国」・第2節「カナダ」',
    );
    expect(info.document.sourceSha256).toMatch(/^[0-9a-f]{64}$/);
    const doc = await invoke(handlers, 'getDocument', {});
    expect(doc.publisher).toContain('経済産業省');
    expect(doc.titleEn).toBe('United States and Canada');
  });

  it('gives the glossary as committed and the citation data of the metadata', async () => {
    expect(await invoke(handlers, 'getGlossary', {})).toEqual(expected.glossary);
    const source = await invoke(handlers, 'getCitationSource', {});
    expect(source.sections.map((s) => [s.section, s.url ?? null])).toEqual([
      ['us', 'https://www.meti.go.jp/report/tsuhaku2023/2023honbun/i3210000.html'],
      ['canada', null],
    ]);
  });
});
