// The only module that touches the transport. In Electron the preload exposes
// `window.api` (one promise-returning function per contract method); in the browser
// edition the same methods are `POST /api/<method>` with a JSON body (a file
// argument's bytes as the body itself, the other arguments as `?args=<json>`) and the header
// `Authorization: Bearer <token>`. The token comes from the URL the host printed
// (`?token=…`): it is moved into sessionStorage — which belongs to this origin, port
// included, and this tab — and out of the address bar at once. No cookie is involved
// (a cookie of 127.0.0.1 would be sent to every local port). Everything else in the
// renderer calls `api.<method>(args)` and never knows which host it runs under.
import type {
  ApiArgs,
  ApiClient,
  ApiErrorBody,
  ApiErrorCode,
  ApiMethod,
  ApiResult,
} from '../../../electron/common/api/contract';
import { withCurrentDocument } from './library/current-document';
import {
  FILE_ARG_LIMITS,
  fileTooLargeMessage,
  isFileArgMethod,
} from '../../../electron/common/api/file-args';

declare global {
  interface Window {
    api?: ApiClient;
  }
}

/** An error from the host, with the contract's typed code. */
export class ApiCallError extends Error {
  readonly code: ApiErrorCode;
  readonly method: ApiMethod;
  constructor(method: ApiMethod, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiCallError';
    this.code = body.code;
    this.method = method;
  }
}

/** Brings whatever a host rejected with into the contract's `{code, message}` shape. */
export function toErrorBody(raw: unknown): ApiErrorBody {
  if (raw && typeof raw === 'object') {
    const r = raw as { code?: unknown; message?: unknown };
    // Codes are the contract's (hosts may add transport ones such as 'forbidden');
    // anything that is not a short identifier becomes 'internal'.
    const code =
      typeof r.code === 'string' && /^[a-z_]{1,40}$/.test(r.code)
        ? (r.code as ApiErrorCode)
        : 'internal';
    const message = typeof r.message === 'string' ? r.message : String(raw);
    return { code, message };
  }
  return { code: 'internal', message: String(raw) };
}

/** Where the page keeps the browser edition's token (per origin and per tab). */
export const TOKEN_STORAGE_KEY = 'hakusho.token';
let token: string | null = null;

/**
 * The browser edition's session token: taken from the startup URL the first time
 * (and removed from the address bar, keeping the route), then read back from
 * sessionStorage, so a reload keeps working and another port never sees it.
 */
export function sessionToken(): string | null {
  if (token !== null) return token;
  if (typeof location === 'undefined' || typeof sessionStorage === 'undefined') return null;
  const url = new URL(location.href);
  const offered = url.searchParams.get('token');
  if (offered) {
    token = offered;
    try {
      sessionStorage.setItem(TOKEN_STORAGE_KEY, offered);
    } catch {
      // Storage refused (private mode quotas): the token still lasts for this page.
    }
    url.searchParams.delete('token');
    history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return token;
  }
  token = sessionStorage.getItem(TOKEN_STORAGE_KEY);
  return token;
}

/**
 * A file argument (`{file: bytes, …}`): the bytes are sent as the body itself, never
 * as JSON, and the method's other arguments as JSON in the query (`?args=`).
 */
function fileOf(args: unknown): { file: Uint8Array<ArrayBuffer>; rest: object } | null {
  if (!args || typeof args !== 'object') return null;
  const { file, ...rest } = args as { file?: unknown };
  return file instanceof Uint8Array ? { file: file as Uint8Array<ArrayBuffer>, rest } : null;
}

/**
 * Calls made as the page is left (the reading position, saved on pagehide) whose request
 * must outlive it: a plain fetch is cancelled with the document, and the reader reopened
 * at the place before. Small bodies only (keepalive requests share a 64 KB budget).
 */
const OUTLIVES_PAGE: ReadonlySet<ApiMethod> = new Set<ApiMethod>(['setPosition']);

async function overHttp<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<M>> {
  let response: Response;
  const bearer = sessionToken();
  const withFile = fileOf(args);
  if (withFile && isFileArgMethod(method) && withFile.file.byteLength > FILE_ARG_LIMITS[method])
    throw new ApiCallError(method, {
      code: 'too_large',
      message: `${method}: ${fileTooLargeMessage(FILE_ARG_LIMITS[method], withFile.file.byteLength)}`,
    });
  const query =
    withFile && Object.keys(withFile.rest).length > 0
      ? `?args=${encodeURIComponent(JSON.stringify(withFile.rest))}`
      : '';
  try {
    response = await fetch(`/api/${method}${query}`, {
      method: 'POST',
      headers: {
        'Content-Type': withFile ? 'application/octet-stream' : 'application/json',
        ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
      },
      credentials: 'omit',
      body: withFile ? withFile.file : JSON.stringify(args ?? {}),
      ...(OUTLIVES_PAGE.has(method) ? { keepalive: true } : {}),
    });
  } catch (err) {
    throw new ApiCallError(method, { code: 'unavailable', message: String(err) });
  }
  let payload: unknown;
  try {
    payload = await response.json();
  } catch {
    throw new ApiCallError(method, {
      code: response.ok ? 'internal' : 'unavailable',
      message: `HTTP ${response.status} without a JSON body`,
    });
  }
  const reply = payload as { ok?: boolean; result?: unknown; error?: unknown };
  if (response.ok && reply.ok === true) return reply.result as ApiResult<M>;
  throw new ApiCallError(
    method,
    toErrorBody(reply.error ?? { message: `HTTP ${response.status}` }),
  );
}

async function overPreload<M extends ApiMethod>(
  bridge: ApiClient,
  method: M,
  args: ApiArgs<M>,
): Promise<ApiResult<M>> {
  const fn = bridge[method] as (a: ApiArgs<M>) => Promise<ApiResult<M>>;
  try {
    return await fn(args);
  } catch (err) {
    throw new ApiCallError(method, toErrorBody(err));
  }
}

/**
 * Whether this is the browser edition (no preload bridge): then the browser's own keys
 * (Alt+←/→ Back and Forward) are left to it.
 */
export const inBrowser = typeof window !== 'undefined' && !window.api;

function call<M extends ApiMethod>(method: M, given: ApiArgs<M>): Promise<ApiResult<M>> {
  const bridge = typeof window !== 'undefined' ? window.api : undefined;
  // A call about "the document" is about the one this page reads (lib/library/current-document.ts).
  const args = withCurrentDocument(method, given) as ApiArgs<M>;
  return bridge ? overPreload(bridge, method, args) : overHttp(method, args);
}

/**
 * The contract as the renderer uses it. A proxy rather than a table built from the
 * contract's runtime list, so the renderer bundle does not carry zod: the method
 * names are checked at compile time by `ApiClient`, and at run time by the host.
 */
export const api: ApiClient = new Proxy({} as ApiClient, {
  get(_target, name) {
    if (typeof name !== 'string') return undefined;
    return (args: ApiArgs<ApiMethod>) => call(name as ApiMethod, args);
  },
});
