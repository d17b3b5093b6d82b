// The object the preload exposes as `window.api`: exactly one function per
// contract method, by name, each sending (method, args) on the one IPC channel
// and unwrapping the envelope (a file argument over its method's limit is refused
// before it is sent). Errors reject with a plain `{code, message}`
// (a plain object survives the context bridge; an Error's fields would not).
// No other function, and never ipcRenderer itself, crosses into the page.
import type { ApiClient, ApiErrorBody } from '../common/api/contract';
import type { ApiEnvelope } from '../common/api/envelope';
import { FILE_ARG_LIMITS, fileTooLargeMessage, isFileArgMethod } from '../common/api/file-args';

export type IpcInvoke = (method: string, args: unknown) => Promise<unknown>;

function isEnvelope(value: unknown): value is ApiEnvelope {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { ok?: unknown }).ok === 'boolean'
  );
}

/**
 * `methods` is the contract's API_METHODS. The preload bundle receives it as a
 * build-time constant (build/bundle-electron.ts), so the sandboxed preload does
 * not carry the contract's validation library.
 */
export function buildApi(methods: readonly string[], send: IpcInvoke): ApiClient {
  const api: Record<string, (args: unknown) => Promise<unknown>> = Object.create(null);
  for (const method of methods) {
    api[method] = async (args: unknown) => {
      // A file over its limit is refused here, before its bytes are copied to main.
      const file = (args as { file?: unknown } | null)?.file;
      if (isFileArgMethod(method) && file instanceof Uint8Array) {
        const limit = FILE_ARG_LIMITS[method];
        if (file.byteLength > limit) {
          const error: ApiErrorBody = {
            code: 'too_large',
            message: `${method}: ${fileTooLargeMessage(limit, file.byteLength)}`,
          };
          throw error;
        }
      }
      let reply: unknown;
      try {
        reply = await send(method, args ?? {});
      } catch (err) {
        const error: ApiErrorBody = {
          code: 'internal',
          message: err instanceof Error ? err.message : String(err),
        };
        throw error;
      }
      if (!isEnvelope(reply)) {
        const error: ApiErrorBody = { code: 'internal', message: `${method}: malformed reply` };
        throw error;
      }
      if (reply.ok) return reply.result;
      const error: ApiErrorBody = { code: reply.error.code, message: reply.error.message };
      throw error;
    };
  }
  return Object.freeze(api) as unknown as ApiClient;
}
