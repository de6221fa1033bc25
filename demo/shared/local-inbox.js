// The demos' "Local inbox": the codes the local Cognito service "sent" (it sends no email), listed from its
// GET <service>/_local/messages, so that creating an account, resetting a password and an email MFA sign-in can be
// tried in the browser alone; the code an authenticator app would show for each TOTP user (GET /_local/totp); and a
// link to the local pool that requires MFA (local-pools.js). A development aid: a page mounts it only when it talks
// to the local service, never with a real pool.
// Plain JavaScript (the plain HTML demo has no build step); its types are in local-inbox.d.ts. Everything the
// service answers is put in the page as text (textContent), never as HTML; no inline styles (the pages' CSP).

import { localPoolChoice, localPoolHref, MFA_ON_POOL, MFA_ON_USER } from './local-pools.js';

const STRINGS = {
  en: {
    heading: 'Local inbox — development only',
    intro:
      'The local Cognito service sends no email: the codes it would have sent are listed here, newest first. ' +
      'Create an account, use “Forgot your password?” or sign in with email MFA, then copy the code from here. ' +
      'Against a real user pool this panel is not shown, and the codes arrive by email.',
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
      'sign-in': 'Sign-in code (MFA)',
    },
    poolDemo: 'This page uses the local demo pool (MFA optional).',
    tryMfaOn: 'Try a pool that requires MFA',
    poolMfaOn: (id, email, password) =>
      `This page uses the local pool that requires MFA (${id}): sign in as ${email} / ${password} to set up an ` +
      'authenticator app.',
    backToDemo: 'Back to the demo pool',
    totpHeading: 'Authenticator app codes (TOTP)',
    totpIntro:
      'Development aid: the code an authenticator app holding the user’s secret would show now. ' +
      'A new code every 30 seconds.',
    user: 'User',
    pool: 'User pool',
    left: 'Changes in',
    seconds: (n) => `${n} s`,
    totpEmpty: 'No user has an authenticator app set up.',
  },
  ja: {
    heading: 'ローカル受信箱 — 開発用',
    intro:
      'ローカル Cognito サービスはメールを送りません。送るはずだったコードを新しい順にここに表示します。' +
      'アカウントを作成するか、「パスワードをお忘れですか?」を使うか、メール MFA でログインし、ここからコードをコピーしてください。' +
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
      'sign-in': 'ログインコード(MFA)',
    },
    poolDemo: 'このページはローカルのデモ用プール(MFA は任意)を使っています。',
    tryMfaOn: 'MFA 必須のプールを試す',
    poolMfaOn: (id, email, password) =>
      `このページはローカルの MFA 必須のプール(${id})を使っています。${email} / ${password} でログインすると` +
      '認証アプリの設定を求められます。',
    backToDemo: 'デモ用プールに戻る',
    totpHeading: '認証アプリのコード(TOTP)',
    totpIntro:
      '開発用の補助: ユーザーのシークレットを登録した認証アプリが今表示するはずのコードです。コードは 30 秒ごとに変わります。',
    user: 'ユーザー',
    pool: 'ユーザープール',
    left: '残り',
    seconds: (n) => `${n} 秒`,
    totpEmpty: '認証アプリを設定したユーザーはいません。',
  },
};

/** At most this many rows: the newest. */
const LIMIT = 20;
/** The countdown of the TOTP codes ticks this often; the codes themselves are asked for on each refresh. */
const TICK_MS = 1000;

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

/** The TOTP answer as a list with checked fields, whatever the service sent; null if it is not a list. */
function parseTotp(body) {
  if (!Array.isArray(body)) return null;
  const text = (value) => (typeof value === 'string' ? value : '');
  return body
    .filter((entry) => entry && typeof entry === 'object')
    .map((entry) => ({
      userPoolId: text(entry.userPoolId),
      username: text(entry.username),
      email: text(entry.email),
      code: text(entry.code),
      secondsLeft: Number.isFinite(entry.secondsLeft) ? Math.max(0, Math.min(30, entry.secondsLeft)) : 0,
    }));
}

