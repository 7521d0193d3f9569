import { useState, type CSSProperties } from "react";
import { Select, Spin } from "antd";
import { coreClient } from "../api/clients.ts";
import { useApiQuery } from "../api/hooks.ts";
import { kitStrings } from "../locale/kit-strings.ts";
import { useKitTranslate } from "../locale/use-kit-translate.ts";
import type { ListFilter } from "../server-table/list-request.ts";
import { useDebounced } from "./use-debounced.ts";

type PayerRow = Awaited<ReturnType<typeof coreClient.payers.list.query>>["data"][number];

export interface PayerOption {
  id: number;
  payerCode: string;
  name: string;
  storeId: number | null;
}

export interface PayerSelectProps {
  value?: number | null;
  onChange?: (payerId: number | null, payer: PayerOption | null) => void;
  /** Only this store's payers (a store's contract). */
  storeId?: number | null;
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  style?: CSSProperties;
  id?: string;
  "data-testid"?: string;
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
export function PayerSelect({ value, onChange, storeId, placeholder, disabled, allowClear = true, style, id, ...rest }: PayerSelectProps) {
  const t = useKitTranslate(kitStrings);
  const [term, setTerm] = useState("");
  const search = useDebounced(term);
  const scope: ListFilter[] = storeId ? [{ field: "storeId", operator: "eq", value: storeId }] : [];
  const found = useApiQuery(["payer-select", search, storeId ?? null], async () => {
    const pages = await Promise.all(
      payerSearchFilters(search).map((filters) => coreClient.payers.list.query({ pagination: { current: 1, pageSize: 20 }, sorters: [{ field: "name", order: "asc" }], filters: [...scope, ...filters] })),
    );
    const byId = new Map<number, PayerOption>();
    for (const page of pages) for (const row of page.data) byId.set(row.id, toOption(row));
    return [...byId.values()];
  });
  // The chosen payer may not be in the current search results: fetch it for its label.
  const chosen = useApiQuery(["payer-select-value", value ?? null], () => coreClient.payers.get.query({ id: value! }).then(toOption), { enabled: typeof value === "number" });
  const options = [...(found.data ?? [])];
  if (chosen.data && !options.some((o) => o.id === chosen.data!.id)) options.unshift(chosen.data);

  return (
    <Select<number>
      id={id}
      data-testid={rest["data-testid"]}
      showSearch
      allowClear={allowClear}
      disabled={disabled}
      style={{ minWidth: 240, ...style }}
      placeholder={placeholder ?? t("select.payer")}
      filterOption={false}
      onSearch={setTerm}
      notFoundContent={found.isFetching ? <Spin size="small" /> : t("table.empty")}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null, options.find((o) => o.id === next) ?? null)}
      options={options.map((o) => ({ value: o.id, label: `${o.name} · ${o.payerCode}` }))}
    />
  );
}
