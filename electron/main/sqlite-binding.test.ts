// The hand-over of the Electron build of better-sqlite3 from `npm start`.
import { describe, expect, it } from 'vitest';
import { SQLITE_BINDING_ENV } from '../core/sqlite';
import { sqliteBindingFor } from './sqlite-binding';

describe('sqliteBindingFor', () => {
  it('takes the path npm start hands over in a checkout', () => {
    const env = { [SQLITE_BINDING_ENV]: '/repo/.cache/electron-native/x/better_sqlite3.node' };
    expect(sqliteBindingFor(env, false)).toBe(env[SQLITE_BINDING_ENV]);
  });

  it('is absent when not handed over', () => {
    expect(sqliteBindingFor({}, false)).toBeNull();
    expect(sqliteBindingFor({ [SQLITE_BINDING_ENV]: '' }, false)).toBeNull();
  });

  it('is ignored by a packaged app, whose node_modules hold the Electron build', () => {
    expect(sqliteBindingFor({ [SQLITE_BINDING_ENV]: '/tmp/evil.node' }, true)).toBeNull();
  });
});
