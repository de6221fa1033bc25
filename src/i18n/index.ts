/**
 * Strings for every element, in English and Japanese, overridable from JavaScript:
 *   setMessages('ja', { 'login.submit': 'サインイン' })   // change some strings
 *   setMessages('de', { ...en, 'login.submit': 'Anmelden' }) // add a language (missing keys fall back to English)
 * An element's language: its `lang` attribute, else the closest `[lang]` ancestor, else the browser's.
 */
import { en } from './en.js';
import { ja } from './ja.js';
import type { MessageKey, Messages } from './types.js';

export type { MessageKey, Messages } from './types.js';
export { en, ja };

const catalogs = new Map<string, Partial<Messages>>([
  ['en', en],
  ['ja', ja],
]);
const listeners = new Set<() => void>();

/** Adds or replaces strings for a language; every element re-renders. */
export function setMessages(lang: string, messages: Partial<Messages>): void {
  const key = lang.toLowerCase();
  catalogs.set(key, { ...(catalogs.get(key) ?? {}), ...messages });
  for (const listener of listeners) listener();
}

/** Called when strings or the document language change. */
export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The best language we have strings for: exact (`pt-br`), then primary (`pt`), then English. */
export function supportedLang(lang: string | undefined | null): string {
  const wanted = (lang ?? '').toLowerCase();
  if (catalogs.has(wanted)) return wanted;
  const primary = wanted.split('-')[0] ?? '';
  return catalogs.has(primary) ? primary : 'en';
}

/** The language an element should speak. */
export function langOf(element: Element): string {
  const own = element.closest('[lang]:not([lang=""])')?.getAttribute('lang');
  if (own) return supportedLang(own);
  return supportedLang(typeof navigator === 'undefined' ? 'en' : navigator.language);
}

/** A string with its `{name}` placeholders filled in. Values are inserted as text by the templates. */
export function translate(lang: string, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template: string = catalogs.get(lang)?.[key] ?? en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

let observer: MutationObserver | undefined;

/** Starts watching `lang` attributes in the document (once; called when the first element connects). */
export function watchDocumentLang(): void {
  if (observer || typeof MutationObserver === 'undefined' || typeof document === 'undefined') return;
  observer = new MutationObserver(() => {
    for (const listener of listeners) listener();
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}
