import { mount } from 'svelte';
import { startLangSwitch } from '../shared/lang.js';
import App from './App.svelte';

startLangSwitch();

mount(App, { target: document.querySelector('#app')! });
