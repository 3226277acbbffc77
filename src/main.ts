import { mount } from 'svelte';
import { registerSW } from 'virtual:pwa-register';
import App from './app/App.svelte';
import { appUpdate } from './app/state/app-update.svelte.ts';
import './app/app.css';

appUpdate.attach(registerSW);
mount(App, { target: document.getElementById('app')! });
