// Preload of the one window (sandboxed, context-isolated). It exposes the
// contract as `window.api` — the methods by name, nothing else — and keeps
// ipcRenderer to itself. The method list is the contract's API_METHODS,
// injected at bundle time (build/bundle-electron.ts) as a JSON constant.
import { contextBridge, ipcRenderer } from 'electron';
import { API_CHANNEL } from '../common/api/channel';
import { buildApi } from './api';

declare const __HAKUSHO_API_METHODS__: readonly string[];

contextBridge.exposeInMainWorld(
  'api',
  buildApi(__HAKUSHO_API_METHODS__, (method, args) =>
    ipcRenderer.invoke(API_CHANNEL, method, args),
  ),
);
