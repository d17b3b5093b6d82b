// Entry point: the global stylesheet and the Svelte app. The bundled fonts are
// loaded by the app once the first section has painted (see ./fonts.ts).
import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { startBootRequests } from './lib/boot';

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');

// The start's requests go out before the frame is built (see ./lib/boot.ts).
startBootRequests();

export default mount(App, { target });
