import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { businessDateToDb } from "@sunap/core";
import { callPath, createApiHarness, refusal, type ApiHarness, type CoreCaller } from "../testing/api-harness.ts";
import { meteredPlugin, type MeteredTerms } from "../testing/metered-plugin/index.ts";
import type { ContractView } from "../services/contract-service.ts";

let h: ApiHarness;
let finance: CoreCaller;
let payerA = 0;
let payerB = 0;

const terms = (over: Partial<MeteredTerms> = {}): MeteredTerms => ({ meterCode: "W-100", startOn: "2026-01-10", baseFeeWon: 10_000n, unitPriceWon: 500n, readings: {}, ...over });

beforeAll(async () => {
  h = await createApiHarness({ serverPlugins: [meteredPlugin] });
  finance = h.callerFor("finance");
  payerA = (await finance.payers.create({ payerCode: "C-A", kind: "individual", name: "강남고객", birthDate: "1990-01-01", phone: "010-1111-2222", storeId: h.stores.a.id })).id;
  payerB = (await finance.payers.create({ payerCode: "C-B", kind: "individual", name: "홍대고객", birthDate: "1991-02-02", phone: "010-3333-4444", storeId: h.stores.b.id })).id;
});
afterAll(async () => {
  await h?.drop();
});

describe("creating a contract", () => {
  it("parses the terms with the plugin's schema, titles it with describe, takes the payer's store and keeps bigints exact", async () => {
    const created = await finance.contracts.create({ pluginId: "metered", payerId: payerA, terms: terms({ baseFeeWon: 12_345_678_901_234n }) });
    expect(created).toMatchObject({ pluginId: "metered", payerId: payerA, storeId: h.stores.a.id, status: "active", startsOn: "2026-01-10", version: 1, nextIssueOn: null, termsProblem: null });
    expect(created.title).toBe("계량기 W-100 기본 12,345,678,901,234원");
    expect((created.terms as MeteredTerms).baseFeeWon).toBe(12_345_678_901_234n);
    const stored = await h.db.contract.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.terms).toMatchObject({ baseFeeWon: { $bigint: "12345678901234" } });
    expect((await finance.contracts.get({ id: created.id })).terms).toEqual(created.terms);
  });

  it("names the bad term's field under terms", async () => {
    const response = await h.request("finance", "contracts.create", { pluginId: "metered", payerId: payerA, terms: { ...terms(), unitPriceWon: 0n } });
    expect(response.status).toBe(400);
    expect(response.error?.data).toMatchObject({ domainCode: "contract.invalid_terms", fieldErrors: [{ field: "terms.unitPriceWon" }] });
    expect(await refusal(finance.contracts.create({ pluginId: "metered", payerId: payerA, terms: { ...terms(), startOn: "2026-02-30" } }))).toMatchObject({ domainCode: "contract.invalid_terms", field: "terms.startOn" });
  });

  it("refuses an unknown plugin, an unknown or departed payer, and a closed store, saving nothing", async () => {
    const before = await h.db.contract.count();
    expect(await refusal(finance.contracts.create({ pluginId: "bowling", payerId: payerA, terms: terms() }))).toMatchObject({ domainCode: "contract.unknown_plugin", field: "pluginId" });
    expect(await refusal(finance.contracts.create({ pluginId: "metered", payerId: 999_999, terms: terms() }))).toMatchObject({ domainCode: "contract.unknown_payer", field: "payerId" });
    const leaver = await finance.payers.create({ payerCode: "C-LEFT", kind: "individual", name: "탈퇴", birthDate: "1970-01-01", phone: "010-9999-0000" });
    await h.db.payer.update({ where: { id: leaver.id }, data: { status: "left", leftOn: businessDateToDb("2026-03-01") } });
    expect(await refusal(finance.contracts.create({ pluginId: "metered", payerId: leaver.id, terms: terms() }))).toMatchObject({ domainCode: "contract.payer_inactive" });
    const closed = await h.db.store.create({ data: { code: "CLOSED", name: "폐점", region: "서울", openedOn: businessDateToDb("2024-01-01"), closedOn: businessDateToDb("2026-02-28") } });
    expect(await refusal(finance.contracts.create({ pluginId: "metered", payerId: payerA, storeId: closed.id, terms: terms() }))).toMatchObject({ domainCode: "contract.store_closed", field: "storeId" });
    expect(await h.db.contract.count()).toBe(before);
  });
});

