import { coreClient } from "../api/clients.ts";
import { kitStrings } from "../locale/kit-strings.ts";
import { useKitTranslate } from "../locale/use-kit-translate.ts";
import type { ListFilter } from "../server-table/list-request.ts";
import { SearchSelect, type SearchSelectProps } from "./search-select.tsx";

type StoreRow = Awaited<ReturnType<typeof coreClient.stores.list.query>>["data"][number];

export interface StoreOption {
  id: number;
  code: string;
  name: string;
  closedOn: string | null;
}

export interface StoreSelectProps extends SearchSelectProps<StoreOption> {
  /** Leave closed stores out (a new contract cannot start at one). */
  openOnly?: boolean;
}

function toOption(row: StoreRow): StoreOption {
  return { id: row.id, code: row.code, name: row.name, closedOn: row.closedOn ?? null };
}

/** Picks a store by server-side search on its code or name; a store owner sees only their own stores (the server scopes). */
export function StoreSelect({ openOnly, ...props }: StoreSelectProps) {
  const t = useKitTranslate(kitStrings);
  return (
    <SearchSelect<StoreOption>
      {...props}
      source={{
        queryKey: "store-select",
        scope: [openOnly ?? false],
        search: async (term) => {
          const text = term.trim();
          const open: ListFilter[] = openOnly ? [{ field: "closedOn", operator: "null", value: null }] : [];
          const searches: ListFilter[][] = text ? [[{ field: "code", operator: "contains", value: text }], [{ field: "name", operator: "contains", value: text }]] : [[]];
          const pages = await Promise.all(searches.map((filters) => coreClient.stores.list.query({ pagination: { current: 1, pageSize: 20 }, sorters: [{ field: "code", order: "asc" }], filters: [...open, ...filters] })));
          return pages.flatMap((page) => page.data.map(toOption));
        },
        fetchOne: (id) => coreClient.stores.get.query({ id }).then(toOption),
        label: (o) => `${o.code} · ${o.name}`,
        minWidth: 200,
        defaultPlaceholder: t("select.store"),
      }}
    />
  );
}
