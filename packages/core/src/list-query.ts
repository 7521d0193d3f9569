import { z } from "zod";

/**
 * The list input every resource takes (Refine's shape): one data provider serves them all.
 * Each router whitelists the fields it can sort and filter on.
 */
export const ListInput = z.object({
  pagination: z.object({ current: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(200).default(20) }).default({ current: 1, pageSize: 20 }),
  sorters: z.array(z.object({ field: z.string().max(64), order: z.enum(["asc", "desc"]) })).max(3).default([]),
  filters: z
    .array(
      z.object({
        field: z.string().max(64),
        operator: z.enum(["eq", "ne", "contains", "in", "gte", "lte", "gt", "lt", "null", "nnull"]),
        value: z.unknown(),
      }),
    )
    .max(20)
    .default([]),
});
export type ListInput = z.infer<typeof ListInput>;

export interface ListResult<T> {
  data: T[];
  total: number;
}
