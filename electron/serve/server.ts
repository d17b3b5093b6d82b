// The browser edition's HTTP host: the built renderer plus the contract as
// JSON (`POST /api/<method>`), on a loopback address only. A local web server
// is reachable by every web page the user opens, so each API call must prove it
// comes from the tab we launched:
//   - a per-run secret token (256 bits) in the printed URL, which the page keeps in
//     its sessionStorage (one per origin, port included) and sends on every API call
//     as `Authorization: Bearer <token>`. Never a cookie: browsers send a cookie of
//     127.0.0.1 to every port of it, so another local server (or a second instance,
//     whose cookie would replace ours) would receive or clobber it;
//   - the Host header must name a loopback address on our port (DNS rebinding);
//   - API calls must be same-origin (Origin / Sec-Fetch-Site) and JSON (no
//     CORS "simple request" form posts), with a bounded body.
// The static renderer files hold no user data: they are served to any loopback
// request for our Host. Handlers are called only through the contract's `invoke`,
// like every host.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, isApiMethod, type ApiErrorCode, type ApiHandlers } from '../common/api/contract';
import { errorEnvelope, invokeEnvelope } from '../common/api/envelope';
import { baseHeaders } from '../common/http-headers';
import { startPage } from '../core/start-page';
import type { Prefs } from '../common/rules/prefs';
import { FILE_ARG_LIMITS, fileTooLargeMessage, isFileArgMethod } from '../common/api/file-args';
import { openRendererFiles, type RendererFiles } from '../core/renderer-files';

/** Largest request body accepted (the largest valid argument is far smaller). */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;
/**
 * Methods whose argument is a whole file the reader chose (an annotation export, a
 * document to import) take the file itself as the body (`Content-Type:
 * application/octet-stream`): its bytes are gathered as they arrive and handed on
 * undecoded — decoding and parsing megabytes here would hold up every other request —
 * as the argument `file`. The method's other (small) arguments travel as JSON in the
 * query parameter `args`. The size is checked before the body is read (Content-Length)
 * and again while it streams, against FILE_ARG_LIMITS.
 */
export const FILE_BODY_QUERY = 'args';
/**
 * The same methods called with JSON get a larger body than other calls, bounded so
 * that decoding and parsing it stays short (notes: `{"body": "…"}`; a document's bytes
 * are never JSON).
 */
export const LARGE_BODY_LIMITS: Partial<Record<string, number>> = {
  importAnnotations: 8 * 1024 * 1024,
};

export interface ServerOptions {
  handlers: ApiHandlers;
  /** Folder of the built renderer (renderer/dist). */
  rendererDir: string;
  /** 0 or undefined: a free port. */
  port?: number;
  /** Only loopback addresses are accepted. */
  hostname?: '127.0.0.1' | '::1';
  /** Fixed token (tests); otherwise 32 random bytes per run. */
  token?: string;
  maxBodyBytes?: number;
  /** One line per unexpected failure (never request contents). */
  log?: (line: string) => void;
}

export interface RunningServer {
  /** Startup URL with the token: the page keeps the token for its session (sessionStorage). */
  url: string;
  /** Origin of the host (http://127.0.0.1:PORT). */
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const STATUS_OF: Record<ApiErrorCode, number> = {
  invalid_input: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unavailable: 503,
  internal: 500,
};

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Host header check: loopback names only, and our own port (DNS rebinding defence). */
export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  const match = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(hostHeader.trim().toLowerCase());
  if (!match || !match[1] || !match[2]) return false;
  return LOOPBACK_NAMES.has(match[1]) && Number(match[2]) === port;
}

/** Origin check: absent (a script holding the token) or exactly our origin. */
export function isAllowedOrigin(
  originHeader: string | undefined,
  hostHeader: string,
  port: number,
): boolean {
  if (originHeader === undefined) return true;
  const allowed = [`http://${hostHeader.toLowerCase()}`];
  for (const name of LOOPBACK_NAMES) allowed.push(`http://${name}:${port}`);
  return allowed.includes(originHeader.toLowerCase());
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer ([A-Za-z0-9_-]+)$/.exec(header.trim());
  return m ? m[1] : undefined;
}

