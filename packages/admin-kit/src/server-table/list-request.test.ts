import { describe, expect, it } from "vitest";
import { cleanFilters, listStateFromParams, listStateToParams, sortOrderOf } from "./list-request.ts";

describe("cleanFilters", () => {
  it("drops filters without a value, trims text and keeps is-empty filters with a null value", () => {
    expect(
      cleanFilters([
        { field: "code", operator: "contains", value: "  A01 " },
        { field: "name", operator: "contains", value: "   " },
        { field: "status", operator: "in", value: [] },
        { field: "storeId", operator: "eq", value: undefined },
        false,
        undefined,
        { field: "closedOn", operator: "null", value: true },
        { field: "dueOn", operator: "gte", value: "2026-01-01" },
      ]),
    ).toEqual([
      { field: "code", operator: "contains", value: "A01" },
      { field: "closedOn", operator: "null", value: null },
      { field: "dueOn", operator: "gte", value: "2026-01-01" },
    ]);
  });
});

describe("list state in the URL", () => {
  const defaults = { pageSize: 20, sorter: { field: "id", order: "desc" as const } };

  it("round-trips page, size, sort and filter values", () => {
    const state = { current: 3, pageSize: 50, sorter: { field: "dueOn", order: "asc" as const }, values: { status: ["open"], number: "2026" } };
    const params = new URLSearchParams(listStateToParams(state));
    expect(listStateFromParams(params, defaults)).toEqual(state);
  });

  it("falls back to the defaults for a hand-edited link", () => {
    const params = new URLSearchParams({ page: "-2", size: "7", sort: "x;drop", q: "{not json" });
    expect(listStateFromParams(params, defaults)).toEqual({ current: 1, pageSize: 20, sorter: defaults.sorter, values: null });
  });

  it("leaves empty filter values out of the URL", () => {
    expect(listStateToParams({ current: 1, pageSize: 20, sorter: null, values: { name: "", code: undefined } })).toEqual({ page: "1", size: "20" });
  });
});

describe("sortOrderOf", () => {
  it("gives antd's order for the sorted field and null for the others", () => {
    const sorters = [{ field: "code", order: "asc" as const }];
    expect(sortOrderOf(sorters, "code")).toBe("ascend");
    expect(sortOrderOf([{ field: "code", order: "desc" }], "code")).toBe("descend");
    expect(sortOrderOf(sorters, "name")).toBeNull();
  });
});
