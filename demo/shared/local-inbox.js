// The demos' "Local inbox": the codes the local Cognito service "sent" (it sends no email), listed from its
// GET <service>/_local/messages, so that creating an account and resetting a password can be tried in the browser
// alone. A development aid: a page mounts it only when it talks to the local service, never with a real pool.
// Plain JavaScript (the plain HTML demo has no build step); its types are in local-inbox.d.ts. Everything the
// service answers is put in the page as text (textContent), never as HTML; no inline styles (the pages' CSP).

const STRINGS = {
  en: {
    heading: 'Local inbox — development only',
    intro:
      'The local Cognito service sends no email: the codes it would have sent are listed here, newest first. ' +
      'Create an account or use “Forgot your password?”, then copy the code from here. Against a real user pool this ' +
      'panel is not shown, and the codes arrive by email.',
    refresh: 'Refresh',
    to: 'To',
    kind: 'For',
    code: 'Code',
    expires: 'Expires',
    empty: 'No codes yet.',
    unreachable: 'The local service did not answer: is npm start running?',
    more: (shown, total) => `The ${shown} newest of ${total}.`,
    never: '—',
    expired: 'expired',
    kinds: {
      'confirm-sign-up': 'Confirm sign-up',
      'reset-password': 'Reset password',
      'verify-attribute': 'Verify attribute',
      'temporary-password': 'Temporary password',
      'sign-in': 'Sign-in code',
    },
  },
  ja: {
    heading: 'ローカル受信箱 — 開発用',
    intro:
      'ローカル Cognito サービスはメールを送りません。送るはずだったコードを新しい順にここに表示します。' +
      'アカウントを作成するか「パスワードをお忘れですか?」を使い、ここからコードをコピーしてください。' +
      '実際のユーザープールではこの欄は表示されず、コードはメールで届きます。',
    refresh: '更新',
    to: '宛先',
    kind: '用途',
    code: 'コード',
    expires: '有効期限',
    empty: 'まだコードはありません。',
    unreachable: 'ローカルサービスが応答しません。npm start は動いていますか?',
    more: (shown, total) => `${total} 件中、新しい ${shown} 件。`,
    never: '—',
    expired: '期限切れ',
    kinds: {
      'confirm-sign-up': 'アカウント登録の確認',
      'reset-password': 'パスワードの再設定',
      'verify-attribute': '属性の確認',
      'temporary-password': '仮パスワード',
      'sign-in': 'ログインコード',
    },
  },
};

/** At most this many rows: the newest. */
const LIMIT = 20;

/** Whether `endpoint` is a Cognito endpoint on this machine: the local service (a real pool has none, or https). */
export function isLocalEndpoint(endpoint) {
  try {
    const url = new URL(endpoint);
    return url.protocol === 'http:' && /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(url.hostname);
  } catch {
    return false;
  }
}

const lang = () => (document.documentElement.lang === 'ja' ? 'ja' : 'en');

const element = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

/** The answer as a list of messages with string fields, whatever the service sent; null if it is not a list. */
function parse(body) {
  if (!Array.isArray(body)) return null;
  const text = (value) => (typeof value === 'string' ? value : '');
  return body
    .filter((entry) => entry && typeof entry === 'object')
    .map((entry) => ({
      at: text(entry.at),
      kind: text(entry.kind),
      destination: text(entry.destination),
      code: text(entry.code),
      expiresAt: text(entry.expiresAt),
    }))
    .reverse();
}

/**
 * Mounts the panel (before `before`, else at the end of `parent`), lists the local service's messages and refreshes
 * them every `intervalMs`, at once on the Refresh button, and when an element reports that a code was sent.
 */
