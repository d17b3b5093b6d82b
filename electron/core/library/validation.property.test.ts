// Random and hostile input at every write method: each gets a clear error
// (a typed ApiError with a message) and the database is left exactly as it was.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, invoke, type ApiHandlers, type ApiMethod } from '../../common/api/contract';
import { openLibrary, type SqliteLibrary } from './library';
import { memoryContentStore, sliceSections } from '../testing/content-store';
import { handlersOver } from '../testing/handlers';
import { removeDir, tempUserDataDir } from '../testing/user-data';

let dir: string;
let lib: SqliteLibrary;
let handlers: ApiHandlers;
let bookmarkId: string;
let annotationId: string;

beforeAll(async () => {
  dir = tempUserDataDir();
  lib = openLibrary(dir, { autoBackup: false });
  handlers = handlersOver(lib, memoryContentStore(sliceSections()));
  bookmarkId = (await invoke(handlers, 'toggleBookmark', { sectionId: 's-us' })).bookmark.id;
  annotationId = (
    await invoke(handlers, 'addAnnotation', {
      startParagraphId: 's-may.p1',
      startOffset: 0,
      endOffset: 10,
      note: 'n',
    })
  ).id;
  await lib.backupNow('manual');
});
afterAll(() => {
  lib.close();
  removeDir(dir);
});

/** Everything stored, as one comparable value. */
function snapshot(): string {
  const db = lib.db;
  const tables = (
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((t) => t.name);
  return JSON.stringify({
    version: db.pragma('user_version', { simple: true }),
    rows: tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]),
  });
}

/** A valid call of every write method; the property replaces or adds one field. */
const validCalls = (): [ApiMethod, Record<string, unknown>][] => [
  ['setPrefs', { theme: 'dark', fontSize: 20 }],
  ['setPosition', { sectionId: 's-us', scroll: 0.5 }],
  ['toggleBookmark', { sectionId: 's-may', label: 'l' }],
  ['addBookmark', { sectionId: 's-sep', paragraphId: 's-sep.p1', offset: 3, label: 'l' }],
  ['renameBookmark', { id: bookmarkId, label: 'l' }],
  ['deleteBookmark', { id: bookmarkId }],
  ['restoreBookmark', { id: bookmarkId }],
  [
    'addAnnotation',
    {
      startParagraphId: 's-may.p1',
      startOffset: 0,
      endOffset: 5,
      note: 'x',
      tags: ['t'],
      color: 'blue',
    },
  ],
  [
    'addAnnotation',
    { startParagraphId: 's-may.p2', startOffset: 0, endParagraphId: 's-sep.p1', endOffset: 5 },
  ],
  ['addSectionNote', { sectionId: 's-may', note: 'x', tags: ['t'] }],
  ['updateAnnotation', { id: annotationId, note: 'x', color: 'green', tags: ['t'] }],
  ['deleteAnnotation', { id: annotationId }],
  ['restoreAnnotation', { id: annotationId }],
  ['importAnnotations', { body: '{}' }],
  ['restoreBackup', { name: 'user-20000101T000000000Z-manual.sqlite' }],
];

let deep: unknown = 'x';
for (let i = 0; i < 2000; i += 1) deep = [deep];

/** Values no field of any write method accepts. */
const hostile = fc.oneof(
  fc.constant('a\u0000b'),
  fc.constant('x\uD800y'),
  fc.constant('\uDC00'),
  fc.constant('x'.repeat(1_100_000)),
  fc.constant(-1),
  fc.constant(1e15),
  fc.constant(Number.NaN),
  fc.constant(Number.POSITIVE_INFINITY),
  fc.constant(null),
  fc.constant(true),
  fc.constant(deep),
  fc.constant(JSON.parse('{"__proto__": {"polluted": 1}}')),
  fc.constant({ constructor: { prototype: { polluted: 1 } } }),
  fc.string().map((s) => `${s}\u0000`),
  fc.string().map((s) => `\uD83D${s.replace(/[\uDC00-\uDFFF]/g, '')}x`),
);

