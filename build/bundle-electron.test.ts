// The preload bundle as Electron would load it: run in a sandbox-like scope
// where `require` knows only `electron`, it must expose exactly the contract's
// methods as window.api and route them to the one IPC channel.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_METHODS } from '../electron/common/api/contract';
import { API_CHANNEL } from '../electron/common/api/channel';
import { bundlePreload, requiresIn } from './bundle-electron';

describe('preload bundle', () => {
  it('exposes exactly API_METHODS and requires nothing but electron', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-bundle-'));
    const file = path.join(dir, 'preload.cjs');
    await bundlePreload(file);
    const code = fs.readFileSync(file, 'utf8');
    expect(requiresIn(code)).toEqual(['electron']);
    expect(code.length).toBeLessThan(20_000);

    const exposed = new Map<string, Record<string, (a: unknown) => Promise<unknown>>>();
    const sent: unknown[][] = [];
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, value: Record<string, (a: unknown) => Promise<unknown>>) =>
          exposed.set(key, value),
      },
      ipcRenderer: {
        invoke: async (...args: unknown[]) => {
          sent.push(args);
          return { ok: true, result: 'fine' };
        },
      },
    };
    const sandboxRequire = (name: string): unknown => {
      if (name === 'electron') return electron;
      throw new Error(`module not found: ${name}`);
    };
    new Function('require', 'module', 'exports', code)(sandboxRequire, { exports: {} }, {});
    expect([...exposed.keys()]).toEqual(['api']);
    const api = exposed.get('api')!;
    expect(Object.keys(api).sort()).toEqual([...API_METHODS].sort());
    await expect(api.getToc!({})).resolves.toBe('fine');
    expect(sent).toEqual([[API_CHANNEL, 'getToc', {}]]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('finds requires in a bundle', () => {
    expect(requiresIn('var a=require("electron"),b=require(\'fs\');')).toEqual(['electron', 'fs']);
  });
});
