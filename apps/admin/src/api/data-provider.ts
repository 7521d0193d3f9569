import type { BaseRecord, CrudFilter, CrudSort, DataProvider, LogicalFilter } from "@refinedev/core";
import { trpc } from "./trpc.ts";
import { toHttpError } from "@sunap/admin-kit";

type Operation = "list" | "get" | "create" | "update";

/** The operators the server's ListInput accepts (Refine's own names). */
const SERVER_OPERATORS = ["eq", "ne", "contains", "in", "gte", "lte", "gt", "lt", "null", "nnull"] as const;
type ServerOperator = (typeof SERVER_OPERATORS)[number];
const OPERATORS = new Set<string>(SERVER_OPERATORS);

type Procedure = { query?: (input: unknown) => Promise<unknown>; mutate?: (input: unknown) => Promise<unknown> };

/**
 * Resource `stores` is the router `stores` with `list/get/create/update`; a plugin's resource is
 * `<pluginId>.<resource>`. A resource whose procedures are named otherwise says so in its meta:
 * `meta: { procedures: { list: "ledger.entries" } }`.
 */
function procedureOf(resource: string, operation: Operation, meta: Record<string, unknown> | undefined): Procedure {
  const overrides = (meta?.procedures ?? {}) as Partial<Record<Operation, string>>;
  const path = overrides[operation] ?? `${resource}.${operation}`;
  let node: unknown = trpc;
  for (const part of path.split(".")) node = (node as Record<string, unknown>)[part];
  return node as Procedure;
}

function flattenFilters(filters: CrudFilter[] | undefined): LogicalFilter[] {
  const out: LogicalFilter[] = [];
  for (const filter of filters ?? []) {
    if (filter.operator === "and") out.push(...flattenFilters(filter.value));
    else if (filter.operator === "or") throw new Error("OR filters are not supported by the server");
    else if (OPERATORS.has(filter.operator)) {
      const logical = filter as LogicalFilter;
      const empty = logical.value === undefined || logical.value === "" || (Array.isArray(logical.value) && logical.value.length === 0);
      if (!empty || logical.operator === "null" || logical.operator === "nnull") out.push(logical);
    }
  }
  return out;
}

async function call<T>(run: () => Promise<unknown>): Promise<T> {
  try {
    return (await run()) as T;
  } catch (error) {
    throw toHttpError(error);
  }
}

/** The server's sorters and filters for what a Refine table shows (lists, and exports of the same rows). */
export function listQueryOf(sorters: CrudSort[] | undefined, filters: CrudFilter[] | undefined) {
  return {
    sorters: (sorters ?? []).slice(0, 3).map((s: CrudSort) => ({ field: s.field, order: s.order })),
    // "is empty" filters carry a placeholder value so Refine keeps them; the server wants none.
    filters: flattenFilters(filters).map((f) => ({ field: f.field, operator: f.operator as ServerOperator, value: f.operator === "null" || f.operator === "nnull" ? null : (f.value as unknown) })),
  };
}

export const dataProvider: DataProvider = {
  getApiUrl: () => "/trpc",

  async getList({ resource, pagination, sorters, filters, meta }) {
    const pageSize = pagination?.mode === "off" ? 200 : Math.min(pagination?.pageSize ?? 20, 200);
    const input = {
      pagination: { current: pagination?.mode === "off" ? 1 : (pagination?.currentPage ?? 1), pageSize },
      ...listQueryOf(sorters, filters),
    };
    const result = await call<{ data: BaseRecord[]; total: number }>(() => procedureOf(resource, "list", meta).query!(input));
    return { data: result.data as never[], total: result.total };
  },

  async getOne({ resource, id, meta }) {
    const data = await call<BaseRecord>(() => procedureOf(resource, "get", meta).query!({ id: Number(id) }));
    return { data: data as never };
  },

  async getMany({ resource, ids, meta }) {
    const data = await Promise.all(ids.map((id) => call<BaseRecord>(() => procedureOf(resource, "get", meta).query!({ id: Number(id) }))));
    return { data: data as never[] };
  },

  async create({ resource, variables, meta }) {
    const data = await call<BaseRecord>(() => procedureOf(resource, "create", meta).mutate!(variables));
    return { data: data as never };
  },

  async update({ resource, id, variables, meta }) {
    const data = await call<BaseRecord>(() => procedureOf(resource, "update", meta).mutate!({ id: Number(id), values: variables }));
    return { data: data as never };
  },

  async deleteOne() {
    // Nothing in Sunap is deleted: stores close, users are disabled, entries are reversed.
    throw toHttpError(new Error("Deleting is not supported"));
  },
};
