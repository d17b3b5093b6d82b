// Entry point: the global stylesheet and the Svelte app; the bundled fonts follow
// once the app has painted (see ./fonts.ts).
import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');

const app = mount(App, { target });
requestAnimationFrame(() => {
  void import('./fonts');
});

export default app;
