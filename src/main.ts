import { mount } from 'svelte';
import { registerSW } from 'virtual:pwa-register';
import App from './app/App.svelte';
import { appUpdate } from './app/state/app-update.svelte.ts';
import { theme } from './app/state/theme.svelte.ts';
import './app/app.css';

// Before the first paint: a chosen theme (the CSS follows the system's otherwise). The
// interface language and the title are set by App.
theme.apply();
appUpdate.attach(registerSW);
mount(App, { target: document.getElementById('app')! });
