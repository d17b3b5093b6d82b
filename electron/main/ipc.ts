// Binds the contract to Electron IPC: one `invoke` channel, every call checked
// against the sender frame (our own top-level app:// document only) before the
// handlers see it. The logic lives in ipc-dispatch.ts, which is unit-tested.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ApiHandlers } from '../common/api/contract';
import { API_CHANNEL } from '../common/api/channel';
import { dispatchIpcCall } from './ipc-dispatch';
import type { SenderFrameInfo } from './security';

function senderFrameInfo(event: IpcMainInvokeEvent): SenderFrameInfo | null {
  const frame = event.senderFrame;
  if (!frame || frame.isDestroyed()) return null;
  return { url: frame.url, isMainFrame: frame.parent === null && frame === event.sender.mainFrame };
}

export function bindContract(ipcMain: IpcMain, handlers: ApiHandlers): () => void {
  ipcMain.handle(API_CHANNEL, (event, method: unknown, args: unknown) =>
    dispatchIpcCall(handlers, senderFrameInfo(event), method, args),
  );
  return () => ipcMain.removeHandler(API_CHANNEL);
}
