// The hand-over of the Electron build of better-sqlite3 from `npm start`.
import { describe, expect, it } from 'vitest';
import { SQLITE_BINDING_ENV } from '../core/sqlite';
import { sqliteBindingFor } from './sqlite-binding';

describe('sqliteBindingFor', () => {
  it('takes the path npm start hands over in a development run', () => {
    const env = { [SQLITE_BINDING_ENV]: '/repo/.cache/electron-native/x/better_sqlite3.node' };
    expect(sqliteBindingFor(env, true)).toBe(env[SQLITE_BINDING_ENV]);
  });

  it('is absent when not handed over', () => {
    expect(sqliteBindingFor({}, true)).toBeNull();
    expect(sqliteBindingFor({ [SQLITE_BINDING_ENV]: '' }, true)).toBeNull();
  });

  it('is ignored by a release run, whose node_modules hold the Electron build', () => {
    expect(sqliteBindingFor({ [SQLITE_BINDING_ENV]: '/tmp/evil.node' }, false)).toBeNull();
  });
});