describe("changing and ending a contract", () => {
  it("bumps the version, resets the next issue date, and refuses an edit made on a stale version", async () => {
    const c = await finance.contracts.create({ pluginId: "metered", payerId: payerB, terms: terms({ meterCode: "W-200" }) });
    await h.db.contract.update({ where: { id: c.id }, data: { nextIssueOn: businessDateToDb("2026-04-01") } });
    const changed = await finance.contracts.updateTerms({ id: c.id, version: 1, terms: terms({ meterCode: "W-201" }), reason: "계량기 교체" });
    expect(changed).toMatchObject({ version: 2, title: "계량기 W-201 기본 10,000원", nextIssueOn: null });
    expect(await refusal(finance.contracts.updateTerms({ id: c.id, version: 1, terms: terms({ meterCode: "W-202" }) }))).toMatchObject({ code: "CONFLICT", domainCode: "contract.version_conflict", field: "version" });
    expect((await finance.contracts.get({ id: c.id })).title).toContain("W-201");
  });

  it("ends a contract, not before it starts, and refuses a second end or an edit after", async () => {
    const c = await finance.contracts.create({ pluginId: "metered", payerId: payerB, terms: terms({ meterCode: "W-300" }) });
    expect(await refusal(finance.contracts.end({ id: c.id, endedOn: "2025-12-31" }))).toMatchObject({ domainCode: "contract.end_before_start", field: "endedOn" });
    expect(await finance.contracts.end({ id: c.id, endedOn: "2026-03-15", reason: "해지" })).toMatchObject({ status: "ended", endedOn: "2026-03-15" });
    expect(await refusal(finance.contracts.end({ id: c.id, endedOn: "2026-03-16" }))).toMatchObject({ domainCode: "contract.ended" });
    expect(await refusal(finance.contracts.updateTerms({ id: c.id, version: 2, terms: terms() }))).toMatchObject({ domainCode: "contract.ended" });
  });

  it("lets the plugin's own router change terms through the contract service (metered.recordReading)", async () => {
    const c = await finance.contracts.create({ pluginId: "metered", payerId: payerA, terms: terms({ meterCode: "W-400" }) });
    const after = (await callPath(finance, "metered.recordReading", { contractId: c.id, month: "2026-02", units: 42 })) as ContractView;
    expect(after.version).toBe(2);
    expect((after.terms as MeteredTerms).readings).toEqual({ "2026-02": 42 });
  });
});

describe("listing contracts", () => {
  it("filters by plugin, payer, store and status, searches titles and payer names, sorts and paginates on the server", async () => {
    const all = await finance.contracts.list({ filters: [{ field: "pluginId", operator: "eq", value: "metered" }] });
    expect(all.total).toBeGreaterThanOrEqual(4);
    const byPayer = await finance.contracts.list({ filters: [{ field: "payerId", operator: "eq", value: payerB }] });
    expect(byPayer.data.every((c) => c.payerId === payerB)).toBe(true);
    const ended = await finance.contracts.list({ filters: [{ field: "status", operator: "eq", value: "ended" }] });
    expect(ended.data.map((c) => c.title)).toEqual(["계량기 W-300 기본 10,000원"]);
    expect((await finance.contracts.list({ filters: [{ field: "search", operator: "contains", value: "W-201" }] })).data).toHaveLength(1);
    expect((await finance.contracts.list({ filters: [{ field: "search", operator: "contains", value: "홍대고객" }] })).total).toBe(byPayer.total);
    const page = await finance.contracts.list({ pagination: { current: 2, pageSize: 2 }, sorters: [{ field: "id", order: "asc" }] });
    expect(page.data).toHaveLength(2);
    expect(page.data[0]!.id).toBeLessThan(page.data[1]!.id);
    expect(page.total).toBe(all.total);
    expect(await refusal(finance.contracts.list({ filters: [{ field: "terms", operator: "eq", value: "x" }] }))).toMatchObject({ domainCode: "input.invalid" });
  });

  it("shows a store owner only their store's contracts, and refuses another store's by id", async () => {
    const owner = h.callerFor("store_owner");
    const mine = await owner.contracts.list({});
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.data.every((c) => c.storeId === h.stores.a.id)).toBe(true);
    const theirs = (await finance.contracts.list({ filters: [{ field: "storeId", operator: "eq", value: h.stores.b.id }] })).data[0]!;
    expect(await refusal(owner.contracts.get({ id: theirs.id }))).toMatchObject({ code: "FORBIDDEN", domainCode: "auth.store_forbidden" });
    expect(await refusal(owner.contracts.preview({ id: theirs.id }))).toMatchObject({ domainCode: "auth.store_forbidden" });
  });
});

