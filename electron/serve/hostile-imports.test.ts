// Hostile imports, in every host alike: the same file read by the CLI (bytes from
// disk), sent over HTTP by a script (text in a JSON body) and handed to the contract
// directly. UTF-8 with or without a BOM is accepted; other encodings are refused in
// one clear line and nothing with a replacement character is ever stored; a wrong
// @context or another document's notes are refused whole; selectors that describe no
// passage refuse their item alone; bidi overrides and C1 controls never reach the
// store; and the JSON-LD written back out is safe to embed in a page.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, ImportSummary } from '../common/api/types';
import { ensureContentDb } from '../core/content/ensure';
import { cliChild, type CliChild } from '../core/testing/cli-child';
import type { BrowserEdition } from './edition';
import { startTestEdition } from './testing/edition';
import { addHighlightArgs } from '../core/testing/cli-args';

let root: string;
let contentDb: string;
let exported: Record<string, unknown> & { first: { items: Record<string, unknown>[] } };
let edition: BrowserEdition;
let paragraphId: string;

let child: CliChild;

/** The CLI, as a user runs it (a child process), on this test's content database. */
const cli = (args: string[], userData: string) =>
  child.run([...args, '--user-data', userData, '--content', contentDb]);

async function http<T>(method: string, args: object) {
  const reply = await fetch(`${edition.server.origin}/api/${method}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      Authorization: `Bearer ${edition.server.token}`,
    },
    body: JSON.stringify(args),
  });
  return {
    status: reply.status,
    ...((await reply.json()) as { result: T; error?: { message: string } }),
  };
}

const NOTE = 'メモ </script><script>alert(1)</script> <!-- 終わり -->';

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-hostile-'));
  contentDb = path.join(root, 'content.sqlite');
  ensureContentDb({ dbPath: contentDb, log: () => undefined });
  child = await cliChild();
  const source = path.join(root, 'source');
  expect((await cli(['toc'], source)).code).toBe(0);
  const toc = JSON.parse((await cli(['read', 'us-3', '--json'], source)).stdout);
  paragraphId = toc.paragraphs[0].id;
  const added = await cli(
    addHighlightArgs({ paragraph: paragraphId, start: 0, end: 5, note: NOTE }),
    source,
  );
  expect(added.code, added.stderr).toBe(0);
  exported = JSON.parse((await cli(['export', '--format', 'w3c'], source)).stdout);
  edition = await startTestEdition(root, contentDb, path.join(root, 'http-profile'));
}, 120_000);

afterAll(async () => {
  await edition.close();
  child.cleanup();
  fs.rmSync(root, { recursive: true, force: true });
});

const text = () => JSON.stringify(exported, null, 2);

describe('encodings, in every host alike', () => {
  it('UTF-8 with a BOM is accepted by the CLI and over HTTP', async () => {
    const file = path.join(root, 'bom.jsonld');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text())]));
    const run = await cli(['import', file, '--json'], path.join(root, 'bom-cli'));
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ added: 1, refused: 0 });
    const over = await http<ImportSummary>('importAnnotations', { body: `\uFEFF${text()}` });
    expect(over.status).toBe(200);
    expect(over.result).toMatchObject({ added: 1 });
  });

  it('UTF-16 and legacy encodings are refused in one line; a replacement character is never stored', async () => {
    const utf16 = path.join(root, 'utf16.jsonld');
    fs.writeFileSync(
      utf16,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text(), 'utf16le')]),
    );
    const latin = path.join(root, 'latin1.jsonld');
    // A note in Latin-1 (é as one byte 0xE9): not UTF-8.
    fs.writeFileSync(latin, Buffer.from(text().replace(NOTE, 'caf\u00e9'), 'latin1'));
    const dir = path.join(root, 'enc-cli');
    for (const [file, message] of [
      [utf16, /UTF-16 \(little-endian\), not UTF-8/],
      [latin, /not valid UTF-8/],
    ] as const) {
      const run = await cli(['import', file], dir);
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
    }
    // Text decoded the lossy way (what a script may send): refused, not stored.
    const lossy = await http('importAnnotations', { body: text().replace(NOTE, 'caf\uFFFD') });
    expect(lossy.status).toBe(400);
    expect(lossy.error?.message).toMatch(/replacement character \(U\+FFFD\)/);
    const list = await cli(['annotations', 'list', '--json'], dir);
    expect(list.stdout === '' || JSON.parse(list.stdout).length === 0).toBe(true);
  });
});

describe('files that are not this reader’s notes are refused whole', () => {
  it('a wrong @context, another document’s id', async () => {
    for (const [mutate, message] of [
      [(d: typeof exported) => (d['@context'] = 'http://www.w3.org/ns/anno.jsonld'), /@context/],
      [
        (d: typeof exported) =>
          ((d['hakusho:document'] as { id: string }).id = 'meti-white-paper-2022'),
        /another document \("meti-white-paper-2022"\)/,
      ],
    ] as const) {
      const doc = structuredClone(exported);
      mutate(doc);
      const reply = await http('importAnnotations', { body: JSON.stringify(doc) });
      expect(reply.status).toBe(400);
      expect(reply.error?.message).toMatch(message);
      expect(reply.error?.message).toMatch(/nothing was stored/);
    }
  });
});

describe('items refused alone, with their reason', () => {
  it('selectors that describe no passage, another document in a target, a repeated id', async () => {
    const base = exported.first.items[0] as Record<string, unknown> & {
      target: { source: string; selector: Record<string, unknown>[] };
    };
    const variant = (id: string, change: (item: typeof base) => void) => {
      const item = structuredClone(base);
      item.id = `urn:hakusho:annotation:${id}`;
      change(item);
      return item;
    };
    const items = [
      variant('empty-quote', (i) => (i.target.selector[0]!.exact = '')),
      variant('break-only', (i) => (i.target.selector[0]!.exact = '\n')),
      variant('reversed', (i) => {
        i.target.selector[1]!.start = 5;
        i.target.selector[1]!.end = 0;
      }),
      variant('outside', (i) => {
        i.target.selector[1]!.start = 900_000;
        i.target.selector[1]!.end = 900_005;
      }),
      variant('other-doc', (i) => (i.target.source = 'urn:hakusho:some-other-paper:section:us-3')),
      variant('good', () => undefined),
      variant('good', () => undefined),
    ];
    const doc = {
      ...structuredClone(exported),
      total: items.length,
      first: { type: 'AnnotationPage', items },
    };
    const reply = await http<ImportSummary>('importAnnotations', { body: JSON.stringify(doc) });
    expect(reply.status).toBe(200);
    expect(reply.result).toMatchObject({ added: 1, refused: 6 });
    expect(reply.result.details.map((d) => [d.id, d.outcome])).toEqual([
      ['empty-quote', 'refused'],
      ['break-only', 'refused'],
      ['reversed', 'refused'],
      ['outside', 'refused'],
      ['other-doc', 'refused'],
      ['good', 'refused'],
    ]);
    const reasons = reply.result.details.map((d) => d.reason);
    expect(reasons[0]).toMatch(/invalid selector: the quote is empty/);
    expect(reasons[1]).toMatch(/only a paragraph break/);
    expect(reasons[2]).toMatch(/empty or reversed/);
    expect(reasons[3]).toMatch(/outside the text/);
    expect(reasons[4]).toMatch(/another document/);
    expect(reasons[5]).toMatch(/same id/);
  });
});

describe('what reaches the store, and what goes back out', () => {
  it('bidi overrides and C1 controls are stripped from notes and tags at input', async () => {
    const dir = path.join(root, 'bidi');
    const run = await cli(
      addHighlightArgs(
        {
          paragraph: paragraphId,
          start: 0,
          end: 3,
          note: 'invoice\u202Efdp.exe\u202C and\u0085 \u2066isolated\u2069',
        },
        '--tag',
        '\u202Etag',
      ),
      dir,
    );
    expect(run.code, run.stderr).toBe(0);
    const [stored] = JSON.parse(
      (await cli(['annotations', 'list', '--json'], dir)).stdout,
    ) as Annotation[];
    expect(stored?.note).toBe('invoicefdp.exe and isolated');
    expect(stored?.tags).toEqual(['tag']);
    // Imported notes too.
    const doc = structuredClone(exported);
    const item = doc.first.items[0] as { body: { value: string }[] };
    item.body[0]!.value = '\u202Dinverted\u009B';
    const reply = await http<ImportSummary>('importAnnotations', { body: JSON.stringify(doc) });
    expect(reply.status).toBe(200);
    const listed = await http<Annotation[]>('listAnnotations', {});
    expect(listed.result.map((a) => a.note)).toContain('inverted');
    expect(JSON.stringify(listed.result)).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u0080-\u009F]/);
  });

  it('JSON-LD exports escape "</" (and every "<"), and read back unchanged', async () => {
    const body = (await cli(['export', '--format', 'w3c'], path.join(root, 'source'))).stdout;
    expect(body).not.toContain('</');
    expect(body).not.toContain('<!--');
    expect(body).toContain('\\u003c/script>');
    const parsed = JSON.parse(body);
    expect(parsed.first.items[0].body[0].value).toBe(NOTE);
    const dir = path.join(root, 'roundtrip');
    const file = path.join(root, 'roundtrip.jsonld');
    fs.writeFileSync(file, body);
    expect((await cli(['import', file], dir)).code).toBe(0);
    const [again] = JSON.parse(
      (await cli(['annotations', 'list', '--json'], dir)).stdout,
    ) as Annotation[];
    expect(again?.note).toBe(NOTE);
  });
});
