// React 19: custom elements natively — properties set as properties, `on<event-name>` props as listeners.
import { StrictMode, useState, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { getAuthStore } from '../../src/index.js';
// The JSX typings the package ships as `cognito-elements/react` (one line in an app).
import '../../src/react.js';
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
      {state.status === 'loading' ? (
        <p>…</p>
      ) : state.status === 'signedIn' ? (
        <section>
          <p className="greeting">{t.hello(state.user?.email ?? '')}</p>
          <cognito-session
            userPoolId={pool.userPoolId}
            clientId={pool.clientId}
            endpoint={pool.endpoint}
            oncognito-signed-out={(event) => add(t.signedOut(event.detail.reason))}
          />
        </section>
      ) : (
        <cognito-login
          userPoolId={pool.userPoolId}
          clientId={pool.clientId}
          endpoint={pool.endpoint}
          oncognito-signed-in={(event) => add(t.signedIn(event.detail.user.email ?? '', event.detail.reason))}
        />
      )}
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
