/**
 * Strings for the elements, in English and Japanese, overridable from JavaScript:
 *   setMessages('ja', { 'login.submit': 'サインイン' })   // change some strings
 *   setMessages('de', { ...en, 'login.submit': 'Anmelden' }) // add a language (missing keys fall back to English)
 * An element's language: its `lang` attribute, else the closest `[lang]` ancestor, else the browser's.
 */
import { coreStrings } from './strings/core.js';
import type { MessageKey, Messages, StringPart } from './types.js';

export type { MessageKey, Messages, StringPart } from './types.js';

/** The strings the loaded elements brought (each element module adds its part). */
const defaults = { en: {}, ja: {} } as { en: Partial<Messages>; ja: Partial<Messages> };
/** What the page set with setMessages: wins over the defaults, whenever a part is added. */
const overrides = new Map<string, Partial<Messages>>();
const listeners = new Set<() => void>();

/** An element module's strings (strings/*.ts), added when the module loads. */
export function addStrings(part: StringPart): void {
  Object.assign(defaults.en, part.en);
  Object.assign(defaults.ja, part.ja);
}
addStrings(coreStrings);

/** Adds or replaces strings for a language; every element re-renders. */
export function setMessages(lang: string, messages: Partial<Messages>): void {
  const key = lang.toLowerCase();
  overrides.set(key, { ...(overrides.get(key) ?? {}), ...messages });
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
  const known = (lang: string): boolean => lang === 'en' || lang === 'ja' || overrides.has(lang);
  if (known(wanted)) return wanted;
  const primary = wanted.split('-')[0] ?? '';
  return known(primary) ? primary : 'en';
}

/** The language an element should speak. */
export function langOf(element: Element): string {
  const own = element.closest('[lang]:not([lang=""])')?.getAttribute('lang');
  if (own) return supportedLang(own);
  return supportedLang(typeof navigator === 'undefined' ? 'en' : navigator.language);
}

/** A string with its `{name}` placeholders filled in. Values are inserted as text by the templates. */
export function translate(lang: string, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template: string =
    overrides.get(lang)?.[key] ?? (lang === 'ja' ? defaults.ja[key] : undefined) ?? defaults.en[key] ?? key;
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
