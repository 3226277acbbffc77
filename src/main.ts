import { mount } from 'svelte';
import { registerSW } from 'virtual:pwa-register';
import App from './app/App.svelte';
import { t } from './app/i18n/messages.ts';
import { appUpdate } from './app/state/app-update.svelte.ts';
import './app/app.css';

// index.html carries the same defaults so the page has a title and language before this runs.
document.documentElement.lang = t.lang;
document.title = t.app.title;
appUpdate.attach(registerSW);
mount(App, { target: document.getElementById('app')! });
