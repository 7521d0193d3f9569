import { Tabs } from "antd";
import { useLocation, useNavigate } from "react-router";
import { hasPermission, useMe } from "../../auth/session.ts";
import { useLocale } from "../../i18n/locale-context.tsx";

/** Entries · Accounts & balances · Manual entry, as routes so each can be linked to. */
export function LedgerTabs() {
  const { t } = useLocale();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = pathname.startsWith("/ledger/accounts") ? "/ledger/accounts" : pathname.startsWith("/ledger/create") ? "/ledger/create" : "/ledger";
  const items = [
    { key: "/ledger", label: <span data-testid="ledger-tab-entries">{t("ledger.tabs.entries")}</span> },
    { key: "/ledger/accounts", label: <span data-testid="ledger-tab-accounts">{t("ledger.tabs.accounts")}</span> },
    ...(hasPermission(me, "ledger.post") ? [{ key: "/ledger/create", label: <span data-testid="ledger-tab-manual">{t("ledger.tabs.manual")}</span> }] : []),
  ];
  return <Tabs activeKey={active} items={items} onChange={(key) => navigate(key)} style={{ marginBottom: 8 }} />;
}
