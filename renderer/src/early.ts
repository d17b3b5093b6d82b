// The page's first script: it sends the start's requests (./lib/boot.ts) and nothing else.
// It is an entry of its own (renderer/vite.config.ts puts it before the app's) so that it
// runs as soon as its few kilobytes are in, while the browser is still compiling the app's
// bundle — a new tab's main thread waits about a hundred milliseconds on that compile here.
// The host's answers then arrive during the compile instead of after it. The app's entry
// (./main.ts) takes them over through the same module instance, so they go out once.
import { startBootRequests } from './lib/boot';

startBootRequests();
