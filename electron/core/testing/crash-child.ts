// Child process of the crash test (../library/crash.test.ts): opens the library and writes
// annotations and reading positions in a loop, printing "ack …" on stdout only
// after each write has returned (committed). The parent kills it with SIGKILL at
// random moments and checks that every acknowledged write survived.
import { openLibrary } from '../library/library';

const dir = process.argv[2];
if (!dir) throw new Error('usage: crash-child <userDataDir>');
const lib = openLibrary(dir, { autoBackup: true, backupBurst: 25, backupQuietMs: 5 });
process.stdout.write('ready\n');
let n = 0;
for (;;) {
  n += 1;
  const note = `pid ${process.pid} note ${n} ${'本文'.repeat(n % 50)}`;
  const record = lib.annotations.create({
    kind: 'section-note',
    sectionId: 's-us',
    color: 'yellow',
    note,
    tags: [`t${n % 3}`],
    target: null,
    anchor: 'anchored',
  });
  process.stdout.write(`ack annotation ${record.id} ${n}\n`);
  const scroll = (n % 100) / 100;
  process.stdout.write(`try position ${scroll}\n`);
  lib.setPosition({ sectionId: 's-us', scroll });
  process.stdout.write(`ack position ${scroll}\n`);
  if (n % 10 === 0) {
    // Let timers (automatic backups) run now and then, so kills also land during a backup.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
