import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@sunap/db/testing";
import { generateDevKeyring } from "@sunap/db";
import { pruneRateLimitWindows, RateLimits } from "./rate-limits.ts";

let t: TestDatabase;
const { keyring } = generateDevKeyring();
const rule = { limit: 3, windowMs: 60_000 };
let nowMs = Date.parse("2026-03-02T01:00:00.000Z");
const now = () => new Date(nowMs);

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

describe("RateLimits (PostgreSQL)", () => {
  it("shares one count between instances, as separate server processes would, and refuses the attempt over the limit", async () => {
    const first = new RateLimits(t.db, keyring, now);
    const second = new RateLimits(t.db, keyring, now);
    expect(await first.hit("test.shared", rule, "203.0.113.7")).toBe(0);
    expect(await second.hit("test.shared", rule, "203.0.113.7")).toBe(0);
    expect(await first.hit("test.shared", rule, "203.0.113.7")).toBe(0);
    expect(await second.hit("test.shared", rule, "203.0.113.7")).toBeGreaterThan(0);
    // Another key and another limit keep their own counts.
    expect(await second.hit("test.shared", rule, "203.0.113.8")).toBe(0);
    expect(await second.hit("test.other", rule, "203.0.113.7")).toBe(0);
  });

  it("counts concurrent attempts exactly: of 10 at once against a limit of 3, 7 are refused", async () => {
    const limits = new RateLimits(t.db, keyring, now);
    const waits = await Promise.all(Array.from({ length: 10 }, () => limits.hit("test.concurrent", rule, "198.51.100.1")));
    expect(waits.filter((w) => w === 0)).toHaveLength(3);
  });

  it("stores a keyed hash, never the IP or phone itself", async () => {
    await new RateLimits(t.db, keyring, now).hit("test.private", rule, "010-1234-5678");
    const rows = await t.db.$queryRaw<{ row: string }[]>`SELECT row_to_json(r)::text AS row FROM rate_limit_counter r WHERE bucket = 'test.private'`;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.row).not.toMatch(/1234|5678/);
  });

  it("lets attempts through again once the earlier ones have faded, and the housekeeping deletes windows older than a day", async () => {
    const limits = new RateLimits(t.db, keyring, now);
    for (let i = 0; i < 3; i++) await limits.hit("test.fade", rule, "k");
    expect(await limits.hit("test.fade", rule, "k")).toBeGreaterThan(0);
    nowMs += 2 * rule.windowMs;
    expect(await limits.hit("test.fade", rule, "k")).toBe(0);

    nowMs += 25 * 60 * 60_000;
    await limits.hit("test.fade", rule, "k");
    const deleted = await pruneRateLimitWindows(t.db, now());
    expect(deleted).toBeGreaterThan(0);
    const left = await t.db.rateLimitCounter.findMany({ where: { bucket: "test.fade" } });
    expect(left).toHaveLength(1);
  });
});
