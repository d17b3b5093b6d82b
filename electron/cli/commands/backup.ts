// `backup list [--json]`, `backup restore <name>`, `backup now`: the verified
// backups of user.sqlite (newest first, the last 10 kept). A restore first saves
// the current state as a 'pre-restore' backup, so it can itself be undone.
import { UsageError, type Command } from '../command';

export const backupCommand: Command = {
  name: 'backup',
  summary: 'List, take or restore backups of the notes database',
  usage: 'hakusho backup list [--json] | backup now | backup restore <name>',
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
            : list
                .map((b) => `${b.name}  ${b.createdAt}  ${b.reason}  ${b.bytes} bytes`)
                .join('\n'),
        );
      return 0;
    }
    if (sub === 'now') {
      const info = await session.call('createBackup', {});
      io.out(
        input.json
          ? JSON.stringify({ name: info.name, createdAt: info.createdAt })
          : `Backup ${info.name}`,
      );
      return 0;
    }
    if (sub === 'restore') {
      if (!name || extra !== undefined)
        throw new UsageError('backup restore: expected one backup name (see backup list)');
      const restored = await session.call('restoreBackup', { name });
      io.out(
        input.json
          ? JSON.stringify(restored)
          : `Restored ${restored.name} (${restored.createdAt}). The previous state was saved as a pre-restore backup.`,
      );
      return 0;
    }
    throw new UsageError('backup: expected "list", "now" or "restore <name>"');
  },
};
