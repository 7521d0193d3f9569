import type { Locale } from "./current-locale.ts";

export interface LocalizedText {
  ko: string;
  en: string;
}

/** The text of a `{ ko, en }` pair (plugin names, page labels, server reason texts) in the given language. */
export function pickLabel(text: LocalizedText, locale: Locale): string {
  return text[locale];
}
