export type Locale = "ko" | "en";

const STORAGE_KEY = "sunap.locale";

function readStored(): Locale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === "ko" || value === "en" ? value : null;
  } catch {
    return null;
  }
}

let current: Locale = readStored() ?? "ko";

/** The UI language: Korean unless the user chose English on this browser. */
export function getCurrentLocale(): Locale {
  return current;
}

export function hasStoredLocale(): boolean {
  return readStored() !== null;
}

export function setCurrentLocale(locale: Locale): void {
  current = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private windows may refuse storage; the choice then lasts for this tab only.
  }
}
