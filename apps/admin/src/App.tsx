import { useEffect, useMemo, useRef } from "react";
import { BrowserRouter, Outlet, Route, Routes } from "react-router";
import { App as AntdApp, ConfigProvider } from "antd";
import koKR from "antd/es/locale/ko_KR";
import enUS from "antd/es/locale/en_US";
import { Authenticated, Refine, type NotificationProvider } from "@refinedev/core";
import { ThemedLayout, useNotificationProvider } from "@refinedev/antd";
import routerProvider, { CatchAllNavigate, DocumentTitleHandler, NavigateToResource, UnsavedChangesNotifier } from "@refinedev/react-router";
import "@refinedev/antd/dist/reset.css";
import { dataProvider } from "./api/data-provider.ts";
import { queryClient } from "./api/query-client.ts";
import { authProvider } from "./auth/auth-provider.ts";
import { accessControlProvider } from "./auth/access-control.ts";
import { useMe } from "./auth/session.ts";
import { LocaleProvider, useLocale } from "./i18n/locale-context.tsx";
import { createI18nProvider, translate } from "./i18n/translate.ts";
import { hasStoredLocale } from "@sunap/admin-kit";
import { resources, type SunapResourceMeta } from "./resources.tsx";
import { adminPlugins } from "./plugins.ts";
import { AppHeader } from "./components/layout/header.tsx";
import { AppSider } from "./components/layout/sider.tsx";
import { AppTitle } from "./components/layout/title.tsx";
import { Guard } from "./components/guard.tsx";
import { NotFound } from "./components/forbidden.tsx";
import { LoginPage } from "./pages/login/index.tsx";
import { DashboardPage } from "./pages/dashboard/index.tsx";
import { OrganizationPage } from "./pages/organization/edit.tsx";
import { StoreList } from "./pages/stores/list.tsx";
import { StoreCreate } from "./pages/stores/create.tsx";
import { StoreEdit } from "./pages/stores/edit.tsx";
import { StoreShow } from "./pages/stores/show.tsx";
import { UserList } from "./pages/users/list.tsx";
import { UserCreate } from "./pages/users/create.tsx";
import { UserEdit } from "./pages/users/edit.tsx";
import { UserShow } from "./pages/users/show.tsx";
import { PeriodList } from "./pages/periods/list.tsx";
import { LedgerList } from "./pages/ledger/list.tsx";
import { LedgerShow } from "./pages/ledger/show.tsx";
import { LedgerCreate } from "./pages/ledger/create.tsx";
import { LedgerAccounts } from "./pages/ledger/accounts.tsx";
import { AuditList } from "./pages/audit/list.tsx";
import { PluginOverviewPage } from "./pages/plugins/overview.tsx";
import { ChangePasswordPage } from "./pages/account/change-password.tsx";
import { PayerList } from "./pages/payers/list.tsx";
import { PayerCreate } from "./pages/payers/create.tsx";
import { PayerEdit } from "./pages/payers/edit.tsx";
import { PayerShow } from "./pages/payers/show.tsx";
import { AccessLogPage } from "./pages/payers/access-log.tsx";
import { EnrollmentLinkList } from "./pages/enrollment-links/list.tsx";
import { ConsentList } from "./pages/consents/list.tsx";
import { RegistrationList } from "./pages/registrations/list.tsx";
import { RegistrationShow } from "./pages/registrations/show.tsx";
import { MessageList } from "./pages/messages/list.tsx";
import { BankList } from "./pages/banks/list.tsx";
import { BankingCalendarPage } from "./pages/banking-calendar/banking-calendar-page.tsx";
import { InvoiceList } from "./pages/invoices/list.tsx";
import { InvoiceShow } from "./pages/invoices/show.tsx";
import { CreditNoteList } from "./pages/credit-notes/list.tsx";
import { BillingRunList } from "./pages/billing-runs/list.tsx";
import { PaymentList } from "./pages/payments/list.tsx";
import { PaymentCreate } from "./pages/payments/create.tsx";
import { PaymentShow } from "./pages/payments/show.tsx";

