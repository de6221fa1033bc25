import { createApp } from 'vue';
import { showLocalInbox } from '../shared/inbox.js';
import { startLangSwitch } from '../shared/lang.js';
import App from './App.vue';

startLangSwitch();

createApp(App).mount('#app');
// A development aid outside the app: the codes of the local service (never with a real pool).
showLocalInbox(document.body);