function tokenMatches(candidate: string | undefined, token: string): boolean {
  if (candidate === undefined) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** The body's kind by its Content-Type: JSON arguments, a file's bytes, or neither. */
function bodyKind(header: string | undefined): 'json' | 'file' | null {
  if (!header) return null;
  const [type, ...params] = header.split(';').map((s) => s.trim().toLowerCase());
  if (type === 'application/octet-stream') return params.every((p) => p === '') ? 'file' : null;
  if (type !== 'application/json') return null;
  return params.every((p) => p === '' || p === 'charset=utf-8') ? 'json' : null;
}

class BodyTooLarge extends Error {}

/**
 * A file body's other arguments, from the query (`?args={…}`): an object without a
 * `file` of its own, or {} when absent; null when it is anything else.
 */
function fileArgsOf(query: URLSearchParams): Record<string, unknown> | null {
  const raw = query.get(FILE_BODY_QUERY);
  if (raw === null) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || 'file' in value)
    return null;
  return value as Record<string, unknown>;
}

/**
 * The body's bytes, copied chunk by chunk as they arrive into one buffer of their own
 * (sized by Content-Length, grown by doubling without one): no step at the end
 * touches the whole body, and the buffer can be handed to a worker as it is.
 */
function readBody(req: http.IncomingMessage, limit: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    let buffer = new Uint8Array(
      Number.isFinite(declared) && declared >= 0 ? declared : Math.min(limit, 64 * 1024),
    );
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      if (size + chunk.length > limit) {
        done = true;
        reject(new BodyTooLarge());
        return;
      }
      if (size + chunk.length > buffer.length) {
        const grown = new Uint8Array(
          Math.min(limit, Math.max(size + chunk.length, buffer.length * 2)),
        );
        grown.set(buffer.subarray(0, size));
        buffer = grown;
      }
      buffer.set(chunk, size);
      size += chunk.length;
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      resolve(size === buffer.length ? buffer : buffer.slice(0, size));
    });
    req.on('error', (err) => {
      if (done) return;
      done = true;
      reject(err);
    });
  });
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? crypto.randomBytes(32).toString('base64url');
  if (token.length < 22 || !/^[A-Za-z0-9_-]+$/.test(token)) {
    throw new Error('the token must be at least 128 bits of base64url');
  }
  const hostname = options.hostname ?? '127.0.0.1';
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const log = options.log ?? (() => {});
  const files: RendererFiles = openRendererFiles(options.rendererDir);
  let port = 0;

  const send = (
    res: http.ServerResponse,
    status: number,
    body: string | Buffer,
    headers: Record<string, string> = {},
    head = false,
  ): void => {
    if (res.headersSent) return;
    const payload = typeof body === 'string' ? Buffer.from(body) : body;
    res.writeHead(status, {
      ...baseHeaders(),
      'Content-Length': String(payload.length),
      ...headers,
    });
    res.end(head ? undefined : payload);
  };

  const sendJson = (
    res: http.ServerResponse,
    status: number,
    value: unknown,
    headers: Record<string, string> = {},
  ): void =>
    send(res, status, JSON.stringify(value), {
      'Content-Type': 'application/json; charset=utf-8',
      ...headers,
    });

  const sendError = (
    res: http.ServerResponse,
    code: ApiErrorCode,
    message: string,
    status = STATUS_OF[code],
  ): void => sendJson(res, status, errorEnvelope(new ApiError(code, message)));

  const sendText = (res: http.ServerResponse, status: number, text: string, head = false): void =>
    send(res, status, `${text}\n`, { 'Content-Type': 'text/plain; charset=utf-8' }, head);

  const handleApi = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    method: string,
    host: string,
    query: URLSearchParams,
  ): Promise<void> => {
    if (req.method !== 'POST') {
      sendError(res, 'invalid_input', 'the API accepts POST only', 405);
      return;
    }
    const site = req.headers['sec-fetch-site'];
    if (!isAllowedOrigin(req.headers.origin, host, port) || (site && site !== 'same-origin')) {
      sendError(res, 'forbidden', 'cross-origin request refused');
      return;
    }
    const kind = bodyKind(req.headers['content-type']);
    const fileBody = isFileArgMethod(method) ? { limit: FILE_ARG_LIMITS[method] } : null;
    if (kind === null || (kind === 'file' && !fileBody)) {
      sendError(
        res,
        'invalid_input',
        fileBody
          ? 'Content-Type must be application/json, or application/octet-stream with the file'
          : 'Content-Type must be application/json',
        415,
      );
      return;
    }
    if (!isApiMethod(method)) {
      sendError(res, 'not_found', `unknown method: ${method.slice(0, 100)}`);
      return;
    }
    const limit =
      kind === 'file' && fileBody
        ? fileBody.limit
        : Math.max(maxBody, LARGE_BODY_LIMITS[method] ?? 0);
    let body: Uint8Array;
    try {
      body = await readBody(req, limit);
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        const hint =
          kind === 'json' && fileBody
            ? ' (send a larger file itself: Content-Type application/octet-stream)'
            : '';
        const declared = Number(req.headers['content-length']);
        const message =
          kind === 'file'
            ? `${method}: ${fileTooLargeMessage(limit, Number.isFinite(declared) ? declared : undefined)}`
            : `request body exceeds ${limit} bytes${hint}`;
        // The rest of the upload is not read: say so, and close the connection.
        res.shouldKeepAlive = false;
        sendJson(res, 413, errorEnvelope(new ApiError('too_large', message)), {
          Connection: 'close',
        });
        req.resume();
        res.on('finish', () => req.socket.destroySoon());
        return;
      }
      throw err;
    }
    let args: unknown;
    if (kind === 'file') {
      const rest = fileArgsOf(query);
      if (rest === null) {
        sendError(
          res,
          'invalid_input',
          `the query parameter ${FILE_BODY_QUERY} is not a JSON object`,
        );
        return;
      }
      args = { ...rest, file: body };
    } else
      try {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
        args = text.trim().length === 0 ? {} : JSON.parse(text);
      } catch {
        sendError(res, 'invalid_input', 'the body is not valid UTF-8 JSON');
        return;
      }
    const reply = await invokeEnvelope(options.handlers, method, args);
    if (reply.ok) {
      sendJson(res, 200, reply);
      return;
    }
    if (reply.error.code === 'internal') log(`api ${method}: ${reply.error.message}`);
    sendJson(res, STATUS_OF[reply.error.code], reply);
  };

  /**
   * The index page in the reader's theme and language, as it is if they cannot be read.
   * Only a page asked for with the token (the URL the host printed) says them: without
   * it, the page is the same for every loopback client (the app drops the token from
   * the address bar, so a reload paints the default paper first).
   */
  const servedPage = async (data: Buffer): Promise<Buffer> => {
    const prefs = await invokeEnvelope(options.handlers, 'getPrefs', {});
    return prefs.ok ? Buffer.from(startPage(data.toString('utf8'), prefs.result as Prefs)) : data;
  };

  const handleStatic = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    rawPath: string,
    withToken: boolean,
  ): Promise<void> => {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      sendText(res, 405, 'method not allowed', head);
      return;
    }
    const hit = files.resolve(rawPath);
    if (!hit && rawPath === '/favicon.ico') {
      // Browsers ask for it on their own; the renderer declares its icons itself.
      send(res, 204, '', {}, head);
      return;
    }
    if (!hit) {
      sendText(
        res,
        404,
        files.ready() ? 'not found' : 'renderer not built: run npm run build:renderer',
        head,
      );
      return;
    }
    let data: Buffer;
    try {
      data = fs.readFileSync(hit.file);
    } catch {
      sendText(res, 404, 'not found', head);
      return;
    }
    if (withToken && hit.file === files.resolve('/')?.file) data = await servedPage(data);
    const cache = rawPath.startsWith('/assets/')
      ? 'private, max-age=31536000, immutable'
      : 'no-cache';
    send(res, 200, data, { 'Content-Type': hit.mime, 'Cache-Control': cache }, head);
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const host = req.headers.host;
    if (!host || !isAllowedHost(host, port)) {
      sendText(res, 421, 'this host answers loopback addresses only');
      return;
    }
    const rawUrl = req.url ?? '';
    if (!rawUrl.startsWith('/')) {
      sendText(res, 400, 'bad request');
      return;
    }
    const queryAt = rawUrl.indexOf('?');
    const rawPath = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
    const query = new URLSearchParams(queryAt === -1 ? '' : rawUrl.slice(queryAt + 1));

    if (rawPath.startsWith('/api/')) {
      if (!tokenMatches(bearerToken(req.headers.authorization), token)) {
        sendError(
          res,
          'forbidden',
          'missing or wrong token: send "Authorization: Bearer <token>" with the token of the URL the host printed',
        );
        return;
      }
      await handleApi(req, res, rawPath.slice('/api/'.length), host, query);
      return;
    }
    // The startup URL: a wrong token is told at once (the page would only fail later).
    const offered = query.get('token');
    if (offered !== null && !tokenMatches(offered, token)) {
      sendText(res, 403, 'wrong token: open the URL printed by npm run serve');
      return;
    }
    await handleStatic(req, res, rawPath, offered !== null);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log(`request failed: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) sendError(res, 'internal', 'internal error');
      else res.destroy();
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, hostname, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = hostname === '::1' ? `http://[::1]:${port}` : `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
