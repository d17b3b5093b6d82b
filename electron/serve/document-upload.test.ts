// A document reaches the library through the browser edition's HTTP host as the
// reader's file itself: its bytes as an application/octet-stream body (the name and
// title as `?args=`), handed undecoded to the import worker. A file over the limit
// is refused from its declared size before the body is read, with a 413 that names
// the limit, and nothing of it is stored.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentImportStatus, LibraryDocument } from '../common/api/types';
import { MAX_DOCUMENT_FILE_BYTES } from '../common/rules/library';
import { contentDb, snapshot } from '../core/testing/library-profile';
import { coreOpeners } from '../core/wiring';
import { startBrowserEdition, type BrowserEdition } from './edition';

const FIXTURES = path.join(__dirname, '..', '..', 'tests', 'fixtures', 'import');

let root: string;
let userData: string;
let edition: BrowserEdition;

interface Reply<T> {
  status: number;
  result: T;
  error?: { code: string; message: string };
}

async function call<T>(method: string, args: object, bytes?: Uint8Array): Promise<Reply<T>> {
  const query = bytes ? `?args=${encodeURIComponent(JSON.stringify(args))}` : '';
  const reply = await fetch(`${edition.server.origin}/api/${method}${query}`, {
    method: 'POST',
    headers: {
      'Content-Type': bytes ? 'application/octet-stream' : 'application/json',
      Authorization: `Bearer ${edition.server.token}`,
    },
    body: bytes ?? JSON.stringify(args),
  });
  return { status: reply.status, ...((await reply.json()) as Omit<Reply<T>, 'status'>) };
}

/** One request written by hand: a declared size far larger than what is sent. */
function rawRequest(lines: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(edition.server.port, '127.0.0.1', () =>
      socket.write(`${lines.join('\r\n')}\r\n\r\n`),
    );
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-library-upload-'));
  userData = path.join(root, 'profile');
  const rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  edition = await startBrowserEdition({
    openers: coreOpeners,
    contentDbPath: contentDb(),
    userDataDir: userData,
    rendererDir,
    version: '0',
  });
}, 120_000);

afterAll(async () => {
  await edition.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('importDocument over HTTP', () => {
  it('takes the file as bytes and lists the document', async () => {
    const bytes = fs.readFileSync(path.join(FIXTURES, 'one-column.pdf'));
    const started = await call<DocumentImportStatus>(
      'importDocument',
      { name: '白書 one-column.pdf', title: '通商白書（試験）' },
      bytes,
    );
    expect(started.status, started.error?.message).toBe(200);
    let status = started.result;
    while (status.state === 'running')
      status = (
        await call<DocumentImportStatus>('importDocumentStatus', {
          jobId: status.jobId,
          waitMs: 5000,
        })
      ).result;
    expect(status.error).toBeNull();
    expect(status.state).toBe('done');
    expect(status.name).toBe('白書 one-column.pdf');
    const list = (await call<LibraryDocument[]>('listDocuments', {})).result;
    const doc = list.find((d) => d.id === status.document?.id);
    expect(doc).toMatchObject({ title: '通商白書（試験）', format: 'pdf' });
    expect(doc?.pages).toBeGreaterThan(0);
  }, 120_000);

  it('refuses a file over the limit before reading it, naming the limit; nothing stored', async () => {
    const before = snapshot(userData);
    const args = encodeURIComponent(JSON.stringify({ name: 'huge.pdf' }));
    const raw = await rawRequest([
      `POST /api/importDocument?args=${args} HTTP/1.1`,
      `Host: 127.0.0.1:${edition.server.port}`,
      `Authorization: Bearer ${edition.server.token}`,
      'Content-Type: application/octet-stream',
      `Content-Length: ${MAX_DOCUMENT_FILE_BYTES + 1}`,
      '',
      '%PDF-1.7',
    ]);
    expect(raw).toMatch(/^HTTP\/1\.1 413 /);
    expect(raw).toMatch(/\r\nConnection: close\r\n/i);
    const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as {
      error: { code: string; message: string };
    };
    expect(body.error.code).toBe('too_large');
    expect(body.error.message).toContain(`limit of 200 MB (${MAX_DOCUMENT_FILE_BYTES} bytes)`);
    expect(snapshot(userData)).toEqual(before);
    expect((await call<LibraryDocument[]>('listDocuments', {})).result).toHaveLength(2);
  });

  it('refuses a document sent as JSON, and args that are not an object', async () => {
    const before = snapshot(userData);
    const json = await call('importDocument', { name: 'a.txt', data: 'YQ==' });
    expect(json.status).toBe(400);
    const bad = await fetch(`${edition.server.origin}/api/importDocument?args=%5B1%5D`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/octet-stream',
        Authorization: `Bearer ${edition.server.token}`,
      },
      body: new Uint8Array([0x61]),
    });
    expect(bad.status).toBe(400);
    expect(snapshot(userData)).toEqual(before);
  });
});
