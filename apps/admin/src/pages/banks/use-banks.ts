import { useMemo } from "react";
import { trpc } from "../../api/trpc.ts";
import { useApiQuery } from "@sunap/admin-kit";
import type { Bank } from "../../api/collection-types.ts";
import { useLocale } from "../../i18n/locale-context.tsx";

export const BANKS_QUERY_KEY = ["sunap", "banks.list"] as const;

/** The bank list (banks.list, consent.read): names by code in the UI language, options for selects. */
export function useBanks(options: { enabled?: boolean } = {}) {
  const { locale } = useLocale();
  const query = useApiQuery(["banks.list"], () => trpc.banks.list.query(), { enabled: options.enabled });
  const banks: Bank[] = useMemo(() => query.data ?? [], [query.data]);
  const nameOf = useMemo(() => {
    const byCode = new Map(banks.map((b) => [b.code, b]));
    return (code: string) => {
      const bank = byCode.get(code);
      return bank ? `${bank.name[locale]} (${code})` : code;
    };
  }, [banks, locale]);
  const selectOptions = banks.filter((b) => b.enabled && b.acceptsCms).map((b) => ({ value: b.code, label: `${b.name[locale]} (${b.code})` }));
  return { banks, nameOf, options: selectOptions, loading: query.isPending && options.enabled !== false, query };
}
