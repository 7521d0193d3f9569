import { createContext, useContext, type ReactNode } from "react";
import { getCurrentLocale, type Locale } from "./current-locale.ts";

const KitLocaleContext = createContext<Locale | null>(null);

/** The host renders this around its tree with the UI language, so kit and plugin components re-render when it changes. */
export function KitLocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <KitLocaleContext.Provider value={locale}>{children}</KitLocaleContext.Provider>;
}

/** The UI language, "ko" or "en". Outside a provider (tests, a bare page) the stored choice. */
export function useLocale(): Locale {
  return useContext(KitLocaleContext) ?? getCurrentLocale();
}