/** Refine's antd notifications, minus its sign-in toast: the login page shows that message inline. */
function useAppNotificationProvider(): NotificationProvider {
  const base = useNotificationProvider();
  return useMemo(() => ({ ...base, open: (params) => (params.key === "login-error" ? undefined : base.open(params)) }), [base]);
}

/** Adopts the account's language after sign-in unless this browser already chose one. */
function LocaleFromAccount() {
  const { data: me } = useMe();
  const { locale, setLocale } = useLocale();
  const adopted = useRef<number | null>(null);
  useEffect(() => {
    const user = me?.user;
    if (!user || adopted.current === user.id) return;
    adopted.current = user.id;
    if (!hasStoredLocale() && user.locale !== locale) setLocale(user.locale);
  }, [me, locale, setLocale]);
  return null;
}

function Shell() {
  const { locale, setLocale } = useLocale();
  const i18nProvider = useMemo(() => createI18nProvider(locale, setLocale), [locale, setLocale]);
  return (
    <ConfigProvider locale={locale === "en" ? enUS : koKR} theme={{ token: { colorPrimary: "#1f4fd1", borderRadius: 8, fontFamily: "'Pretendard', 'Apple SD Gothic Neo', 'Noto Sans KR', 'Malgun Gothic', system-ui, sans-serif" } }}>
      <AntdApp>
        <Refine
          dataProvider={dataProvider}
          authProvider={authProvider}
          accessControlProvider={accessControlProvider}
          i18nProvider={i18nProvider}
          routerProvider={routerProvider}
          notificationProvider={useAppNotificationProvider}
          resources={resources}
          options={{ disableTelemetry: true, warnWhenUnsavedChanges: true, reactQuery: { clientConfig: queryClient }, breadcrumb: false, title: { text: "Sunap" } }}
        >
          <LocaleFromAccount />
          <Routes>
            <Route
              element={
                <Authenticated key="authenticated" fallback={<CatchAllNavigate to="/login" />}>
                  <ThemedLayout Header={AppHeader} Sider={AppSider} Title={AppTitle}>
                    <Outlet />
                  </ThemedLayout>
                </Authenticated>
              }
            >
              <Route index element={<Guard resource="dashboard" action="list"><DashboardPage /></Guard>} />
              <Route path="/stores">
                <Route index element={<Guard resource="stores" action="list"><StoreList /></Guard>} />
                <Route path="create" element={<Guard resource="stores" action="create"><StoreCreate /></Guard>} />
                <Route path="edit/:id" element={<Guard resource="stores" action="edit"><StoreEdit /></Guard>} />
                <Route path="show/:id" element={<Guard resource="stores" action="show"><StoreShow /></Guard>} />
              </Route>
              <Route path="/payers">
                <Route index element={<Guard resource="payers" action="list"><PayerList /></Guard>} />
                <Route path="create" element={<Guard resource="payers" action="create"><PayerCreate /></Guard>} />
                <Route path="edit/:id" element={<Guard resource="payers" action="edit"><PayerEdit /></Guard>} />
                <Route path="show/:id" element={<Guard resource="payers" action="show"><PayerShow /></Guard>} />
                <Route path="access-log" element={<Guard resource="payer-access-log" action="list"><AccessLogPage /></Guard>} />
              </Route>
              <Route path="/enrollment-links" element={<Guard resource="enrollment-links" action="list"><EnrollmentLinkList /></Guard>} />
              <Route path="/consents/*" element={<Guard resource="consents" action="list"><ConsentList /></Guard>} />
              <Route path="/registrations">
                <Route index element={<Guard resource="registrations" action="list"><RegistrationList /></Guard>} />
                <Route path="show/:id" element={<Guard resource="registrations" action="show"><RegistrationShow /></Guard>} />
              </Route>
              <Route path="/invoices">
                <Route index element={<Guard resource="invoices" action="list"><InvoiceList /></Guard>} />
                <Route path="show/:id" element={<Guard resource="invoices" action="show"><InvoiceShow /></Guard>} />
              </Route>
              <Route path="/credit-notes" element={<Guard resource="credit-notes" action="list"><CreditNoteList /></Guard>} />
              <Route path="/billing-runs" element={<Guard resource="billing-runs" action="list"><BillingRunList /></Guard>} />
              <Route path="/payments">
                <Route index element={<Guard resource="payments" action="list"><PaymentList /></Guard>} />
                <Route path="create" element={<Guard resource="payments" action="create"><PaymentCreate /></Guard>} />
                <Route path="show/:id" element={<Guard resource="payments" action="show"><PaymentShow /></Guard>} />
              </Route>
              <Route path="/messages/*" element={<Guard resource="messages" action="list"><MessageList /></Guard>} />
              <Route path="/banks" element={<Guard resource="banks" action="list"><BankList /></Guard>} />
              <Route path="/banking-calendar" element={<Guard resource="banking-calendar" action="list"><BankingCalendarPage /></Guard>} />
              <Route path="/users">
                <Route index element={<Guard resource="users" action="list"><UserList /></Guard>} />
                <Route path="create" element={<Guard resource="users" action="create"><UserCreate /></Guard>} />
                <Route path="edit/:id" element={<Guard resource="users" action="edit"><UserEdit /></Guard>} />
                <Route path="show/:id" element={<Guard resource="users" action="show"><UserShow /></Guard>} />
              </Route>
              <Route path="/ledger">
                <Route index element={<Guard resource="ledger" action="list"><LedgerList /></Guard>} />
                <Route path="accounts" element={<Guard resource="ledger" action="accounts"><LedgerAccounts /></Guard>} />
                <Route path="create" element={<Guard resource="ledger" action="create"><LedgerCreate /></Guard>} />
                <Route path="show/:id" element={<Guard resource="ledger" action="show"><LedgerShow /></Guard>} />
              </Route>
              <Route path="/periods" element={<Guard resource="periods" action="list"><PeriodList /></Guard>} />
              <Route path="/audit/*" element={<Guard resource="audit" action="list"><AuditList /></Guard>} />
              <Route path="/organization" element={<Guard resource="organization" action="list"><OrganizationPage /></Guard>} />
              {adminPlugins.map((plugin) => (
                <Route key={plugin.manifest.id} path={`/plugins/${plugin.manifest.id}`}>
                  <Route index element={<Guard resource={`plugin-${plugin.manifest.id}`} action="list"><PluginOverviewPage plugin={plugin} /></Guard>} />
                  {plugin.pages.map((page) => (
                    <Route key={page.path} path={page.path} element={<Guard resource={`${plugin.manifest.id}.${page.path}`} action="list">{page.element}</Guard>} />
                  ))}
                </Route>
              ))}
              <Route path="/account/password" element={<Guard resource="account" action="list"><ChangePasswordPage /></Guard>} />
              <Route path="*" element={<NotFound />} />
            </Route>
            <Route
              element={
                <Authenticated key="auth-pages" fallback={<Outlet />}>
                  <NavigateToResource resource="dashboard" />
                </Authenticated>
              }
            >
              <Route path="/login" element={<LoginPage />} />
            </Route>
          </Routes>
          <UnsavedChangesNotifier />
          <DocumentTitleHandler
            handler={({ resource }) => {
              const meta = resource?.meta as SunapResourceMeta | undefined;
              const label = meta?.labelText?.[locale] ?? (meta?.labelKey ? translate(locale, meta.labelKey) : undefined);
              return label ? `${label} · ${translate(locale, "app.name")}` : translate(locale, "app.name");
            }}
          />
        </Refine>
      </AntdApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <LocaleProvider>
        <Shell />
      </LocaleProvider>
    </BrowserRouter>
  );
}