describe("previewing a contract", () => {
  it("computes the next periods and their charges with the plugin's rules, issuing nothing", async () => {
    const c = await finance.contracts.create({ pluginId: "metered", payerId: payerA, terms: terms({ meterCode: "W-500", startOn: "2026-02-15", readings: { "2026-02": 10 } }) });
    const periods = await finance.contracts.preview({ id: c.id, count: 3 });
    expect(periods.map((p) => p.key)).toEqual(["meter:2026-02", "meter:2026-03", "meter:2026-04"]);
    expect(periods[0]).toMatchObject({ start: "2026-02-15", end: "2026-02-28", issueOn: "2026-03-01", dueOn: "2026-03-15", totalWon: 16_500n });
    expect(periods[0]!.lines.map((l) => [l.kind, l.amountWon, l.creditAccount])).toEqual([["base_fee", 10_000n, "revenue_metered"], ["usage", 5_000n, "revenue_metered"], ["vat", 1_500n, "vat_payable"]]);
    expect(periods[1]!.totalWon).toBe(11_000n);
    expect(await h.db.invoice.count()).toBe(0);
  });

  it("previews a draft the create form holds, and names a bad draft term", async () => {
    const periods = await finance.contracts.preview({ draft: { pluginId: "metered", terms: terms({ startOn: "2026-03-01" }) }, count: 2 });
    expect(periods.map((p) => p.issueOn)).toEqual(["2026-04-01", "2026-05-01"]);
    expect(await refusal(finance.contracts.preview({ draft: { pluginId: "metered", terms: { ...terms(), baseFeeWon: -1n } } }))).toMatchObject({ domainCode: "contract.invalid_terms", field: "terms.baseFeeWon" });
  });
});

describe("plugin settings", () => {
  it("gives the schema's defaults until saved, saves valid settings and names a bad one", async () => {
    expect(await finance.pluginSettings.get({ pluginId: "metered" })).toEqual({ pluginId: "metered", settings: { dueAfterDays: 14 } });
    await h.db.contract.updateMany({ data: { nextIssueOn: businessDateToDb("2026-05-01") } });
    await finance.pluginSettings.update({ pluginId: "metered", settings: { dueAfterDays: 7 } });
    expect((await finance.pluginSettings.get({ pluginId: "metered" })).settings).toEqual({ dueAfterDays: 7 });
    // Settings change what is billed: every active contract is looked at again on the next run.
    expect(await h.db.contract.count({ where: { status: "active", nextIssueOn: { not: null } } })).toBe(0);
    expect(await refusal(finance.pluginSettings.update({ pluginId: "metered", settings: { dueAfterDays: 99 } }))).toMatchObject({ domainCode: "plugin_settings.invalid", field: "settings.dueAfterDays" });
    expect(await refusal(h.callerFor("auditor").pluginSettings.update({ pluginId: "metered", settings: {} }))).toMatchObject({ code: "FORBIDDEN" });
  });
});
