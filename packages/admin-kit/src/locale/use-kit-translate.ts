import { useMemo } from "react";
import type { Locale } from "./current-locale.ts";
import { interpolate } from "./interpolate.ts";
import { useLocale } from "./locale-context.tsx";

/** A small catalogue a plugin carries for itself: the same keys in Korean and English (the type checker holds them equal). */
export type KitDictionary<K extends string> = Record<Locale, Record<K, string>>;

export type KitTranslate<K extends string> = (key: K, params?: Record<string, unknown>) => string;

/** Declares a dictionary with its keys inferred from the Korean half; English must have exactly those keys. */
export function defineDictionary<const K extends string>(dictionary: { ko: Record<K, string>; en: Record<K, string> }): KitDictionary<K> {
  return dictionary;
}

export function translateWith<K extends string>(dictionary: KitDictionary<K>, locale: Locale): KitTranslate<K> {
  return (key, params) => interpolate(dictionary[locale][key], params);
}

/** `t(key, params)` over the plugin's own dictionary, in the current UI language. */
export function useKitTranslate<K extends string>(dictionary: KitDictionary<K>): KitTranslate<K> {
  const locale = useLocale();
  return useMemo(() => translateWith(dictionary, locale), [dictionary, locale]);
}
