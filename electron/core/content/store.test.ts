// The read-only store against a real database built in a temp dir.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../common/api/contract';
import { buildContentDb } from '../ingest/build';
import { makeTempContent, type TempContent } from '../testing/temp-content';
import type { ContentStore } from './store-types';
import { openContentStore } from './store';

let temp: TempContent;
let store: ContentStore;
beforeAll(() => {
  temp = makeTempContent();
  buildContentDb({
    inputs: temp.inputs,
    dbPath: temp.dbPath,
    builders: [
      { name: 'echo', version: '7', build: () => ({ name: 'echo', version: '7', body: 'hello' }) },
    ],
  });
  store = openContentStore(temp.dbPath);
});
afterAll(() => {
  store.close();
  temp.cleanup();
});

describe('openContentStore', () => {
  it('gives the curated outline in reading order', () => {
    const toc = store.toc();
    const count = (id: string) => store.section(id).paragraphs.length;
    expect(toc.map((e) => [e.id, e.level, e.parent, e.editorial, e.kind, count(e.id)])).toEqual([
      ['us', 1, null, false, 'chapter', 0],
      ['us-1', 2, 'us', true, 'part', 3],
      ['us-1-2022-05', 3, 'us-1', false, 'dated', 1],
      ['us-1-2022-07', 3, 'us-1', false, 'dated', 1],
      ['us-1-2022-09', 3, 'us-1', false, 'dated', 1],
      ['us-1-2023-01', 3, 'us-1', false, 'dated', 1],
      ['us-2', 2, 'us', false, 'part', 0],
      ['us-2-232', 3, 'us-2', false, 'topic', 5],
      ['us-2-partnership', 3, 'us-2', false, 'topic', 2],
      ['us-3', 2, 'us', false, 'part', 7],
      ['us-4', 2, 'us', false, 'part', 4],
      ['canada', 1, null, true, 'chapter', 5],
    ]);
    expect(toc.map((e) => e.title)).toContain(
      '＜日米通商協力枠組み（Japan-U.S. Partnership on Trade）の立ち上げ＞',
    );
    expect(store.searchDocs().flatMap((d) => d.paragraphs)).toHaveLength(30);
  });

  it('returns a section with its path, paragraphs, children and neighbours', () => {
    const section = store.section('us-1-2022-05');
    expect(section).toMatchObject({
      title: '2022年5月\u3000「半導体協力基本原則」を公表、半導体研究施設の視察を実施',
      path: [
        '第１節\u3000米国',
        '［1．日米経済関係\u3000最近の動き］',
        '2022年5月\u3000「半導体協力基本原則」を公表、半導体研究施設の視察を実施',
      ],
      children: [],
      prev: 'us-1',
      next: 'us-1-2022-07',
    });
    expect(section.paragraphs.map((p) => p.id)).toEqual(['us-1-2022-05.p1']);
    expect(store.section('us')).toMatchObject({
      paragraphs: [],
      children: ['us-1', 'us-2', 'us-3', 'us-4'],
      prev: null,
    });
    expect(store.section('canada').next).toBeNull();
  });

  it('returns several sections in the order given, their paragraphs in one query', () => {
    // Every statement of the store is one of better-sqlite3's Statement objects: count
    // the reads they run while the batch is answered.
    const probe = new Database(':memory:');
    const statement = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Database.Statement;
    probe.close();
    const runs = (['all', 'get', 'iterate', 'run'] as const).map((m) => vi.spyOn(statement, m));
    const ids = ['canada', 'us', 'us-3', 'us-1-2022-05', 'us-2'];
    let views;
    try {
      views = store.sections(ids);
      expect(runs.map((r) => r.mock.calls.length)).toEqual([1, 0, 0, 0]);
      expect((runs[0]!.mock.contexts[0] as Database.Statement).source).toMatch(/json_each\(\?\)/);
    } finally {
      for (const r of runs) r.mockRestore();
    }
    expect(views.map((v) => v.id)).toEqual(ids);
    for (const view of views) expect(view).toEqual(store.section(view.id));
    expect(views.map((v) => v.paragraphs.length)).toEqual([5, 0, 7, 1, 0]);
    // The whole outline in one batch, and a section with no paragraphs alone.
    const all = store.toc().map((e) => e.id);
    expect(store.sections(all).map((v) => v.id)).toEqual(all);
    expect(store.sections(['us'])[0]!.paragraphs).toEqual([]);
  });

  it('refuses a batch with unknown sections, naming every one', () => {
    expect(() => store.sections(['us', 'us-9', 'canada', 'x-1'])).toThrowError(
      new ApiError('not_found', 'no sections with ids "us-9", "x-1"'),
    );
    expect(() => store.sections(['us-9'])).toThrowError(
      new ApiError('not_found', 'no section with id "us-9"'),
    );
  });

  it('keeps the texts exactly as the source has them', () => {
    const all = store
      .searchDocs()
      .flatMap((d) => d.paragraphs.map((p) => p.text))
      .join('\n');
    expect(store.section('us-1').paragraphs[2]?.text).toContain(
      '経済産業大臣は2022年5月、7月、9月、及び2023年1月に米国を訪問し',
    );
    expect(store.paragraph('us-4.p2')?.text).toContain('不可欠であることを再確認した、');
    expect(all).toContain('強靱');
    expect(all).toContain('強靭');
    expect(all).toContain('イノベ―ション');
    expect(all).toContain('①「ロードショウ」');
    expect(all).toContain('「Collision 2022」');
    expect(all).toContain('「CHIPSおよび科学法」');
    expect(all).not.toMatch(/[\uFFFD]|\u3000/);
  });

  it('returns paragraphs by id, artifacts by name, and the document', () => {
    expect(store.paragraph('canada.p5')).toMatchObject({ sectionId: 'canada', ordinal: 5 });
    expect(store.paragraph('nope.p1')).toBeUndefined();
    expect(store.artifact('echo')).toEqual({ version: '7', body: 'hello' });
    expect(store.artifact('missing')).toBeNull();
    expect(store.document()).toMatchObject({
      id: 'meti-white-paper-2023-us-canada',
      publisher: '経済産業省',
      edition: '通商白書2023',
      attribution: '「通商白書2023」（経済産業省）を加工して作成',
    });
  });

  it('throws not_found for an unknown section', () => {
    expect(() => store.section('us-9')).toThrowError(ApiError);
    try {
      store.section('us-9');
    } catch (err) {
      expect((err as ApiError).code).toBe('not_found');
    }
  });

  it('opens read-only and refuses a missing or foreign file', () => {
    expect(() => openContentStore(`${temp.dbPath}.missing`)).toThrowError(
      /unable to open|does not exist|directory does not exist/,
    );
    const bytes = fs.readFileSync(temp.dbPath);
    const other = openContentStore(temp.dbPath);
    other.toc();
    other.close();
    expect(fs.readFileSync(temp.dbPath).equals(bytes)).toBe(true);
    expect(fs.readdirSync(temp.dir).filter((f) => /-(wal|shm|journal)$/.test(f))).toEqual([]);
    const foreign = `${temp.dir}/foreign.sqlite`;
    const db = new Database(foreign);
    db.exec('CREATE TABLE meta (key TEXT, value TEXT)');
    db.close();
    expect(() => openContentStore(foreign)).toThrowError(/schema version missing/);
  });
});
