// The import's worker-thread entry: runs importDocument() off the caller's thread (a
// large PDF takes seconds of CPU), reports progress, and stops at the next step when
// told to abort. Started by ./worker-client.ts; a packaged app bundles this file as
// its own entry. Holds no state between imports: one worker, one file.
import { parentPort } from 'node:worker_threads';
import { ImportError, reason } from './errors';
import { importDocument } from './import';
import type { FromWorker, ToWorker } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('electron/core/import/worker.ts runs in a worker thread');
const controller = new AbortController();
const send = (message: FromWorker) => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  if (message.type === 'abort') {
    controller.abort();
    return;
  }
  importDocument({
    bytes: message.bytes,
    name: message.name,
    target: message.target,
    ...(message.title !== undefined ? { title: message.title } : {}),
    ...(message.documentId !== undefined ? { documentId: message.documentId } : {}),
    ...(message.limits !== undefined ? { limits: message.limits } : {}),
    signal: controller.signal,
    onProgress: (progress) => send({ type: 'progress', progress }),
  }).then(
    (result) => send({ type: 'done', result }),
    (err: unknown) =>
      send(
        err instanceof ImportError
          ? { type: 'error', code: err.code, message: err.message }
          : {
              type: 'error',
              code: 'damaged',
              message: `${message.name}: import failed (${reason(err)})`,
            },
      ),
  );
});
