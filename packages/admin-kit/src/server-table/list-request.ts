/** The list input every Sunap list procedure takes (Refine's shape; the server whitelists fields per resource). */
export type ListOperator = "eq" | "ne" | "contains" | "in" | "gte" | "lte" | "gt" | "lt" | "null" | "nnull";

export interface ListFilter {
  field: string;
  operator: ListOperator;
  value: unknown;
}

export interface ListSorter {
  field: string;
  order: "asc" | "desc";
}

export interface ListRequest {
  pagination: { current: number; pageSize: number };
  sorters: ListSorter[];
  filters: ListFilter[];
}

export interface ListPage<Row> {
  data: Row[];
  total: number;
}

/** A filter is left out when it carries no value, except "is empty"/"is not empty", which never do. */
export function isBlankFilter(filter: ListFilter): boolean {
  if (filter.operator === "null" || filter.operator === "nnull") return false;
  const value = filter.value;
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  return Array.isArray(value) && value.length === 0;
}

/** The filters to send: blanks dropped, strings trimmed, "is empty" filters with the null value the server expects. */
export function cleanFilters(filters: readonly (ListFilter | false | null | undefined)[]): ListFilter[] {
  const out: ListFilter[] = [];
  for (const filter of filters) {
    if (!filter || isBlankFilter(filter)) continue;
    if (filter.operator === "null" || filter.operator === "nnull") out.push({ ...filter, value: null });
    else out.push({ ...filter, value: typeof filter.value === "string" ? filter.value.trim() : filter.value });
  }
  return out;
}

/** antd's table sort order for a field, from the sorters in force. */
export function sortOrderOf(sorters: readonly ListSorter[], field: string): "ascend" | "descend" | null {
  const found = sorters.find((s) => s.field === field);
  return found ? (found.order === "asc" ? "ascend" : "descend") : null;
}

/** The URL form of the list state (`page=2&size=50&sort=code.asc&q={…}`) and back, so a list survives reload and links. */
export interface ListLocationState<Values> {
  current: number;
  pageSize: number;
  sorter: ListSorter | null;
  values: Values | null;
}

const PAGE_SIZES = [10, 20, 50, 100, 200];

export function listStateToParams<Values>(state: ListLocationState<Values>): Record<string, string> {
  const params: Record<string, string> = { page: String(state.current), size: String(state.pageSize) };
  if (state.sorter) params.sort = `${state.sorter.field}.${state.sorter.order}`;
  if (state.values && Object.values(state.values as object).some((v) => v !== undefined && v !== null && v !== "")) params.q = JSON.stringify(state.values);
  return params;
}

export function listStateFromParams<Values>(params: URLSearchParams, defaults: { pageSize: number; sorter: ListSorter | null }): ListLocationState<Values> {
  const page = Number(params.get("page"));
  const size = Number(params.get("size"));
  const sortMatch = /^([\w.]+)\.(asc|desc)$/.exec(params.get("sort") ?? "");
  let values: Values | null = null;
  const q = params.get("q");
  if (q) {
    try {
      const parsed: unknown = JSON.parse(q);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) values = parsed as Values;
    } catch {
      // A hand-edited or truncated link: start without filters rather than fail.
    }
  }
  return {
    current: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: PAGE_SIZES.includes(size) ? size : defaults.pageSize,
    sorter: sortMatch ? { field: sortMatch[1]!, order: sortMatch[2] as "asc" | "desc" } : defaults.sorter,
    values,
  };
}
