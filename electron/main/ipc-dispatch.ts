// What the main process does with one IPC call, without Electron: check the
// sender frame, then run the contract's `invoke` and wrap the outcome in an
// envelope (errors keep their typed code). ipc.ts binds this to ipcMain.
import { ApiError, isApiMethod, type ApiHandlers } from '../common/api/contract';
import { errorEnvelope, invokeEnvelope, type ApiEnvelope } from '../common/api/envelope';
import { isTrustedSender, type SenderFrameInfo } from './security';

export async function dispatchIpcCall(
  handlers: ApiHandlers,
  sender: SenderFrameInfo | null | undefined,
  method: unknown,
  args: unknown,
): Promise<ApiEnvelope> {
  if (!isTrustedSender(sender))
    return errorEnvelope(new ApiError('forbidden', 'IPC call from an untrusted frame'));
  if (!isApiMethod(method)) {
    const name = typeof method === 'string' ? method.slice(0, 100) : typeof method;
    return errorEnvelope(new ApiError('not_found', `unknown method: ${name}`));
  }
  return invokeEnvelope(handlers, method, args);
}
