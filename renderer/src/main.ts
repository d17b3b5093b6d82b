// Entry point: the global stylesheet and the Svelte app. The bundled fonts are
// loaded by the app once the first section has painted (see ./fonts.ts).
import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { bootAnswered, startBootRequests } from './lib/boot';

/** How long the frame waits for the start's answers before it is shown without them. */
const BOOT_WAIT_MS = 500;

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');

// The start's requests go out before the frame is built, and the frame is built once they
// are answered: the frame and the first text are laid out and painted once (./lib/boot.ts).
startBootRequests();
await bootAnswered(BOOT_WAIT_MS);

export default mount(App, { target });