export function mountLocalInbox({ endpoint, parent, before = null, intervalMs = 2000 }) {
  const url = `${endpoint.replace(/\/$/, '')}/_local/messages`;
  const section = element('section', 'local-inbox');
  section.setAttribute('aria-labelledby', 'local-inbox-heading');
  const header = element('div', 'local-inbox-header');
  const heading = element('h2');
  heading.id = 'local-inbox-heading';
  const button = element('button', 'local-inbox-refresh');
  button.type = 'button';
  header.append(heading, button);
  const intro = element('p', 'local-inbox-intro');
  const status = element('p', 'local-inbox-status');
  status.setAttribute('role', 'status');
  const table = element('table', 'local-inbox-messages');
  const headRow = element('tr');
  table.append(element('thead'), element('tbody'));
  table.tHead.append(headRow);
  section.append(header, intro, status, table);

  /** The last answer (null: none yet, or the service did not answer) and the text it was read from. */
  let messages = null;
  let failed = false;
  let lastBody;
  let shownLang;

  function render() {
    const t = STRINGS[lang()];
    shownLang = lang();
    heading.textContent = t.heading;
    button.textContent = t.refresh;
    intro.textContent = t.intro;
    headRow.replaceChildren(
      ...[t.to, t.kind, t.code, t.expires].map((label) => {
        const th = element('th', '', label);
        th.scope = 'col';
        return th;
      }),
    );
    const list = messages ?? [];
    status.textContent = failed
      ? t.unreachable
      : list.length === 0
        ? t.empty
        : list.length > LIMIT
          ? t.more(LIMIT, list.length)
          : '';
    table.hidden = list.length === 0;
    const dates = new Intl.DateTimeFormat(lang(), { dateStyle: 'medium', timeStyle: 'short' });
    table.tBodies[0].replaceChildren(
      ...list.slice(0, LIMIT).map((message) => {
        const row = element('tr');
        row.dataset.kind = message.kind;
        const code = element('code', 'local-inbox-code', message.code);
        const expires = element('td', 'local-inbox-expires');
        const at = message.expiresAt ? new Date(message.expiresAt) : null;
        if (at && !Number.isNaN(at.getTime())) {
          const time = element('time', '', dates.format(at));
          time.dateTime = at.toISOString();
          expires.append(time);
          if (at.getTime() <= Date.now()) expires.append(` (${t.expired})`);
        } else {
          expires.textContent = t.never;
        }
        const codeCell = element('td');
        codeCell.append(code);
        row.append(
          element('td', 'local-inbox-to', message.destination),
          element('td', 'local-inbox-kind', t.kinds[message.kind] ?? message.kind),
          codeCell,
          expires,
        );
        return row;
      }),
    );
  }

  let stopped = false;
  let inFlight;
  async function refresh() {
    if (stopped) return;
    // One request at a time: a click during a poll waits for that poll's answer, then asks again.
    if (inFlight) await inFlight;
    inFlight = (async () => {
      try {
        const response = await fetch(url, { cache: 'no-store' });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const body = await response.text();
        const parsed = parse(JSON.parse(body));
        if (!parsed) throw new Error('not a list');
        // Unchanged: the rows stay as they are, and so does a code the user is selecting to copy.
        if (!failed && body === lastBody && shownLang === lang()) return;
        lastBody = body;
        messages = parsed;
        failed = false;
      } catch {
        if (failed && shownLang === lang()) return;
        failed = true;
        lastBody = undefined;
      }
      if (!stopped) render();
    })();
    try {
      await inFlight;
    } finally {
      inFlight = undefined;
    }
  }

  button.addEventListener('click', () => void refresh());
  // A code was just sent: show it now rather than at the next poll.
  const onSent = () => void refresh();
  for (const type of ['cognito-account-created', 'cognito-next-step']) document.addEventListener(type, onSent);
  const languages = new MutationObserver(() => render());
  languages.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  const timer = setInterval(() => {
    if (!document.hidden) void refresh();
  }, intervalMs);

  render();
  // Its own stylesheet, so that a page against a real pool loads nothing of it; the panel shows once it is in.
  const stylesheet = Object.assign(document.createElement('link'), {
    rel: 'stylesheet',
    href: new URL('./local-inbox.css', import.meta.url).href,
  });
  const show = () => {
    if (!stopped) parent.insertBefore(section, before);
  };
  stylesheet.addEventListener('load', show, { once: true });
  stylesheet.addEventListener('error', show, { once: true });
  document.head.append(stylesheet);
  void refresh();

  return {
    element: section,
    refresh,
    stop() {
      stopped = true;
      clearInterval(timer);
      languages.disconnect();
      for (const type of ['cognito-account-created', 'cognito-next-step']) document.removeEventListener(type, onSent);
      section.remove();
      stylesheet.remove();
    },
  };
}
