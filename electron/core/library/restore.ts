// What must hold before a backup may replace user.sqlite: it is one of ours (by
// exact name, no paths), it can be read, this app knows its schema, and it passes
// SQLite's integrity check. Checked before anything is touched, so a refused
// restore changes nothing.
import { ApiError } from '../../common/api/contract';
import { findBackup, readBackupState, type BackupInfo } from './backups';
import { LATEST_VERSION } from './migrations/index';
import { integrityCheck, NewerDatabaseError } from './user-db';

export function restorableBackup(userDataDir: string, name: string): BackupInfo {
  const backup = findBackup(userDataDir, name);
  const state = readBackupState(backup.path);
  if (!state) throw new ApiError('invalid_input', `backup ${name} cannot be read`);
  if (state.version > LATEST_VERSION)
    throw new NewerDatabaseError(backup.path, state.version, LATEST_VERSION);
  const check = integrityCheck(backup.path);
  if (check !== 'ok') throw new ApiError('invalid_input', `backup ${name} is damaged: ${check}`);
  return backup;
}
