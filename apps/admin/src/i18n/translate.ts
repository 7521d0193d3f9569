import type { I18nProvider } from "@refinedev/core";
import { en } from "./en.ts";
import { ko, type Catalogue } from "./ko.ts";
import type { Locale } from "@sunap/admin-kit";

const CATALOGUES: Record<Locale, Catalogue> = { ko, en };

function lookup(catalogue: unknown, key: string): string | undefined {
  let node: unknown = catalogue;
  for (const part of key.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

function interpolate(text: string, params: Record<string, unknown> | undefined): string {
  if (!params) return text;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}

/** A catalogue string by dotted key; a missing key falls back to the default text, then to the key itself. */
export function translate(locale: Locale, key: string, params?: Record<string, unknown>, defaultMessage?: string): string {
  const text = lookup(CATALOGUES[locale], key) ?? defaultMessage ?? key;
  return interpolate(text, params);
}

export function hasTranslation(locale: Locale, key: string): boolean {
  return lookup(CATALOGUES[locale], key) !== undefined;
}

export function createI18nProvider(locale: Locale, changeLocale: (locale: Locale) => void): I18nProvider {
  return {
    // Refine calls translate(key, defaultMessage) as well as translate(key, params, defaultMessage).
    translate: (key: string, options?: unknown, defaultMessage?: string) =>
      typeof options === "string" ? translate(locale, key, undefined, options) : translate(locale, key, options as Record<string, unknown> | undefined, defaultMessage),
    changeLocale: (next: string) => changeLocale(next === "en" ? "en" : "ko"),
    getLocale: () => locale,
  };
}
