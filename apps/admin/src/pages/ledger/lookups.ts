import { useMemo } from "react";
import { useList } from "@refinedev/core";
import { trpc } from "../../api/trpc.ts";
import { useApiQuery } from "@sunap/admin-kit";
import type { LedgerAccount, Store } from "../../api/types.ts";
import { useLocale } from "../../i18n/locale-context.tsx";

/** The chart of accounts (today's balances are not used here), with a label per code in the UI language. */
export function useAccounts() {
  const { locale } = useLocale();
  const query = useApiQuery(["ledger.accounts", "chart"], () => trpc.ledger.accounts.query({}));
  const accounts = query.data?.data ?? [];
  const nameOf = useMemo(() => {
    const byCode = new Map<string, LedgerAccount>((query.data?.data ?? []).map((a) => [a.code, a]));
    return (code: string) => {
      const account = byCode.get(code);
      return account ? (locale === "en" ? account.nameEn : account.nameKo) : code;
    };
  }, [query.data, locale]);
  const options = accounts.map((a) => ({ value: a.code, label: `${locale === "en" ? a.nameEn : a.nameKo} (${a.code})` }));
  return { accounts, nameOf, options, loading: query.isPending };
}

/** Stores the user may see (store owners: theirs), for filters and line labels. */
export function useStores() {
  const { result, query } = useList<Store>({ resource: "stores", pagination: { pageSize: 200, currentPage: 1 }, sorters: [{ field: "code", order: "asc" }] });
  const stores = result.data;
  const nameOf = useMemo(() => {
    const byId = new Map(stores.map((s) => [s.id, s]));
    return (id: number | null) => {
      if (id === null) return null;
      const store = byId.get(id);
      return store ? `${store.code} · ${store.name}` : `#${id}`;
    };
  }, [stores]);
  const options = stores.map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }));
  return { stores, nameOf, options, loading: query.isPending };
}
