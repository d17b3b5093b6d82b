// Which compiled better-sqlite3 module the desktop app loads. `npm start` builds
// an Electron copy beside the checkout's Node build and names it in
// HAKUSHO_SQLITE_BINDING. Only a development run (run-mode.ts) honours it: an
// installed app loads the module `npm run dist` rebuilt for Electron, and must
// never load native code named by its environment — also when its binary is
// renamed `electron`, which makes Electron report it as not packaged.
import { SQLITE_BINDING_ENV } from '../core/sqlite';

/** The `.node` file to hand to setSqliteNativeBinding(), or null for the default module. */
export function sqliteBindingFor(env: NodeJS.ProcessEnv, development: boolean): string | null {
  if (!development) return null;
  const value = env[SQLITE_BINDING_ENV];
  return value === undefined || value === '' ? null : value;
}
