// Preload of the one window (sandboxed, context-isolated). It exposes the
// contract as `window.api` — the methods by name, nothing else — and keeps
// ipcRenderer to itself.
import { contextBridge, ipcRenderer } from 'electron';
import { API_CHANNEL } from '../common/api/channel';
import { buildApi } from './api';

contextBridge.exposeInMainWorld(
  'api',
  buildApi((method, args) => ipcRenderer.invoke(API_CHANNEL, method, args)),
);
