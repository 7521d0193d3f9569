import { useCallback, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { Form, type FormInstance, type TableProps } from "antd";
import type { SorterResult, TablePaginationConfig } from "antd/es/table/interface";
import { useApiQuery } from "../api/hooks.ts";
import { hashQueryKey } from "../api/query-key-hash.ts";
import { cleanFilters, listStateFromParams, listStateToParams, sortOrderOf, type ListFilter, type ListLocationState, type ListPage, type ListRequest, type ListSorter } from "./list-request.ts";

export interface ServerTableOptions<Row, Values> {
  /** Names the list in the query cache (`["invoices"]`); the request is appended. */
  queryKey: readonly unknown[];
  /** One page from the server, e.g. `(input) => coreClient.invoices.list.query(input)`. */
  fetch: (input: ListRequest) => Promise<ListPage<Row>>;
  /** The filter form's values as list filters; blanks are dropped. */
  filters?: (values: Values) => readonly (ListFilter | false | null | undefined)[];
  /** Always sent (a payer's tab, a plugin's contracts), whatever the form says. */
  permanentFilters?: readonly ListFilter[];
  initialSorter?: ListSorter;
  pageSize?: number;
  /** Keep page, sort and filter values in the URL (`?page=2&sort=code.asc&q=…`). Values must survive JSON. */
  syncWithLocation?: boolean;
  /** Values read back from the URL are plain JSON: turn them into what the form holds (dates, numbers). */
  restoreValues?: (raw: Record<string, unknown>) => Values;
  enabled?: boolean;
  /** Re-read the page every so many milliseconds (a live list whose push feed is down); false: never. */
  refetchInterval?: number | false;
}

export interface ServerTableState<Row, Values> {
  request: ListRequest;
  rows: Row[];
  total: number;
  isLoading: boolean;
  error: Error | null;
  refetch: () => void;
  sorters: ListSorter[];
  sortOrderOf: (field: string) => "ascend" | "descend" | null;
  form: FormInstance<Values>;
  values: Values | null;
  search: (values: Values) => void;
  reset: () => void;
  tableProps: Pick<TableProps<Row>, "dataSource" | "loading" | "pagination" | "onChange">;
}

/** The cache key of every page of the lists named `queryKey`, e.g. to refetch them after a mutation. */
export function listQueryKey(...queryKey: readonly unknown[]): unknown[] {
  return ["sunap", "list", ...queryKey];
}

/**
 * Server-side list state for an antd table: page, page size, one sorter and a filter form, sent
 * to the server as the shared list input; the total drives the pager.
 */
export function useServerTable<Row, Values extends object = Record<string, unknown>>(options: ServerTableOptions<Row, Values>): ServerTableState<Row, Values> {
  const defaults = { pageSize: options.pageSize ?? 20, sorter: options.initialSorter ?? null };
  const [params, setParams] = useSearchParams();
  const [localState, setLocalState] = useState<ListLocationState<Values>>({ current: 1, pageSize: defaults.pageSize, sorter: defaults.sorter, values: null });
  const sync = options.syncWithLocation ?? false;
  const fromUrl = sync ? listStateFromParams<Record<string, unknown>>(params, defaults) : null;
  const state: ListLocationState<Values> = fromUrl
    ? { ...fromUrl, values: fromUrl.values && options.restoreValues ? options.restoreValues(fromUrl.values) : (fromUrl.values as Values | null) }
    : localState;

  const setState = useCallback(
    (next: ListLocationState<Values>) => {
      if (!sync) return setLocalState(next);
      setParams(
        (previous) => {
          const merged = new URLSearchParams(previous);
          for (const key of ["page", "size", "sort", "q"]) merged.delete(key);
          for (const [key, value] of Object.entries(listStateToParams(next))) merged.set(key, value);
          return merged;
        },
        { replace: true },
      );
    },
    [sync, setParams],
  );

  const [form] = Form.useForm<Values>();
  const toFilters = options.filters;
  const permanent = options.permanentFilters;
  const request: ListRequest = useMemo(
    () => ({
      pagination: { current: state.current, pageSize: state.pageSize },
      sorters: state.sorter ? [state.sorter] : [],
      filters: cleanFilters([...(permanent ?? []), ...(state.values && toFilters ? toFilters(state.values) : [])]),
    }),
    // The values object is rebuilt from the URL on every render: compare it by content.
    [state.current, state.pageSize, state.sorter?.field, state.sorter?.order, hashQueryKey([state.values]), hashQueryKey([permanent ?? []])],
  );

  // useApiQuery puts "sunap" first: the full key starts with listQueryKey(...queryKey).
  const query = useApiQuery(["list", ...options.queryKey, request], () => options.fetch(request), {
    keepPrevious: true,
    enabled: options.enabled,
    refetchInterval: options.refetchInterval,
  });
  const { refetch: refetchQuery } = query;
  const refetch = useCallback(() => void refetchQuery(), [refetchQuery]);
  const sorters = request.sorters;

  const onChange: TableProps<Row>["onChange"] = (pagination: TablePaginationConfig, _filters, sorter, extra) => {
    if (extra.action === "sort") {
      const single = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<Row> | undefined;
      const field = single?.columnKey ?? (Array.isArray(single?.field) ? single.field.join(".") : single?.field);
      const next = single?.order && field !== undefined ? { field: String(field), order: single.order === "ascend" ? ("asc" as const) : ("desc" as const) } : null;
      setState({ ...state, current: 1, sorter: next });
    } else if (extra.action === "paginate") {
      const pageSize = pagination.pageSize ?? state.pageSize;
      setState({ ...state, current: pageSize === state.pageSize ? (pagination.current ?? 1) : 1, pageSize });
    }
  };

  return {
    request,
    rows: query.data?.data ?? [],
    total: query.data?.total ?? 0,
    isLoading: query.isLoading,
    error: query.error,
    refetch,
    sorters,
    sortOrderOf: (field) => sortOrderOf(sorters, field),
    form,
    values: state.values,
    search: (values) => setState({ ...state, current: 1, values }),
    reset: () => {
      form.resetFields();
      setState({ ...state, current: 1, values: null });
    },
    tableProps: {
      dataSource: query.data?.data ?? [],
      loading: query.isFetching,
      onChange,
      pagination: { current: state.current, pageSize: state.pageSize, total: query.data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [10, 20, 50, 100, 200] },
    },
  };
}