/**
 * Mounts the panel (before `before`, else at the end of `parent`), lists the local service's messages and TOTP codes
 * and refreshes them every `intervalMs`, at once on the Refresh button, when an element reports that a code was
 * sent, and when a TOTP code's 30-second step ends.
 */
export function mountLocalInbox({ endpoint, parent, before = null, intervalMs = 2000 }) {
  const base = endpoint.replace(/\/$/, '');
  const url = `${base}/_local/messages`;
  const totpUrl = `${base}/_local/totp`;
  const section = element('section', 'local-inbox');
  section.setAttribute('aria-labelledby', 'local-inbox-heading');
  const header = element('div', 'local-inbox-header');
  const heading = element('h2');
  heading.id = 'local-inbox-heading';
  const button = element('button', 'local-inbox-refresh');
  button.type = 'button';
  header.append(heading, button);
  const intro = element('p', 'local-inbox-intro');
  // Which local pool the page uses, and a link that reloads it with the other one.
  const poolLine = element('p', 'local-inbox-pool');
  const poolText = element('span');
  const poolLink = element('a', 'local-inbox-pool-link');
  poolLine.append(poolText, ' ', poolLink);
  const status = element('p', 'local-inbox-status');
  status.setAttribute('role', 'status');
  const table = element('table', 'local-inbox-messages');
  const headRow = element('tr');
  table.append(element('thead'), element('tbody'));
  table.tHead.append(headRow);

  // The TOTP codes: what an authenticator app would show for each user with one set up.
  const totpBox = element('section', 'local-inbox-totp');
  totpBox.setAttribute('aria-labelledby', 'local-inbox-totp-heading');
  const totpHeading = element('h3');
  totpHeading.id = 'local-inbox-totp-heading';
  const totpIntro = element('p', 'local-inbox-intro');
  const totpStatus = element('p', 'local-inbox-status');
  const totpTable = element('table', 'local-inbox-totp-codes');
  const totpHeadRow = element('tr');
  totpTable.append(element('thead'), element('tbody'));
  totpTable.tHead.append(totpHeadRow);
  totpBox.append(totpHeading, totpIntro, totpStatus, totpTable);
  totpBox.hidden = true;

  section.append(header, intro, poolLine, status, table, totpBox);

  /** The last answer (null: none yet, or the service did not answer) and the text it was read from. */
  let messages = null;
  let failed = false;
  let lastBody;
  let shownLang;
  /** The last TOTP answer, each code with the time its step ends (null: none, or the service has no /_local/totp). */
  let totp = null;
  /** The TOTP rows by pool and user, kept across refreshes so that a code being selected stays selected. */
  const totpRows = new Map();

  const headers = (row, labels) =>
    row.replaceChildren(
      ...labels.map((label) => {
        const th = element('th', '', label);
        th.scope = 'col';
        return th;
      }),
    );
  const setText = (node, text) => {
    if (node.textContent !== text) node.textContent = text;
  };

  function renderPool(t) {
    const choice = localPoolChoice();
    poolText.textContent =
      choice === 'mfa-on' ? t.poolMfaOn(MFA_ON_POOL.userPoolId, MFA_ON_USER.email, MFA_ON_USER.password) : t.poolDemo;
    poolLink.textContent = choice === 'mfa-on' ? t.backToDemo : t.tryMfaOn;
    poolLink.href = localPoolHref(choice === 'mfa-on' ? 'demo' : 'mfa-on');
  }

  /** The seconds left of each code, counted down here between the service's answers. */
  function renderCountdown(t = STRINGS[lang()]) {
    let ended = false;
    for (const row of totpRows.values()) {
      const left = Math.max(0, Math.ceil((row.endsAt - Date.now()) / 1000));
      if (left === 0) ended = true;
      setText(row.left, t.seconds(left));
      row.left.classList.toggle('local-inbox-totp-ending', left <= 5);
    }
    return ended;
  }

  function renderTotp(t = STRINGS[lang()]) {
    // A service without /_local/totp (or one that did not answer): no TOTP part at all.
    totpBox.hidden = totp === null;
    const list = totp ?? [];
    setText(totpStatus, list.length === 0 ? t.totpEmpty : '');
    totpTable.hidden = list.length === 0;
    const seen = new Set();
    const rows = list.map((entry) => {
      const key = `${entry.userPoolId}\n${entry.username}`;
      seen.add(key);
      let row = totpRows.get(key);
      if (!row) {
        row = {
          tr: element('tr'),
          user: element('td', 'local-inbox-to'),
          pool: element('td', 'local-inbox-totp-pool'),
          code: element('code', 'local-inbox-code'),
          left: element('td', 'local-inbox-totp-left'),
          endsAt: 0,
        };
        const codeCell = element('td');
        codeCell.append(row.code);
        row.tr.append(row.user, row.pool, codeCell, row.left);
        totpRows.set(key, row);
      }
      setText(row.user, entry.email || entry.username);
      setText(row.pool, entry.userPoolId);
      setText(row.code, entry.code);
      row.endsAt = entry.endsAt;
      return row.tr;
    });
    for (const key of [...totpRows.keys()]) if (!seen.has(key)) totpRows.delete(key);
    const body = totpTable.tBodies[0];
    if (rows.length !== body.rows.length || rows.some((tr, i) => body.rows[i] !== tr)) body.replaceChildren(...rows);
    renderCountdown(t);
  }

  function render() {
    const t = STRINGS[lang()];
    shownLang = lang();
    heading.textContent = t.heading;
    button.textContent = t.refresh;
    intro.textContent = t.intro;
    renderPool(t);
    headers(headRow, [t.to, t.kind, t.code, t.expires]);
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
    totpHeading.textContent = t.totpHeading;
    totpIntro.textContent = t.totpIntro;
    headers(totpHeadRow, [t.user, t.pool, t.code, t.left]);
    renderTotp(t);
  }

  /** Asks for the messages; true when what the panel shows of them must change. */
  async function loadMessages() {
    try {
      const response = await fetch(url, { cache: 'no-store' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const body = await response.text();
      const parsed = parse(JSON.parse(body));
      if (!parsed) throw new Error('not a list');
      // Unchanged: the rows stay as they are, and so does a code the user is selecting to copy.
      if (!failed && body === lastBody && shownLang === lang()) return false;
      lastBody = body;
      messages = parsed;
      failed = false;
    } catch {
      if (failed && shownLang === lang()) return false;
      failed = true;
      lastBody = undefined;
    }
    return true;
  }

  async function loadTotp() {
    try {
      const response = await fetch(totpUrl, { cache: 'no-store' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const asked = Date.now();
      const parsed = parseTotp(await response.json());
      if (!parsed) throw new Error('not a list');
      totp = parsed.map((entry) => ({ ...entry, endsAt: asked + entry.secondsLeft * 1000 }));
    } catch {
      totp = null;
    }
  }

  let stopped = false;
  let inFlight;
  async function refresh() {
    if (stopped) return;
    // One request at a time: a click during a poll waits for that poll's answer, then asks again.
    if (inFlight) await inFlight;
    inFlight = (async () => {
      const [changed] = await Promise.all([loadMessages(), loadTotp()]);
      if (stopped) return;
      if (changed) render();
      else renderTotp();
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
  // The TOTP countdown; a step that ended brings the new codes at once.
  const ticker = setInterval(() => {
    if (!document.hidden && renderCountdown() && !inFlight) void refresh();
  }, TICK_MS);

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
      clearInterval(ticker);
      languages.disconnect();
      for (const type of ['cognito-account-created', 'cognito-next-step']) document.removeEventListener(type, onSent);
      section.remove();
      stylesheet.remove();
    },
  };
}
