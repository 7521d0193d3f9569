import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { createTestDatabase, type TestDatabase } from "./testing.ts";
import { sqlArray } from "./sql-array.ts";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

async function textsBack(values: readonly (string | null)[]): Promise<(string | null)[]> {
  const rows = await t.db.$queryRaw<{ value: string | null }[]>`SELECT v AS value FROM unnest(${sqlArray(values)}::text[]) WITH ORDINALITY AS a(v, n) ORDER BY n`;
  return rows.map((r) => r.value);
}

describe("sqlArray", () => {
  it("gives PostgreSQL back every text as written: quotes, backslashes, braces, commas, blanks, the word NULL, and null itself", async () => {
    const tricky = ['say "hi"', "C:\\path\\", "{a,b}", "a,b", "  padded  ", "", "NULL", null, "청구서 2026-000001 (meter:2026-02)", "line\nbreak\ttab", '\\"', "}{", '[{"name":"청구서 보기","url":"https://x.kr/i/1.a"}]'];
    expect(await textsBack(tricky)).toEqual(tricky);
    expect(await textsBack([])).toEqual([]);
  });

  it("round-trips any text without NUL (property)", async () => {
    const text = fc.string({ unit: "grapheme", maxLength: 20 }).filter((s) => !s.includes("\u0000"));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(text, { nil: null }), { maxLength: 12 }), async (values) => {
        expect(await textsBack(values)).toEqual(values);
      }),
      { numRuns: 100 },
    );
  });

  it("carries numbers, amounts past 2^53, dates, instants and JSON into their column types", async () => {
    const [row] = await t.db.$queryRaw<{ ints: number[]; amounts: string[]; dates: string[]; instants: string[]; json: unknown[] }[]>`
      SELECT ${sqlArray([1, null, -7])}::int[] AS ints, (${sqlArray([9_007_199_254_740_993n, -1n])}::bigint[])::text[] AS amounts,
             (${sqlArray(["2026-03-01", null])}::date[])::text[] AS dates, (SELECT array_agg((extract(epoch FROM x) * 1000)::bigint::text) FROM unnest(${sqlArray([new Date("2026-03-16T01:02:03.456Z").toISOString()])}::timestamptz[]) AS x) AS instants,
             ${sqlArray([JSON.stringify({ name: 'a "b"', url: "c\\d" }), null])}::jsonb[] AS json`;
    expect(row).toEqual({ ints: [1, null, -7], amounts: ["9007199254740993", "-1"], dates: ["2026-03-01", null], instants: [String(Date.parse("2026-03-16T01:02:03.456Z"))], json: [{ name: 'a "b"', url: "c\\d" }, null] });
  });
});
