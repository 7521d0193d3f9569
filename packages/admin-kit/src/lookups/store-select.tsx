import { useState, type CSSProperties } from "react";
import { Select, Spin } from "antd";
import { coreClient } from "../api/clients.ts";
import { useApiQuery } from "../api/hooks.ts";
import { kitStrings } from "../locale/kit-strings.ts";
import { useKitTranslate } from "../locale/use-kit-translate.ts";
import type { ListFilter } from "../server-table/list-request.ts";
import { useDebounced } from "./use-debounced.ts";

type StoreRow = Awaited<ReturnType<typeof coreClient.stores.list.query>>["data"][number];

export interface StoreOption {
  id: number;
  code: string;
  name: string;
  closedOn: string | null;
}

export interface StoreSelectProps {
  value?: number | null;
  onChange?: (storeId: number | null, store: StoreOption | null) => void;
  /** Leave closed stores out (a new contract cannot start at one). */
  openOnly?: boolean;
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  style?: CSSProperties;
  id?: string;
  "data-testid"?: string;
}

function toOption(row: StoreRow): StoreOption {
  return { id: row.id, code: row.code, name: row.name, closedOn: row.closedOn ?? null };
}

/** Picks a store by server-side search on its code or name; a store owner sees only their own stores (the server scopes). */
export function StoreSelect({ value, onChange, openOnly, placeholder, disabled, allowClear = true, style, id, ...rest }: StoreSelectProps) {
  const t = useKitTranslate(kitStrings);
  const [term, setTerm] = useState("");
  const search = useDebounced(term).trim();
  const found = useApiQuery(["store-select", search, openOnly ?? false], async () => {
    const open: ListFilter[] = openOnly ? [{ field: "closedOn", operator: "null", value: null }] : [];
    const searches: ListFilter[][] = search ? [[{ field: "code", operator: "contains", value: search }], [{ field: "name", operator: "contains", value: search }]] : [[]];
    const pages = await Promise.all(searches.map((filters) => coreClient.stores.list.query({ pagination: { current: 1, pageSize: 20 }, sorters: [{ field: "code", order: "asc" }], filters: [...open, ...filters] })));
    const byId = new Map<number, StoreOption>();
    for (const page of pages) for (const row of page.data) byId.set(row.id, toOption(row));
    return [...byId.values()];
  });
  const chosen = useApiQuery(["store-select-value", value ?? null], () => coreClient.stores.get.query({ id: value! }).then(toOption), { enabled: typeof value === "number" });
  const options = [...(found.data ?? [])];
  if (chosen.data && !options.some((o) => o.id === chosen.data!.id)) options.unshift(chosen.data);

  return (
    <Select<number>
      id={id}
      data-testid={rest["data-testid"]}
      showSearch
      allowClear={allowClear}
      disabled={disabled}
      style={{ minWidth: 200, ...style }}
      placeholder={placeholder ?? t("select.store")}
      filterOption={false}
      onSearch={setTerm}
      notFoundContent={found.isFetching ? <Spin size="small" /> : t("table.empty")}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null, options.find((o) => o.id === next) ?? null)}
      options={options.map((o) => ({ value: o.id, label: `${o.code} · ${o.name}` }))}
    />
  );
}
