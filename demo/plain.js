// The page's own script: plain JavaScript, no build step. It only listens: the elements do the rest.
import { isLocalEndpoint, mountLocalInbox } from './shared/local-inbox.js';

const greeting = document.querySelector('#greeting');
const events = document.querySelector('#events');

function log(event) {
  const item = document.createElement('li');
  const name = document.createElement('strong');
  name.textContent = event.type;
  item.append(name, ` ${JSON.stringify(event.detail)}`);
  events.prepend(item);
}

document.addEventListener('cognito-signed-in', (event) => {
  greeting.textContent = `Hello, ${event.detail.user.email}! (${event.detail.reason})`;
  log(event);
});
document.addEventListener('cognito-signed-out', (event) => {
  greeting.textContent = '';
  log(event);
});
document.addEventListener('cognito-auth-change', (event) => {
  // Also covers a session restored on load, which is not a new sign-in.
  if (event.detail.status === 'signedIn') greeting.textContent ||= `Hello, ${event.detail.user.email}!`;
  log(event);
});
document.addEventListener('cognito-next-step', log);
document.addEventListener('cognito-account-created', log);
document.addEventListener('cognito-password-reset', log);
document.addEventListener('cognito-error', log);

// Against the local service (an endpoint on this machine) the codes it "sends" are listed on the page; a real
// pool (no endpoint attribute) sends them by email, and the inbox is not shown.
const endpoint = document.querySelector('cognito-authenticator')?.getAttribute('endpoint') ?? '';
if (isLocalEndpoint(endpoint))
  mountLocalInbox({ endpoint, parent: document.body, before: events.previousElementSibling });
