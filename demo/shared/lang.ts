/**
 * The demos' ja/en switch: one language for every demo page, remembered (localStorage `demo-lang`; on a first
 * visit, the browser's language). It sets `<html lang>`, which the elements follow by themselves; a page's own
 * strings follow with onLangChange(). The buttons are the page's `[data-lang]` buttons.
 */
export type Lang = 'en' | 'ja';

const KEY = 'demo-lang';
const listeners = new Set<(lang: Lang) => void>();

export const currentLang = (): Lang => (document.documentElement.lang === 'ja' ? 'ja' : 'en');

export function setLang(next: Lang): void {
  document.documentElement.lang = next;
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]'))
    button.setAttribute('aria-pressed', String(button.dataset['lang'] === next));
  localStorage.setItem(KEY, next);
  for (const listener of listeners) listener(next);
}

/** Calls `listener` after every switch; returns the unsubscribe function. */
export function onLangChange(listener: (lang: Lang) => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Wires the `[data-lang]` buttons and applies the remembered language. */
export function startLangSwitch(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
    button.addEventListener('click', () => setLang(button.dataset['lang'] as Lang));
  }
  const saved = localStorage.getItem(KEY);
  setLang(saved === 'ja' || (!saved && navigator.language.startsWith('ja')) ? 'ja' : 'en');
}

/** The framework demos' own words (the elements bring theirs). */
export const frameworkStrings = {
  en: {
    hello: (email: string) => `Hello, ${email}!`,
    signedIn: (email: string, reason: string) => `signed in: ${email} (${reason})`,
    signedOut: (reason: string) => `signed out (${reason})`,
    mfa: (enabled: readonly string[]) => `two-step verification: ${enabled.join(', ') || 'off'}`,
  },
  ja: {
    hello: (email: string) => `ようこそ、${email} さん`,
    signedIn: (email: string, reason: string) => `ログイン: ${email}(${reason})`,
    signedOut: (reason: string) => `ログアウト(${reason})`,
    mfa: (enabled: readonly string[]) => `2 段階認証: ${enabled.join('、') || 'オフ'}`,
  },
} satisfies Record<Lang, unknown>;
