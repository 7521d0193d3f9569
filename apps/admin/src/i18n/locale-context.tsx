import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import dayjs from "dayjs";
import "dayjs/locale/ko";
import "dayjs/locale/en";
import { getCurrentLocale, KitLocaleProvider, setCurrentLocale, type Locale } from "@sunap/admin-kit";
import { translate } from "./translate.ts";

interface LocaleContextValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  /** Typed-free shortcut for components outside Refine's tree (the login page uses Refine's). */
  t: (key: string, params?: Record<string, unknown>) => string;
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

dayjs.locale(getCurrentLocale());
document.documentElement.lang = getCurrentLocale();

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setState] = useState<Locale>(getCurrentLocale());
  const setLocale = useCallback((next: Locale) => {
    setCurrentLocale(next);
    dayjs.locale(next);
    document.documentElement.lang = next;
    setState(next);
  }, []);
  const value = useMemo(() => ({ locale, setLocale, t: (key: string, params?: Record<string, unknown>) => translate(locale, key, params) }), [locale, setLocale]);
  return (
    <LocaleContext.Provider value={value}>
      <KitLocaleProvider locale={locale}>{children}</KitLocaleProvider>
    </LocaleContext.Provider>
  );
}

export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error("useLocale outside LocaleProvider");
  return value;
}
