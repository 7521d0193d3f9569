import { coreClient } from "../api/clients.ts";
import { kitStrings } from "../locale/kit-strings.ts";
import { useKitTranslate } from "../locale/use-kit-translate.ts";
import type { ListFilter } from "../server-table/list-request.ts";
import { SearchSelect, type SearchSelectProps } from "./search-select.tsx";

type PayerRow = Awaited<ReturnType<typeof coreClient.payers.list.query>>["data"][number];

export interface PayerOption {
  id: number;
  payerCode: string;
  name: string;
  storeId: number | null;
}

export interface PayerSelectProps extends SearchSelectProps<PayerOption> {
  /** Only this store's payers (a store's contract). */
  storeId?: number | null;
}

/** A full phone number searches the phone's blind index; anything else matches the name or the payer code. */
export function payerSearchFilters(term: string): ListFilter[][] {
  const text = term.trim();
  if (!text) return [[]];
  const digits = text.replace(/[\s-]/g, "");
  if (/^\d{9,11}$/.test(digits)) return [[{ field: "phone", operator: "eq", value: digits }]];
  return [[{ field: "name", operator: "contains", value: text }], [{ field: "payerCode", operator: "contains", value: text }]];
}

function toOption(row: PayerRow): PayerOption {
  return { id: row.id, payerCode: row.payerCode, name: row.name, storeId: row.store?.id ?? null };
}

/** Picks a payer by server-side search (name, payer code or phone number); a Form.Item control yielding the payer id. */
export function PayerSelect({ storeId, ...props }: PayerSelectProps) {
  const t = useKitTranslate(kitStrings);
  const scope: ListFilter[] = storeId ? [{ field: "storeId", operator: "eq", value: storeId }] : [];
  return (
    <SearchSelect<PayerOption>
      {...props}
      source={{
        queryKey: "payer-select",
        scope: [storeId ?? null],
        search: async (term) => {
          const pages = await Promise.all(
            payerSearchFilters(term).map((filters) => coreClient.payers.list.query({ pagination: { current: 1, pageSize: 20 }, sorters: [{ field: "name", order: "asc" }], filters: [...scope, ...filters] })),
          );
          return pages.flatMap((page) => page.data.map(toOption));
        },
        fetchOne: (id) => coreClient.payers.get.query({ id }).then(toOption),
        label: (o) => `${o.name} · ${o.payerCode}`,
        minWidth: 240,
        defaultPlaceholder: t("select.payer"),
      }}
    />
  );
}
