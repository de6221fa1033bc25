// React 19: custom elements natively — properties set as properties, `on<event-name>` props as listeners.
import { StrictMode, useState, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { getAuthStore } from '../../src/index.js';
// The JSX typings the package ships as `cognito-elements/react` (one line in an app).
import '../../src/react.js';
import { showLocalInbox } from '../shared/inbox.js';
import { currentLang, frameworkStrings, onLangChange, startLangSwitch } from '../shared/lang.js';
import { pool } from '../shared/pool.js';

const store = getAuthStore();
const subscribe = (onChange: () => void) => store.subscribe(onChange);
startLangSwitch();

function App() {
  const state = useSyncExternalStore(subscribe, () => store.state);
  const t = frameworkStrings[useSyncExternalStore(onLangChange, currentLang)];
  const [log, setLog] = useState<string[]>([]);
  const add = (line: string) => setLog((lines) => [line, ...lines]);

  return (
    <>
      <h1>React 19</h1>
      {/* Signed out, the authenticator shows sign-in, account creation and password reset; signed in, its children. */}
      <cognito-authenticator
        userPoolId={pool.userPoolId}
        clientId={pool.clientId}
        endpoint={pool.endpoint}
        oncognito-signed-in={(event) => add(t.signedIn(event.detail.user.email ?? '', event.detail.reason))}
      >
        <section>
          <p className="greeting">{state.status === 'signedIn' ? t.hello(state.user?.email ?? '') : ''}</p>
          <cognito-session oncognito-signed-out={(event) => add(t.signedOut(event.detail.reason))} />
          <cognito-mfa-settings oncognito-mfa-change={(event) => add(t.mfa(event.detail.enabled))} />
        </section>
      </cognito-authenticator>
      <ol className="log">
        {log.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ol>
    </>
  );
}

createRoot(document.querySelector('#root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// A development aid outside the app: the codes of the local service (never with a real pool).
showLocalInbox(document.body);
