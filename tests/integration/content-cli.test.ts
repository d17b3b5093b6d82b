// The content commands of the CLI, run as a user runs them: a child process — the
// `hakusho` bin (the launcher, which rebuilds the bundle when a source is newer),
// `npm run cli`, or the bundle itself with plain Node — on real files in a temp
// dir. Checks the exact JSON shapes the CLI documents, one-line errors with their
// exit codes, and that a failed build leaves the previous database untouched.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_BUNDLE } from '../../build/cli-bundle.mjs';
import { repoRoot } from '../../electron/core/paths';
import {
  leftoverTempFiles,
  makeTempContent,
  type TempContent,
} from '../../electron/core/testing/temp-content';

const root = repoRoot();
let temp: TempContent;
beforeAll(() => {
  temp = makeTempContent();
});
afterAll(() => temp.cleanup());

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  bin: { hakusho: string };
};

/** Runs the CLI: by default the `hakusho` bin as the OS runs it (its #! line, no npm). */
function cli(args: string[], how: 'bin' | 'npm' | 'bundle' = 'bin') {
  const env = { ...process.env, HAKUSHO_CONTENT_DB: temp.dbPath };
  const [command, prefix] =
    how === 'npm'
      ? ['npm', ['run', '--silent', 'cli', '--']]
      : how === 'bundle'
        ? [process.execPath, [path.join(root, CLI_BUNDLE)]]
        : [path.join(root, pkg.bin.hakusho), []];
  const result = spawnSync(command, [...prefix, ...args], { cwd: root, env, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('hakusho content commands (child process)', () => {
  it('`npm run --silent cli -- toc --json` builds the missing database and prints only JSON', () => {
    expect(fs.existsSync(temp.dbPath)).toBe(false);
    const { code, stdout, stderr } = cli(['toc', '--json'], 'npm');
    expect(code).toBe(0);
    expect(stderr).toMatch(/content: building .*\(missing\)/);
    const toc = JSON.parse(stdout) as Record<string, unknown>[];
    expect(toc).toHaveLength(12);
    for (const entry of toc)
      expect(Object.keys(entry)).toEqual(['id', 'level', 'title', 'editorial', 'parent', 'kind']);
    expect(toc[0]).toEqual({
      id: 'us',
      level: 1,
      title: '第１節\u3000米国',
      editorial: false,
      parent: null,
      kind: 'chapter',
    });
    expect(toc[1]).toEqual({
      id: 'us-1',
      level: 2,
      title: '［1．日米経済関係\u3000最近の動き］',
      editorial: true,
      parent: 'us',
      kind: 'part',
    });
    // The editorial ［第２節 カナダ］ is a peer of 第１節: same level and kind.
    expect(toc[11]).toEqual({
      id: 'canada',
      level: 1,
      title: '［第２節\u3000カナダ］',
      editorial: true,
      parent: null,
      kind: 'chapter',
    });
  });

  it('`read <id> --json` has the documented shape', () => {
    const { code, stdout, stderr } = cli(['read', 'us-2-partnership', '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe(''); // the database is current: nothing rebuilt
    const section = JSON.parse(stdout) as { paragraphs: { id: string; text: string }[] };
    expect(Object.keys(section)).toEqual([
      'id',
      'level',
      'title',
      'editorial',
      'path',
      'paragraphs',
      'children',
    ]);
    expect(section).toMatchObject({
      id: 'us-2-partnership',
      level: 3,
      title: '＜日米通商協力枠組み（Japan-U.S. Partnership on Trade）の立ち上げ＞',
      editorial: false,
      path: [
        '第１節\u3000米国',
        '2．日米通商分野',
        '＜日米通商協力枠組み（Japan-U.S. Partnership on Trade）の立ち上げ＞',
      ],
      children: [],
    });
    expect(section.paragraphs.map((p) => p.id)).toEqual([
      'us-2-partnership.p1',
      'us-2-partnership.p2',
    ]);
    expect(
      section.paragraphs[0]?.text.startsWith(
        '2021年11月17日、経済産業省、外務省、米国通商代表部は',
      ),
    ).toBe(true);
  });

  it('`read` with several ids prints them in the order named (an array with --json)', () => {
    const ids = ['canada', 'us-2-partnership', 'us'];
    const json = cli(['read', ...ids, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const sections = JSON.parse(json.stdout) as { id: string; children: string[] }[];
    expect(sections.map((s) => s.id)).toEqual(ids);
    expect(sections[1]).toEqual(JSON.parse(cli(['read', 'us-2-partnership', '--json']).stdout));
    const text = cli(['read', 'us-2-partnership', 'us']);
    expect(text.code).toBe(0);
    expect(text.stdout.indexOf('＜日米通商協力枠組み')).toBeLessThan(
      text.stdout.indexOf('Subsections:'),
    );
    expect(text.stdout).toMatch(/^ {2}us-4 {2}4．地域・国際社会の繁栄に資する日米経済協力$/m);
    const missing = cli(['read', 'us', 'us-9', 'canada', 'x-1']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe('hakusho: read: no sections with ids "us-9", "x-1" (see: toc)\n');
  });

  it('the bundle runs with plain Node, and answers as the bin does', () => {
    const viaBin = cli(['search', '半導体', '--json', '--limit', '3']);
    const direct = cli(['search', '半導体', '--json', '--limit', '3'], 'bundle');
    expect(direct.code).toBe(0);
    expect(direct.stderr).toBe('');
    expect(JSON.parse(direct.stdout).results).toHaveLength(3);
    expect(direct.stdout).toBe(viaBin.stdout);
    const help = cli(['--help'], 'bundle');
    expect(help.stdout).toMatch(/^usage: hakusho <command>/);
    expect(help.stdout).toContain(
      'exit codes: 0 done, 1 failed (one line on stderr), 2 wrong command line',
    );
  });

  it('prints readable text without --json', () => {
    const toc = cli(['toc']);
    expect(toc.code).toBe(0);
    expect(toc.stdout).toMatch(/^us-1 + {2}［1．日米経済関係\u3000最近の動き］ {2}\(editorial\)$/m);
    const read = cli(['read', 'us']);
    expect(read.stdout).toContain('第１節\u3000米国');
    expect(read.stdout).toMatch(/^ {2}us-4 {2}4．地域・国際社会の繁栄に資する日米経済協力$/m);
  });

  it('unknown section id: exit 1 with one line (the error envelope with --json)', () => {
    const text = cli(['read', 'us-9']);
    expect(text.code).toBe(1);
    expect(text.stdout).toBe('');
    expect(text.stderr).toBe('hakusho: read: no section "us-9" (see: toc)\n');
    const json = cli(['read', 'us-9', '--json']);
    expect(json.code).toBe(1);
    expect(json.stdout).toBe('');
    expect(json.stderr).toBe(
      '{"ok":false,"error":{"code":"not_found","message":"read: no section \\"us-9\\" (see: toc)"}}\n',
    );
  });

  it('a wrong command line: exit 2 with one line', () => {
    const { code, stdout, stderr } = cli(['read', 'not an id!']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^hakusho: read: getSection: ids are ASCII letters.* at id\n$/);
  });

  describe('bad input: exit 1, one line naming the file, previous database untouched', () => {
    const badDir = () => path.join(temp.dir, 'bad');
    const expectRefused = (args: string[], message: RegExp) => {
      const before = fs.readFileSync(temp.dbPath);
      const { code, stdout, stderr } = cli(['build-content', ...args]);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(message);
      expect(fs.readFileSync(temp.dbPath).equals(before)).toBe(true);
      expect(leftoverTempFiles(temp.dir)).toEqual([]);
    };
    const badSource = (name: string, bytes: Uint8Array | string) => {
      fs.mkdirSync(badDir(), { recursive: true });
      const file = path.join(badDir(), name);
      fs.writeFileSync(file, bytes);
      return ['--source', file, '--metadata', temp.inputs.metadataPath];
    };
    const badCuration = (from: string, to: string) => {
      fs.mkdirSync(badDir(), { recursive: true });
      const file = path.join(badDir(), 'curation.json');
      fs.writeFileSync(file, fs.readFileSync(temp.inputs.curationPath, 'utf8').replace(from, to));
      return ['--source', temp.inputs.sourcePath, '--curation', file];
    };
    const fixture = (name: string) =>
      fs.readFileSync(path.join(root, 'tests/fixtures/ingest', name));

    it('empty file', () =>
      expectRefused(badSource('empty.txt', ''), /^hakusho: .*bad\/empty\.txt: empty file$/m));
    it('binary file', () =>
      expectRefused(
        badSource('image.txt', fixture('binary.png')),
        /^hakusho: .*bad\/image\.txt: binary file \(contains NUL bytes\)$/m,
      ));
    it('undecodable bytes', () =>
      expectRefused(
        badSource('mixed.txt', fixture('undecodable.txt')),
        /^hakusho: .*bad\/mixed\.txt: undecodable bytes \(neither UTF-8 nor Shift_JIS\/CP932\)$/m,
      ));
    it('a curation quote that matches nothing', () =>
      expectRefused(
        badCuration('"国際経済秩序が様々なリスクや脅威に晒される中"', '"国際経済秩序が崩れる中"'),
        /^hakusho: .*bad\/curation\.json: moves\[2\]\.before: quote "国際経済秩序が崩れる中" matches nothing in .*\.txt$/m,
      ));
    it('a curation quote that matches twice', () =>
      expectRefused(
        badCuration('"2．日米通商分野"', '"日米"'),
        /^hakusho: .*bad\/curation\.json: sections\[5\] \(us-2\): quote "日米" matches \d+ times in .*\.txt \(lines [\d, ]+\)$/m,
      ));
  });

  it('build-content rebuilds byte-identically and reports in JSON', () => {
    const before = fs.readFileSync(temp.dbPath);
    const { code, stdout } = cli(['build-content', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { sections: number; paragraphs: number; dbPath: string };
    expect(result).toMatchObject({ sections: 12, paragraphs: 30, dbPath: temp.dbPath });
    expect(fs.readFileSync(temp.dbPath).equals(before)).toBe(true);
  });
});
