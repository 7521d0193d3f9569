import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { api, failureOf, setRequestLocale, type EnrollPage, type Failure } from "./api.ts";
import { EnrollFlow } from "./EnrollFlow.tsx";
import { selfServicePath } from "./format.ts";
import { initialLocale, LocaleContext, storeLocale, translate, type Locale, type LocaleState } from "./i18n.ts";
import { LinkProblem } from "./LinkProblem.tsx";

/** `/enroll/<token>` or `/self-service/<token>`: the token, or null when the address has none. */
export function tokenFromPath(pathname: string): string | null {
  const match = /^\/(?:enroll|self-service)\/([^/?#]+)\/?$/.exec(pathname);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

/** One key per page load: a double tap, or a retry after a lost answer, gives one consent. */
function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

// Only a manage link needs the self-service page: most payers never load it.
const SelfService = lazy(() => import("./SelfService.tsx").then((m) => ({ default: m.SelfService })));

type Load = { state: "loading" } | { state: "ready"; page: EnrollPage } | { state: "failed"; failure: Failure };

export function EnrollApp() {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const [token] = useState(() => tokenFromPath(window.location.pathname));
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [problem, setProblem] = useState<Failure | null>(null);
  setRequestLocale(locale);

  const localeState = useMemo<LocaleState>(
    () => ({
      locale,
      t: (key, params) => translate(locale, key, params),
      setLocale: (next) => {
        storeLocale(next);
        setLocaleState(next);
      },
    }),
    [locale],
  );
  const t = localeState.t;

  const open = useCallback(async (): Promise<void> => {
    if (!token) return;
    try {
      const page = await api.enroll.open.query({ token, locale });
      setLoad({ state: "ready", page });
    } catch (error) {
      const failure = failureOf(error, translate(locale, "errors.network"));
      // Once the page is shown, a failed refresh keeps it: the next step's call will say what is wrong.
      setLoad((was) => (was.state === "ready" ? was : { state: "failed", failure }));
    }
  }, [token, locale]);

  useEffect(() => {
    void open();
  }, [open]);

  const page = load.state === "ready" ? load.page : null;
  const manage = page?.mode === "manage";

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${t(manage ? "page.titleManage" : "page.title")}${page ? ` · ${page.creditor.legalName}` : ""}`;
  }, [locale, manage, page, t]);

  // A manage link opened at /enroll/… is the payer's self-service page: say so in the address.
  useEffect(() => {
    if (manage && window.location.pathname.startsWith("/enroll/")) window.history.replaceState(null, "", selfServicePath(window.location.pathname));
  }, [manage]);

  let body;
  if (!token) body = <LinkProblem code="missing" message={t("link.missing")} />;
  else if (problem) body = <LinkProblem code={problem.domainCode} message={problem.message} />;
  else if (load.state === "loading")
    body = (
      <div className="card checking" aria-busy="true">
        <div className="spinner" aria-hidden="true" />
        <p>{t("common.loading")}</p>
      </div>
    );
  else if (load.state === "failed")
    body = (
      <LinkProblem
        code={load.failure.linkProblem ? load.failure.domainCode : null}
        message={load.failure.message}
        onRetry={
          load.failure.linkProblem
            ? undefined
            : () => {
                setLoad({ state: "loading" });
                void open();
              }
        }
      />
    );
  else if (manage)
    body = (
      <Suspense fallback={<div className="card checking" aria-busy="true"><div className="spinner" aria-hidden="true" /></div>}>
        <SelfService token={token} page={load.page} idempotencyKey={idempotencyKey} onLinkProblem={setProblem} onReload={open} />
      </Suspense>
    );
  else body = <EnrollFlow mode="enroll" token={token} page={load.page} idempotencyKey={idempotencyKey} onLinkProblem={setProblem} onReload={open} />;

  return (
    <LocaleContext.Provider value={localeState}>
      <div className="app">
        <header className="topbar">
          <span className="brand">{page?.creditor.legalName ?? t("page.title")}</span>
          <button type="button" className="lang" lang={locale === "ko" ? "en" : "ko"} aria-label={t("lang.switchLabel")} onClick={() => localeState.setLocale(locale === "ko" ? "en" : "ko")} data-testid="language-switch">
            {t("lang.switch")}
          </button>
        </header>
        <main className="content">
          <h1 className="page-title">{t(manage ? "page.titleManage" : "page.title")}</h1>
          {body}
        </main>
        {page && (
          <footer className="footer">
            <p>
              {page.creditor.legalName}
              {page.creditor.representative ? ` · ${page.creditor.representative}` : ""}
            </p>
            {page.creditor.address && <p>{page.creditor.address}</p>}
          </footer>
        )}
      </div>
    </LocaleContext.Provider>
  );
}
