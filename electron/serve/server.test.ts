// The browser edition's HTTP host against hostile requests: wrong Host (DNS
// rebinding), wrong Origin, missing or wrong token, path traversal in every
// spelling, oversized bodies, non-JSON content types; and the contract over
// HTTP: typed 400 for invalid arguments, 404 for unknown methods.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS } from '../common/api/contract';
import { CONTENT_SECURITY_POLICY } from '../common/csp';
import { createHandlers } from '../core/api';
import { memoryContentStore } from '../core/testing/content-store';
import { searchResponse } from '../core/testing/search-response';
import { tempLibrary } from '../core/testing/user-data';
import { bearerToken, startServer, type RunningServer } from './server';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(
  port: number,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** Sends a request line verbatim (http.request would normalise the path). */
function rawRequest(port: number, lines: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    });
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
}

let dir: string;
let user: ReturnType<typeof tempLibrary>;
let server: RunningServer;
let auth: string;
let host: string;
const secret = 'SECRET-OUTSIDE-THE-ROOT';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-serve-'));
  const root = path.join(dir, 'dist');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>白書</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'secret.txt'), secret);
  fs.writeFileSync(path.join(dir, 'dist-secret.txt'), secret);
  fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(root, 'link.txt'));
  user = tempLibrary();
  const handlers = createHandlers({
    content: memoryContentStore(),
    search: {
      search: (q, o) =>
        searchResponse(q, [
          {
            kind: 'text',
            sectionId: 's1-3',
            title: '3．半導体産業政策',
            path: ['第１節 米国', '3．半導体産業政策'],
            paragraphId: 's1-3.p1',
            snippet: q,
            highlights: [[0, q.length]],
            hits: o.limit ?? 0,
            score: 1,
            ranges: [],
          },
        ]),
    },
    library: user.library,
    host: { kind: 'browser', version: '9.9.9', userDataDir: dir },
  });
  server = await startServer({ handlers, rendererDir: root, maxBodyBytes: 4096 });
  host = `127.0.0.1:${server.port}`;
  auth = `Bearer ${server.token}`;
});

afterAll(async () => {
  await server.close();
  user.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  request(server.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: {
      Host: host,
      Authorization: auth,
      'Content-Type': 'application/json',
      Origin: server.origin,
      ...headers,
    },
    body: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body),
  });

