import { useState, type CSSProperties } from "react";
import { Select, Spin } from "antd";
import { useApiQuery } from "../api/hooks.ts";
import { kitStrings } from "../locale/kit-strings.ts";
import { useKitTranslate } from "../locale/use-kit-translate.ts";
import { useDebounced } from "./use-debounced.ts";

export interface SearchSelectProps<O extends { id: number }> {
  value?: number | null;
  onChange?: (id: number | null, option: O | null) => void;
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  style?: CSSProperties;
  id?: string;
  "data-testid"?: string;
}

interface SearchSource<O extends { id: number }> {
  /** Names the query cache entries; `scope` holds whatever else the search depends on. */
  queryKey: string;
  scope: readonly unknown[];
  /** Options matching a (debounced) term; several searches' results may repeat an option: kept once. */
  search(term: string): Promise<readonly O[]>;
  /** The chosen option, which the current search may not include: fetched for its label. */
  fetchOne(id: number): Promise<O>;
  label(option: O): string;
  minWidth: number;
  defaultPlaceholder: string;
}

/** A Form.Item control yielding an id, chosen by server-side search: the shape PayerSelect and StoreSelect share. */
export function SearchSelect<O extends { id: number }>({ value, onChange, placeholder, disabled, allowClear = true, style, id, source, ...rest }: SearchSelectProps<O> & { source: SearchSource<O> }) {
  const t = useKitTranslate(kitStrings);
  const [term, setTerm] = useState("");
  const search = useDebounced(term);
  const found = useApiQuery([source.queryKey, search, ...source.scope], async () => [...new Map((await source.search(search)).map((o) => [o.id, o])).values()]);
  const chosen = useApiQuery([`${source.queryKey}-value`, value ?? null], () => source.fetchOne(value!), { enabled: typeof value === "number" });
  const options = [...(found.data ?? [])];
  if (chosen.data && !options.some((o) => o.id === chosen.data!.id)) options.unshift(chosen.data);

  return (
    <Select<number>
      id={id}
      data-testid={rest["data-testid"]}
      showSearch
      allowClear={allowClear}
      disabled={disabled}
      style={{ minWidth: source.minWidth, ...style }}
      placeholder={placeholder ?? source.defaultPlaceholder}
      filterOption={false}
      onSearch={setTerm}
      notFoundContent={found.isFetching ? <Spin size="small" /> : t("table.empty")}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null, options.find((o) => o.id === next) ?? null)}
      options={options.map((o) => ({ value: o.id, label: source.label(o) }))}
    />
  );
}
