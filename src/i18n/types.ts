import type { en } from './en.js';

export type MessageKey = keyof typeof en;
/** A full translation: every key, as plain strings with `{name}` placeholders. */
export type Messages = { readonly [K in MessageKey]: string };
