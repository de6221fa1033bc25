import { createApp } from 'vue';
import { startLangSwitch } from '../shared/lang.js';
import App from './App.vue';

startLangSwitch();

createApp(App).mount('#app');
