import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isMessageCode } from "@sunap/core";
import { createApiHarness, ORGANIZATION, refusal, type ApiHarness } from "../testing/api-harness.ts";

let h: ApiHarness;

beforeAll(async () => {
  h = await createApiHarness();
});
afterAll(async () => {
  await h?.drop();
});

async function written() {
  const [stores, users, audit] = await Promise.all([h.db.store.count(), h.db.user.count(), h.db.auditLog.count()]);
  return { stores, users, audit };
}

describe("bad input gets a clear, specific error and changes nothing", () => {
  it("names every malformed field of a new store, with a message the client can show", async () => {
    const before = await written();
    const response = await h.request("franchise_hq", "stores.create", { code: "!", name: "", region: "서울", openedOn: "2026-02-30" }, { locale: "en" });
    expect(response.status).toBe(400);
    expect(response.error?.data).toMatchObject({ code: "BAD_REQUEST", domainCode: null });
    expect(response.error?.data.fieldErrors.map((f) => f.field)).toEqual(["code", "name", "openedOn"]);
    expect(response.error?.data.fieldErrors.find((f) => f.field === "openedOn")).toMatchObject({ code: "input.date", message: "Enter a real date as YYYY-MM-DD (e.g. 2026-03-16)." });
    expect(response.error?.message).toBe("The input is not valid: code: Only letters, digits, - and _ are allowed.; name: This is required.; openedOn: Enter a real date as YYYY-MM-DD (e.g. 2026-03-16).");
    expect(await written()).toEqual(before);
  });

  it("speaks Korean by default", async () => {
    const response = await h.request("franchise_hq", "stores.create", { code: "!", name: "잠실점", region: "서울", openedOn: "2026-03-01" });
    expect(response.error?.message).toBe("입력값이 올바르지 않습니다: code: 영문자, 숫자, -, _ 만 쓸 수 있습니다.");
  });

  it("refuses a store code already used, whatever its case, naming the code field", async () => {
    const before = await written();
    const response = await h.request("franchise_hq", "stores.create", { code: "gangnam", name: "강남2호점", region: "서울", openedOn: "2026-03-01" }, { locale: "en" });
    expect(response.status).toBe(409);
    expect(response.error).toMatchObject({ message: "The store code GANGNAM is already used.", data: { domainCode: "store.code_taken", fieldErrors: [{ field: "code", message: "The store code GANGNAM is already used." }] } });
    expect(await refusal(h.callerFor("franchise_hq").stores.update({ id: h.stores.b.id, values: { code: "GANGNAM", name: "홍대점", region: "서울", openedOn: "2024-09-01" } }))).toMatchObject({ code: "CONFLICT", domainCode: "store.code_taken", field: "code" });
    expect(await written()).toEqual(before);
  });

  it("refuses a store that closes before it opened", async () => {
    expect(await refusal(h.callerFor("franchise_hq").stores.create({ code: "MAPO", name: "마포점", region: "서울", openedOn: "2026-03-01", closedOn: "2026-02-01" }))).toMatchObject({ code: "BAD_REQUEST", domainCode: "store.closed_before_opened", field: "closedOn" });
  });

  it("refuses a business registration number whose check digit is wrong, and keeps the organisation as it was", async () => {
    const response = await h.request("admin", "organization.update", { ...ORGANIZATION, businessNumber: "220-81-62518" }, { locale: "en" });
    expect(response.status).toBe(400);
    expect(response.error?.data).toMatchObject({ domainCode: "org.bad_business_number", fieldErrors: [{ field: "businessNumber", message: "The business registration number's check digit is wrong." }] });
    expect((await refusal(h.callerFor("admin").organization.update({ ...ORGANIZATION, businessNumber: "12345" }))).zodPaths).toEqual(["businessNumber"]);
    expect(await h.db.organization.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ businessNumber: ORGANIZATION.businessNumber });
  });

  it("refuses a new user with a taken e-mail, a weak password, or a store owner without a real store", async () => {
    const admin = h.callerFor("admin");
    const before = await written();
    const newUser = { email: "owner2@sunap.test", name: "점주", role: "store_owner" as const, password: "Good-password-2026", storeIds: [h.stores.b.id] };
    expect(await refusal(admin.users.create({ ...newUser, email: h.users.finance.email }))).toMatchObject({ code: "CONFLICT", domainCode: "user.email_taken", field: "email" });
    expect(await refusal(admin.users.create({ ...newUser, password: "short1" }))).toMatchObject({ code: "BAD_REQUEST", domainCode: "password.too_short", field: "password" });
    expect(await refusal(admin.users.create({ ...newUser, storeIds: [] }))).toMatchObject({ code: "BAD_REQUEST", domainCode: "user.store_owner_needs_store", field: "storeIds" });
    const unknownStore = await h.request("admin", "users.create", { ...newUser, storeIds: [h.stores.b.id, 9_999] }, { locale: "en" });
    expect(unknownStore.status).toBe(400);
    expect(unknownStore.error).toMatchObject({ message: "store 9999 was not found.", data: { fieldErrors: [{ field: "storeIds" }] } });
    expect(await written()).toEqual(before);
  });

  it("says every field problem of a sample of procedures through the catalogue: Korean by default, English when chosen", async () => {
    const samples: [Parameters<ApiHarness["request"]>[0], string, unknown][] = [
      ["franchise_hq", "stores.create", { code: "a b", name: "x".repeat(200), region: "", openedOn: "2026-13-01", closedOn: 5 }],
      ["finance", "payers.create", { payerCode: "", kind: "robot", name: "", phone: "", email: "not-mail", tags: Array.from({ length: 21 }, () => "t") }],
      ["admin", "organization.update", { ...ORGANIZATION, businessNumber: "12", cmsInstitutionCode: "ab", settlementAccount: "x", unknownField: 1 }],
      ["finance", "ledger.post", { effectiveOn: "yesterday", memo: "m", lines: [{ accountCode: "cash", amountWon: 0n }] }],
      ["finance", "consents.evidence", { fileId: -1, reason: "r".repeat(201) }],
      ["finance", "periods.close", { month: "2026-3" }],
    ];
    for (const [who, path, input] of samples) {
      const ko = await h.request(who, path, input);
      const en = await h.request(who, path, input, { locale: "en" });
      expect({ path, status: ko.status }).toEqual({ path, status: 400 });
      const fields = ko.error!.data.fieldErrors;
      expect(fields.length).toBeGreaterThan(0);
      for (const [i, field] of fields.entries()) {
        expect({ path, field: field.field, known: isMessageCode(field.code) }).toEqual({ path, field: field.field, known: true });
        expect(field.message).toMatch(/[가-힣]/);
        expect(field.message).not.toMatch(/\{\w+\}/);
        expect(en.error!.data.fieldErrors[i]).toMatchObject({ field: field.field, code: field.code });
        expect(en.error!.data.fieldErrors[i]!.message).not.toMatch(/[가-힣]|\{\w+\}/);
      }
    }
  });

  it("refuses a list filter on a field the list does not offer, naming it", async () => {
    expect(await refusal(h.callerFor("admin").users.list({ filters: [{ field: "passwordHash", operator: "contains", value: "$argon2" }] }))).toMatchObject({ code: "BAD_REQUEST", domainCode: "input.invalid", field: "passwordHash" });
  });
});
