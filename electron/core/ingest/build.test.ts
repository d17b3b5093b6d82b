// Integration tests of the content build against real SQLite files in temp dirs.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArtifactBuilder } from '../content/artifacts';
import { SCHEMA_VERSION } from '../content/schema';
import { repoRoot } from '../paths';
import { BUILDER_VERSION, buildContentDb, sha256 } from './build';
import { ContentBuildError } from './errors';
import { leftoverTempFiles, makeTempContent, type TempContent } from '../testing/temp-content';

let temp: TempContent;
beforeEach(() => {
  temp = makeTempContent();
});
afterEach(() => temp.cleanup());

const fixtures = path.join(repoRoot(), 'tests', 'fixtures', 'ingest');
const echoBuilder: ArtifactBuilder = {
  name: 'paragraph-count',
  version: 'v1',
  build: (docs) => ({
    name: 'paragraph-count',
    version: 'v1',
    body: JSON.stringify(docs.map((d) => [d.id, d.paragraphs.length])),
  }),
};

describe('buildContentDb', () => {
  it('stores a bytes artifact as a BLOB, byte for byte, beside a text one', () => {
    const bytes = Uint8Array.from([0, 1, 2, 0xff, 0x80, 0]);
    const blobBuilder: ArtifactBuilder = {
      name: 'bytes',
      version: 'b1',
      build: () => ({ name: 'bytes', version: 'b1', body: bytes }),
    };
    buildContentDb({
      inputs: temp.inputs,
      dbPath: temp.dbPath,
      builders: [echoBuilder, blobBuilder],
    });
    const db = new Database(temp.dbPath, { readonly: true });
    try {
      const row = (name: string) =>
        db.prepare('SELECT typeof(body) AS type, body FROM artifacts WHERE name = ?').get(name) as {
          type: string;
          body: unknown;
        };
      expect(row('bytes').type).toBe('blob');
      expect(new Uint8Array(row('bytes').body as Buffer)).toEqual(bytes);
      expect(row('paragraph-count').type).toBe('text');
    } finally {
      db.close();
    }
  });
  it('writes documents, sections, paragraphs, artifacts and build metadata', () => {
    const result = buildContentDb({
      inputs: temp.inputs,
      dbPath: temp.dbPath,
      builders: [echoBuilder],
    });
    expect(result).toMatchObject({
      sections: 12,
      paragraphs: 30,
      artifacts: { 'paragraph-count': 'v1' },
      warnings: [],
    });
    const db = new Database(temp.dbPath, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      const meta = Object.fromEntries(
        (db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map(
          (r) => [r.key, r.value],
        ),
      );
      expect(meta).toMatchObject({
        schema_version: String(SCHEMA_VERSION),
        builder_version: BUILDER_VERSION,
        source_sha256: sha256(fs.readFileSync(temp.inputs.sourcePath)),
        curation_sha256: sha256(fs.readFileSync(temp.inputs.curationPath)),
        artifact_versions: '{"paragraph-count":"v1"}',
        paragraph_count: '30',
      });
      expect(
        db
          .prepare('SELECT title, publisher, edition, attribution, source_file FROM documents')
          .get(),
      ).toEqual({
        title: '米国・カナダ',
        publisher: '経済産業省',
        edition: '通商白書2023',
        attribution: '「通商白書2023」（経済産業省）を加工して作成',
        source_file: 'meti-white-paper-2023-us-canada.txt',
      });
      const artifact = db
        .prepare('SELECT version, body FROM artifacts WHERE name = ?')
        .get('paragraph-count') as { body: string };
      expect(JSON.parse(artifact.body)).toContainEqual(['us-3', 7]);
      expect(db.prepare('SELECT COUNT(*) AS n FROM paragraphs').get()).toEqual({ n: 30 });
    } finally {
      db.close();
    }
    expect(leftoverTempFiles(temp.dir)).toEqual([]);
  });

  it('is deterministic: rebuilding gives a byte-identical file', () => {
    const first = buildContentDb({
      inputs: temp.inputs,
      dbPath: temp.dbPath,
      builders: [echoBuilder],
    });
    const firstBytes = fs.readFileSync(temp.dbPath);
    const second = buildContentDb({
      inputs: temp.inputs,
      dbPath: path.join(temp.dir, 'again.sqlite'),
      builders: [echoBuilder],
    });
    buildContentDb({ inputs: temp.inputs, dbPath: temp.dbPath, builders: [echoBuilder] }); // over itself
    expect(second.dbSha256).toBe(first.dbSha256);
    expect(fs.readFileSync(path.join(temp.dir, 'again.sqlite')).equals(firstBytes)).toBe(true);
    expect(fs.readFileSync(temp.dbPath).equals(firstBytes)).toBe(true);
  });

  describe('a failing build leaves the previous database byte-identical', () => {
    const expectFailureKeepsDb = (
      damage: () => void,
      message: string | RegExp,
      builders?: ArtifactBuilder[],
    ) => {
      buildContentDb({ inputs: temp.inputs, dbPath: temp.dbPath, builders: [] });
      const before = fs.readFileSync(temp.dbPath);
      damage();
      let error: unknown;
      try {
        buildContentDb({ inputs: temp.inputs, dbPath: temp.dbPath, builders: builders ?? [] });
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(ContentBuildError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
      expect(fs.readFileSync(temp.dbPath).equals(before)).toBe(true);
      expect(leftoverTempFiles(temp.dir)).toEqual([]);
    };
    const source = () => temp.inputs.sourcePath;
    const name = 'meti-white-paper-2023-us-canada.txt';

    it('empty source', () =>
      expectFailureKeepsDb(() => fs.writeFileSync(source(), ''), `${name}: empty file`));
    it('binary source', () =>
      expectFailureKeepsDb(
        () => fs.copyFileSync(path.join(fixtures, 'binary.png'), source()),
        `${name}: binary file`,
      ));
    it('undecodable source', () =>
      expectFailureKeepsDb(
        () => fs.copyFileSync(path.join(fixtures, 'undecodable.txt'), source()),
        `${name}: undecodable bytes (neither UTF-8 nor Shift_JIS/CP932)`,
      ));
    it('missing source', () =>
      expectFailureKeepsDb(() => fs.rmSync(source()), `${name}: cannot read (ENOENT)`));
    it('curation quote that matches nothing', () =>
      expectFailureKeepsDb(() => {
        const text = fs.readFileSync(temp.inputs.curationPath, 'utf8');
        fs.writeFileSync(
          temp.inputs.curationPath,
          text.replace('過去半世紀にわたり', '過去一世紀にわたり'),
        );
      }, /meti-white-paper-2023-us-canada\.json: moves\[1\]\.before: quote "過去一世紀にわたり、日米両国の製造業は" matches nothing/));
    it('curation quote that matches twice', () =>
      expectFailureKeepsDb(() => {
        const text = fs.readFileSync(temp.inputs.curationPath, 'utf8');
        fs.writeFileSync(
          temp.inputs.curationPath,
          text.replace('"2年目を迎えたバイデン政権は"', '"バイデン政権"'),
        );
      }, /editorialSections\[0\] \(us-1\)\.before: quote "バイデン政権" matches \d+ times/));
    it('an artifact builder that throws', () =>
      expectFailureKeepsDb(() => undefined, 'artifact "broken": build failed: boom', [
        {
          name: 'broken',
          build: () => {
            throw new Error('boom');
          },
        },
      ]));
    it('a write that fails half-way (target is a directory)', () => {
      const dbDir = path.join(temp.dir, 'as-dir.sqlite');
      fs.mkdirSync(dbDir);
      expect(() =>
        buildContentDb({ inputs: temp.inputs, dbPath: dbDir, builders: [] }),
      ).toThrowError(ContentBuildError);
      expect(fs.statSync(dbDir).isDirectory()).toBe(true);
      expect(leftoverTempFiles(temp.dir)).toEqual([]);
    });
  });
});
