import { useMemo } from "react";
import { useSelect } from "@refinedev/antd";
import { useMe } from "../../auth/session.ts";
import { useLocale } from "../../i18n/locale-context.tsx";
import type { Payer } from "../../api/collection-types.ts";

/** The plugins this server runs (auth.me), as select options and names. */
export function usePlugins() {
  const { data: me } = useMe();
  const { locale } = useLocale();
  return useMemo(() => {
    const plugins = me?.plugins ?? [];
    const byId = new Map(plugins.map((p) => [p.id, p]));
    return {
      options: plugins.map((p) => ({ value: p.id, label: p.name[locale] })),
      nameOf: (id: string) => byId.get(id)?.name[locale] ?? id,
    };
  }, [me, locale]);
}

/** A payer picker that searches the server by name (payers.list, name contains). */
export function usePayerSelect(defaultValue?: number | null) {
  return useSelect<Payer>({
    resource: "payers",
    optionLabel: (payer) => `${payer.name} · ${payer.payerCode}`,
    optionValue: (payer) => String(payer.id),
    defaultValue: defaultValue ? [defaultValue] : undefined,
    pagination: { pageSize: 20, currentPage: 1 },
    debounce: 300,
    onSearch: (value) => [{ field: "name", operator: "contains", value: value.trim() || undefined }],
  });
}