describe('token', () => {
  it('uses a token of at least 128 bits, printed in the URL', () => {
    expect(Buffer.from(server.token, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
  });

  it('gives a different token to every run', async () => {
    const otherUser = tempLibrary();
    const other = await startServer({
      handlers: createHandlers({
        content: memoryContentStore(),
        search: null,
        library: otherUser.library,
      }),
      rendererDir: dir,
    });
    expect(other.token).not.toBe(server.token);
    await other.close();
    otherUser.cleanup();
  });

  it('serves the page at the startup URL and sets no cookie (the page keeps the token)', async () => {
    const reply = await request(server.port, {
      path: `/?token=${server.token}`,
      headers: { Host: host },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('白書');
    expect(reply.headers['set-cookie']).toBeUndefined();
    expect(reply.headers['referrer-policy']).toBe('no-referrer');
  });

  it('refuses a wrong startup token', async () => {
    const reply = await request(server.port, {
      path: `/?token=${'A'.repeat(server.token.length)}`,
      headers: { Host: host },
    });
    expect(reply.status).toBe(403);
    expect(reply.headers['set-cookie']).toBeUndefined();
  });

  it('refuses API calls without the bearer token or with a wrong one, and never takes it from a cookie', async () => {
    const variants: Record<string, string>[] = [
      { Authorization: '' },
      { Authorization: 'Bearer wrong' },
      { Authorization: `Bearer ${server.token}x` },
      { Authorization: `Basic ${server.token}` },
      { Authorization: `bearer ${server.token} extra` },
      { Authorization: '', Cookie: `hakusho_token=${server.token}` },
      { Authorization: '', Cookie: `token=${server.token}` },
    ];
    for (const headers of variants) {
      const call = await api('getToc', {}, headers);
      expect(call.status, JSON.stringify(headers)).toBe(403);
      expect(JSON.parse(call.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(bearerToken(`Bearer ${server.token}`)).toBe(server.token);
    expect(bearerToken(undefined)).toBeUndefined();
  });

  it('serves the renderer (no user data in it) to any loopback request, with the Electron CSP', async () => {
    const reply = await request(server.port, { path: '/', headers: { Host: host } });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('白書');
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['cross-origin-resource-policy']).toBe('same-origin');
    const js = await request(server.port, { path: '/assets/app.js', headers: { Host: host } });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });
});

describe('the index page', () => {
  it('says the reader’s theme and language when asked with the token, and only then', async () => {
    const page = '<!doctype html><html lang="ja"><title>白書</title></html>';
    fs.writeFileSync(path.join(dir, 'dist', 'index.html'), page);
    try {
      expect((await api('setPrefs', { theme: 'sepia', language: 'en' })).status).toBe(200);
      const mine = await request(server.port, {
        path: `/?token=${server.token}`,
        headers: { Host: host },
      });
      expect(mine.status).toBe(200);
      expect(mine.body).toBe(
        page.replace('<html lang="ja">', '<html lang="en" data-theme="sepia">'),
      );
      expect(Number(mine.headers['content-length'])).toBe(Buffer.byteLength(mine.body));
      const anyone = await request(server.port, { path: '/', headers: { Host: host } });
      expect(anyone.body).toBe(page);
    } finally {
      await api('setPrefs', { theme: 'system', language: 'ja' });
      fs.writeFileSync(path.join(dir, 'dist', 'index.html'), '<!doctype html><title>白書</title>');
    }
  });

  it('is served as it is when the preferences cannot be read', async () => {
    const page = '<!doctype html><html lang="ja"><title>白書</title></html>';
    const root = fs.mkdtempSync(path.join(dir, 'refused-'));
    fs.writeFileSync(path.join(root, 'index.html'), page);
    const refusing = tempLibrary();
    const handlers = createHandlers({
      content: memoryContentStore(),
      search: null,
      library: refusing.library,
    });
    const broken = await startServer({
      handlers: {
        ...handlers,
        getPrefs: () => {
          throw new Error('user.sqlite is locked by another process');
        },
      },
      rendererDir: root,
    });
    try {
      const reply = await request(broken.port, {
        path: `/?token=${broken.token}`,
        headers: { Host: `127.0.0.1:${broken.port}` },
      });
      expect(reply.status).toBe(200);
      expect(reply.body).toBe(page);
    } finally {
      await broken.close();
      refusing.cleanup();
    }
  });
});

describe('Host header (DNS rebinding)', () => {
  it.each([
    'attacker.example',
    'attacker.example:PORT',
    '127.0.0.1.attacker.example:PORT',
    'localhost.attacker.example:PORT',
    '127.0.0.1:1',
    '127.0.0.1',
    '0.0.0.0:PORT',
    '[::ffff:127.0.0.1]:PORT',
  ])('refuses Host %j', async (value) => {
    const h = value.replace('PORT', String(server.port));
    const page = await request(server.port, { path: '/', headers: { Host: h } });
    expect(page.status).toBe(421);
    const call = await api('getToc', {}, { Host: h });
    expect(call.status).toBe(421);
  });

  it('refuses a missing or empty Host', async () => {
    for (const hostLine of [[], ['Host: ']]) {
      const reply = await rawRequest(server.port, [
        'GET / HTTP/1.1',
        ...hostLine,
        'Connection: close',
      ]);
      expect(reply).toMatch(/^HTTP\/1\.1 (400|421) /);
      expect(reply).not.toContain('白書');
    }
  });

  it.each(['127.0.0.1', 'localhost', 'LOCALHOST', '[::1]'])('accepts %s', async (name) => {
    const reply = await request(server.port, {
      path: '/',
      headers: { Host: `${name}:${server.port}` },
    });
    expect(reply.status).toBe(200);
  });
});

describe('API requests', () => {
  it('answers a valid call with {ok:true,result}', async () => {
    const reply = await api('getToc', {});
    expect(reply.status).toBe(200);
    const body = JSON.parse(reply.body);
    expect(body.ok).toBe(true);
    expect(body.result.map((e: { id: string }) => e.id)).toEqual(['s1', 's1-3']);
    expect(reply.headers['cache-control']).toBe('no-store');
  });

  it('routes every contract method (none is a 404)', async () => {
    for (const method of API_METHODS) {
      const reply = await api(method, {});
      expect(reply.status, method).not.toBe(404);
    }
  });

  it.each([
    ['http://attacker.example', {}],
    ['http://127.0.0.1.attacker.example', {}],
    ['null', {}],
    ['http://127.0.0.1:1', {}],
    ['https://127.0.0.1:PORT', {}],
  ])('refuses Origin %s', async (origin) => {
    const reply = await api(
      'setPrefs',
      { theme: 'dark' },
      {
        Origin: origin.replace('PORT', String(server.port)),
      },
    );
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body).error.code).toBe('forbidden');
    const prefs = JSON.parse((await api('getPrefs', {})).body).result;
    expect(prefs.theme).not.toBe('dark');
  });

  it('refuses a cross-site fetch marked by Sec-Fetch-Site', async () => {
    const reply = await api('getToc', {}, { 'Sec-Fetch-Site': 'cross-site' });
    expect(reply.status).toBe(403);
  });

  it.each([
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json; charset=latin1',
    'application/jsonx',
  ])('refuses Content-Type %s with 415', async (type) => {
    const reply = await api('getToc', {}, { 'Content-Type': type });
    expect(reply.status).toBe(415);
    expect(JSON.parse(reply.body).error.code).toBe('invalid_input');
  });

  it('lets an import file through past the ordinary limit, still bounded', async () => {
    // 4 KiB is this server's ordinary limit; an annotation export is a whole file.
    const body = JSON.stringify({ body: 'x'.repeat(64 * 1024) });
    const reply = await api('importAnnotations', body);
    expect(reply.status).not.toBe(413);
    expect(JSON.parse(reply.body).error?.code).not.toBe('too_large');
  });

  it('takes an import file itself as application/octet-stream, for that method only', async () => {
    const bytes = Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    const file = await api('importAnnotations', bytes, {
      'Content-Type': 'application/octet-stream',
    });
    // The bytes pass the contract's check as {file} and reach the handler undecoded
    // (this host has no notes library: the handler itself answers; the browser
    // edition's tests import real files this way).
    expect(file.status).toBe(503);
    expect(JSON.parse(file.body).error.message).toMatch(/not available in this host/);
    const other = await api('getToc', Buffer.from('{}'), {
      'Content-Type': 'application/octet-stream',
    });
    expect(other.status).toBe(415);
    // As JSON, an import stays bounded: a larger file is sent as itself.
    const raw = await rawRequest(server.port, [
      'POST /api/importAnnotations HTTP/1.1',
      `Host: ${host}`,
      `Authorization: ${auth}`,
      'Content-Type: application/json',
      `Content-Length: ${9 * 1024 * 1024}`,
      '',
      'x'.repeat(100),
    ]);
    expect(raw).toMatch(/^HTTP\/1\.1 413 /);
    expect(raw).toMatch(/application\/octet-stream/);
  });

  it('refuses a body over the limit with 413, declared or streamed', async () => {
    const big = JSON.stringify({ query: 'あ'.repeat(3000) });
    const declared = await api('search', big);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error.code).toBe('too_large');
    // The rest of the body is not read: the reply says the connection closes, and it does.
    expect(declared.headers.connection).toBe('close');
    const raw = await rawRequest(server.port, [
      'POST /api/search HTTP/1.1',
      `Host: ${host}`,
      `Authorization: ${auth}`,
      'Content-Type: application/json',
      'Content-Length: 100000',
      '',
      'x'.repeat(100),
    ]);
    expect(raw).toMatch(/^HTTP\/1\.1 413 /);
    expect(raw).toMatch(/\r\nConnection: close\r\n/i);
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: '/api/search',
          headers: {
            Host: host,
            Authorization: auth,
            'Content-Type': 'application/json',
            'Transfer-Encoding': 'chunked',
          },
          agent: false,
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 10; i += 1) req.write('x'.repeat(1000));
      req.end();
    });
    expect(chunked).toBe(413);
  });

  it('answers invalid arguments with a typed 400', async () => {
    for (const [method, body] of [
      ['getSection', {}],
      ['getSection', { id: '../etc' }],
      ['getSections', {}],
      ['getSections', { ids: [] }],
      ['getSections', { ids: ['s1', 's1'] }],
      ['getSections', { ids: Array.from({ length: 33 }, (_, i) => `s${i}`) }],
      ['getToc', { extra: 1 }],
      ['setPrefs', { fontSize: 1000 }],
      ['setPosition', { sectionId: 's1', scroll: 2 }],
      ['search', { query: 1 }],
      ['getToc', '[1,2'],
      ['getToc', Buffer.from([0x7b, 0xff, 0x7d])],
    ] as const) {
      const reply = await api(method, body);
      expect(reply.status, `${method} ${String(body)}`).toBe(400);
      const parsed = JSON.parse(reply.body);
      expect(parsed).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(typeof parsed.error.message).toBe('string');
    }
  });

  it('answers an unknown method with 404 and a missing section with a typed 404', async () => {
    for (const method of ['nope', 'constructor', '__proto__', 'toString', 'getToc/extra']) {
      const reply = await api(method, {});
      expect(reply.status, method).toBe(404);
      expect(JSON.parse(reply.body).error.code).toBe('not_found');
    }
    const missing = await api('getSection', { id: 'no-such-section' });
    expect(missing.status).toBe(404);
    const among = await api('getSections', { ids: ['s1', 'no-such-section', 's1-3'] });
    expect(among.status).toBe(404);
    expect(JSON.parse(among.body)).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'no section with id "no-such-section"' },
    });
    const batch = await api('getSections', { ids: ['s1-3', 's1'] });
    expect(batch.status).toBe(200);
    const views = (JSON.parse(batch.body) as { result: { id: string }[] }).result;
    expect(views.map((v) => v.id)).toEqual(['s1-3', 's1']);
  });

  it('refuses other HTTP methods on the API', async () => {
    const reply = await request(server.port, {
      path: '/api/getToc',
      headers: { Host: host, Authorization: auth },
    });
    expect(reply.status).toBe(405);
  });

  it('keeps state across calls (prefs and position go to the library)', async () => {
    expect(
      JSON.parse((await api('setPrefs', { writingMode: 'vertical' })).body).result.writingMode,
    ).toBe('vertical');
    await api('setPosition', { sectionId: 's1-3', scroll: 0.25 });
    expect(JSON.parse((await api('getPosition', {})).body).result).toEqual({
      sectionId: 's1-3',
      scroll: 0.25,
    });
  });
});

