// What the main process does with one IPC call, without Electron: check the
// sender frame, run the contract's `invoke`, and wrap the outcome in an
// envelope (errors keep their typed code). ipc.ts binds this to ipcMain.
import { ApiError, invoke, isApiMethod, type ApiHandlers } from '../common/api/contract';
import type { ApiEnvelope } from '../common/api/channel';
import { isTrustedSender, type SenderFrameInfo } from './security';

export async function dispatchIpcCall(
  handlers: ApiHandlers,
  sender: SenderFrameInfo | null | undefined,
  method: unknown,
  args: unknown,
): Promise<ApiEnvelope> {
  if (!isTrustedSender(sender)) {
    return { ok: false, error: { code: 'forbidden', message: 'IPC call from an untrusted frame' } };
  }
  if (!isApiMethod(method)) {
    const name = typeof method === 'string' ? method.slice(0, 100) : typeof method;
    return { ok: false, error: { code: 'not_found', message: `unknown method: ${name}` } };
  }
  try {
    const result = await invoke(handlers, method, args);
    return { ok: true, result: result ?? null };
  } catch (err) {
    const apiError =
      err instanceof ApiError
        ? err
        : new ApiError('internal', err instanceof Error ? err.message : String(err));
    return { ok: false, error: apiError.toJSON() };
  }
}