function expectRefusedWithoutChange(method: ApiMethod, args: unknown, before: string) {
  return invoke(handlers, method, args as never).then(
    () => {
      throw new Error(`${method} accepted ${JSON.stringify(args)?.slice(0, 200)}`);
    },
    (err: unknown) => {
      expect(err).toBeInstanceOf(ApiError);
      expect(['invalid_input', 'not_found', 'conflict']).toContain((err as ApiError).code);
      expect((err as ApiError).message.length).toBeGreaterThan(5);
      expect(snapshot()).toBe(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );
}

describe('every write method refuses bad input without changing the database', () => {
  it('one hostile field in an otherwise valid call', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: validCalls().length - 1 }),
        fc.oneof(fc.constantFrom('__proto__', 'constructor', 'extra'), fc.nat()),
        hostile,
        async (which, key, value) => {
          const [method, base] = validCalls()[which] as [ApiMethod, Record<string, unknown>];
          const keys = Object.keys(base);
          const args: Record<string, unknown> = { ...base };
          if (typeof key === 'number') args[keys[key % keys.length] as string] = value;
          else
            Object.defineProperty(args, key, {
              value,
              enumerable: true,
              configurable: true,
              writable: true,
            });
          await expectRefusedWithoutChange(method, args, snapshot());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('unknown ids, bad ranges, over-long notes', async () => {
    const before = snapshot();
    const cases: [ApiMethod, Record<string, unknown>][] = [
      ['renameBookmark', { id: 'bm-unknown', label: 'x' }],
      ['deleteBookmark', { id: 'bm-unknown' }],
      ['restoreBookmark', { id: 'bm-unknown' }],
      ['toggleBookmark', { sectionId: 'no-such-section' }],
      ['updateAnnotation', { id: 'an-unknown', note: 'x' }],
      ['deleteAnnotation', { id: 'an-unknown' }],
      ['restoreAnnotation', { id: 'an-unknown' }],
      ['addSectionNote', { sectionId: 'no-such-section', note: 'x' }],
      ['addAnnotation', { startParagraphId: 'no-such.p1', startOffset: 0, endOffset: 1 }],
      ['addAnnotation', { startParagraphId: 's-may.p1', startOffset: 0, endOffset: 99_999 }],
      ['addAnnotation', { startParagraphId: 's-may.p1', startOffset: 7, endOffset: 3 }],
      ['addAnnotation', { startParagraphId: 's-may.p1', startOffset: 3, endOffset: 3 }],
      [
        'addAnnotation',
        { startParagraphId: 's-may.p2', startOffset: 0, endParagraphId: 's-may.p1', endOffset: 3 },
      ],
      ['updateAnnotation', { id: annotationId, note: 'x'.repeat(20_001) }],
      [
        'updateAnnotation',
        { id: annotationId, tags: Array.from({ length: 33 }, (_, i) => `t${i}`) },
      ],
      ['updateAnnotation', { id: annotationId, tags: ['  '] }],
      ['addBookmark', { sectionId: 'no-such-section' }],
      ['addBookmark', { sectionId: 's-sep', paragraphId: 's-may.p1' }],
      ['addBookmark', { sectionId: 's-sep', paragraphId: 's-sep.p1', offset: 99_999 }],
      ['addBookmark', { sectionId: 's-sep', offset: 2 }],
      [
        'addAnnotation',
        { startParagraphId: 's-sep.p1', startOffset: 0, endParagraphId: 's-may.p1', endOffset: 3 },
      ],
      [
        'addAnnotation',
        {
          startParagraphId: 's-may.p2',
          startOffset: 0,
          endParagraphId: 's-sep.p1',
          endOffset: 1e5,
        },
      ],
      ['restoreBackup', { name: '../../etc/passwd' }],
      ['importAnnotations', { body: '[]' }],
    ];
    for (const [method, args] of cases) await expectRefusedWithoutChange(method, args, before);
  });

  it('arbitrary values as the whole argument', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: validCalls().length - 1 }),
        fc.anything({ withObjectString: true, withNullPrototype: true, maxDepth: 4 }),
        async (which, args) => {
          const [method] = validCalls()[which] as [ApiMethod, unknown];
          const before = snapshot();
          try {
            await invoke(handlers, method, args as never);
          } catch (err) {
            expect(err).toBeInstanceOf(ApiError);
            expect((err as ApiError).code).not.toBe('internal');
            expect(snapshot()).toBe(before);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
