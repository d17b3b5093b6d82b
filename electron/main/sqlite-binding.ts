// Which compiled better-sqlite3 module the desktop app loads. `npm start` builds
// an Electron copy beside the checkout's Node build and names it in
// HAKUSHO_SQLITE_BINDING; a packaged app ignores that variable (its own
// node_modules were rebuilt for Electron by `npm run dist`, and a packaged app
// must not load native code named by its environment).
import { SQLITE_BINDING_ENV } from '../core/sqlite';

/** The `.node` file to hand to setSqliteNativeBinding(), or null for the default module. */
export function sqliteBindingFor(env: NodeJS.ProcessEnv, packaged: boolean): string | null {
  if (packaged) return null;
  const value = env[SQLITE_BINDING_ENV];
  return value === undefined || value === '' ? null : value;
}
