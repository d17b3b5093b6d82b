export {};
import fs from 'node:fs';
import { importDocument } from '../../electron/core/import/import';
const [file] = process.argv.slice(2);
const t0 = performance.now();
let last = t0;
await importDocument({
  bytes: new Uint8Array(fs.readFileSync(file!)),
  name: file!,
  target: '/tmp/exp/t.sqlite',
  onProgress: (p) => {
    const now = performance.now();
    if (p.phase !== 'pages' || p.done === p.total)
      console.log(p.phase, p.done, p.total, Math.round(now - last));
    last = now;
  },
});
console.log('total', Math.round(performance.now() - t0));
