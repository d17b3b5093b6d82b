// `backup list [--json]`, `backup now`, `backup restore <name>`, `backup delete
// <name>`: the verified backups of user.sqlite, newest first, with their total size.
// Automatic ones are thinned by the retention policy; manual ones and those taken
// before a restore or an import are kept until deleted here (or in the app). A
// restore first saves the current state as a 'pre-restore' backup, so it can itself
// be undone.
import type { BackupEntry } from '../../common/api/types';
import { UsageError, type Command } from '../command';

const totalBytes = (list: BackupEntry[]): number => list.reduce((n, b) => n + b.bytes, 0);

export const backupCommand: Command = {
  name: 'backup',
  summary: 'List, take, restore or delete backups of the notes database',
  usage: 'hakusho backup list [--json] | backup now | backup restore <name> | backup delete <name>',
  data: (input) => (input.positionals[0] === 'list' ? 'reads' : 'writes'),
  async run(input, session, io) {
    const [sub, name, extra] = input.positionals;
    if (sub === 'list') {
      const list = await session.call('listBackups', {});
      if (input.json) io.out(JSON.stringify(list, null, 2));
      else
        io.out(
          list.length === 0
            ? 'No backups yet.'
            : [
                ...list.map(
                  (b) =>
                    `${b.name}  ${b.createdAt}  ${b.reason}${b.kept ? ' (kept until deleted)' : ''}  ${b.bytes} bytes`,
                ),
                `${list.length} backup(s), ${totalBytes(list)} bytes in all`,
              ].join('\n'),
        );
      return 0;
    }
    if (sub === 'now') {
      if (name !== undefined) throw new UsageError('backup now: takes no argument');
      const info = await session.call('createBackup', {});
      io.out(
        input.json
          ? JSON.stringify({ name: info.name, createdAt: info.createdAt })
          : `Backup ${info.name}`,
      );
      return 0;
    }
    if (sub === 'restore' || sub === 'delete') {
      if (!name || extra !== undefined)
        throw new UsageError(`backup ${sub}: expected one backup name (see backup list)`);
      if (sub === 'delete') {
        const deleted = await session.call('deleteBackup', { name });
        io.out(
          input.json
            ? JSON.stringify(deleted)
            : `Deleted ${deleted.name} (${deleted.bytes} bytes).`,
        );
        return 0;
      }
      const restored = await session.call('restoreBackup', { name });
      io.out(
        input.json
          ? JSON.stringify(restored)
          : `Restored ${restored.name} (${restored.createdAt}). The previous state was saved as a pre-restore backup.`,
      );
      return 0;
    }
    throw new UsageError('backup: expected "list", "now", "restore <name>" or "delete <name>"');
  },
};
