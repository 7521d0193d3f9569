import { businessDateToDb, DomainError, isBusinessDate, type ListInput } from "@sunap/core";

export type FieldKind = "string" | "int" | "date" | "datetime" | "enum" | "bool";

/** Which fields of a resource may be sorted and filtered, and how their values are read. */
export type ListSpec = Record<string, FieldKind>;

function coerce(kind: FieldKind, value: unknown, field: string): unknown {
  const bad = () => new DomainError("INVALID", "input.invalid", { detail: `${field}: ${String(value)}` }, field);
  switch (kind) {
    case "string":
    case "enum":
      if (typeof value !== "string" && typeof value !== "number") throw bad();
      return String(value);
    case "int": {
      const n = typeof value === "number" ? value : Number(value);
      if (!Number.isInteger(n)) throw bad();
      return n;
    }
    case "bool":
      if (typeof value === "boolean") return value;
      if (value === "true" || value === "false") return value === "true";
      throw bad();
    case "date":
      if (typeof value !== "string" || !isBusinessDate(value.slice(0, 10))) throw bad();
      return businessDateToDb(value.slice(0, 10));
    case "datetime": {
      const d = new Date(String(value));
      if (Number.isNaN(d.getTime())) throw bad();
      return d;
    }
  }
}

/** Turns a Refine-shaped list input into Prisma's where/orderBy/skip/take, refusing unknown fields. */
export function prismaListArgs(input: ListInput, spec: ListSpec, defaultOrder: Record<string, "asc" | "desc">) {
  const where: Record<string, unknown>[] = [];
  for (const filter of input.filters) {
    const kind = spec[filter.field];
    if (!kind) throw new DomainError("INVALID", "input.invalid", { detail: `filter ${filter.field}` }, filter.field);
    if (filter.value === undefined || filter.value === null || filter.value === "" || (Array.isArray(filter.value) && filter.value.length === 0)) {
      if (filter.operator === "null") where.push({ [filter.field]: null });
      else if (filter.operator === "nnull") where.push({ [filter.field]: { not: null } });
      continue;
    }
    const value = Array.isArray(filter.value) ? filter.value.map((v) => coerce(kind, v, filter.field)) : coerce(kind, filter.value, filter.field);
    const condition = (() => {
      switch (filter.operator) {
        case "eq":
          return value;
        case "ne":
          return { not: value };
        case "contains":
          return { contains: String(value), mode: "insensitive" };
        case "in":
          return { in: Array.isArray(value) ? value : [value] };
        case "gte":
          return { gte: value };
        case "lte":
          return { lte: value };
        case "gt":
          return { gt: value };
        case "lt":
          return { lt: value };
        case "null":
          return null;
        case "nnull":
          return { not: null };
      }
    })();
    where.push({ [filter.field]: condition });
  }
  const orderBy = input.sorters.length > 0 ? input.sorters.map((s) => {
    if (!spec[s.field]) throw new DomainError("INVALID", "input.invalid", { detail: `sort ${s.field}` }, s.field);
    return { [s.field]: s.order };
  }) : [defaultOrder];
  const { current, pageSize } = input.pagination;
  return { where: where.length ? { AND: where } : {}, orderBy, skip: (current - 1) * pageSize, take: pageSize };
}
