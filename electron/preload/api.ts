// The object the preload exposes as `window.api`: exactly one function per
// contract method, by name, each sending (method, args) on the one IPC channel
// and unwrapping the envelope. Errors reject with a plain `{code, message}`
// (a plain object survives the context bridge; an Error's fields would not).
// No other function, and never ipcRenderer itself, crosses into the page.
import type { ApiClient, ApiErrorBody } from '../common/api/contract';
import type { ApiEnvelope } from '../common/api/envelope';

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