describe('static files never escape the renderer build', () => {
  const traversals = [
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/../../secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
    '/%252e%252e/secret.txt',
    '/..\\secret.txt',
    '/%5c..%5csecret.txt',
    '/index.html%00.js',
    '/index.html%00',
    '//etc/passwd',
    '/link.txt',
    '/../dist-secret.txt',
    '/.%2e/secret.txt',
    '/%c0%ae%c0%ae/secret.txt',
  ];
  it.each(traversals)('does not serve %s', async (p) => {
    const reply = await rawRequest(server.port, [
      `GET ${p} HTTP/1.1`,
      `Host: ${host}`,
      'Connection: close',
    ]);
    expect(reply).not.toContain(secret);
    expect(reply).not.toContain('root:');
    expect(reply).toMatch(/^HTTP\/1\.1 (400|404) /);
  });

  it("answers the browser's own favicon request with 204, not a 404 in the console", async () => {
    const reply = await request(server.port, {
      path: '/favicon.ico',
      headers: { Host: host },
    });
    expect(reply.status).toBe(204);
    expect(reply.body).toBe('');
  });

  it('does not answer absolute-form request targets', async () => {
    const reply = await rawRequest(server.port, [
      `GET http://attacker.example/secret.txt HTTP/1.1`,
      `Host: ${host}`,
      'Connection: close',
    ]);
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
  });
});
