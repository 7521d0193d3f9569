import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, roleHas } from "@sunap/core";
import { createSandboxProviders } from "@sunap/notify";
import { createApiHarness, refusal, type ApiHarness } from "../testing/api-harness.ts";
import { dispatchDueMessages } from "../services/notify-dispatcher.ts";
import { enqueueMessage } from "../services/notify-outbox.ts";

let h: ApiHarness;
const ids: Record<string, number> = {};

beforeAll(async () => {
  h = await createApiHarness();
  const { keyring } = await h.contextFor(null);
  const now = h.clock.now();
  const queue = (key: string, input: Omit<Parameters<typeof enqueueMessage>[2], "idempotencyKey" | "now">) =>
    enqueueMessage(h.db, keyring, { ...input, idempotencyKey: key, now } as Parameters<typeof enqueueMessage>[2]).then((m) => (ids[key] = m.id));
  await queue("otp", { channel: "sms", to: "010-2345-6789", template: "otp_code", variables: { creditorName: "수납피트니스", code: "902114" }, payerId: 11 });
  await queue("invoice", { channel: "email", to: "minji.kim@example.kr", template: "invoice_issued", variables: { creditorName: "수납피트니스", payerName: "김민지", invoiceNumber: "2026-000001", amountWon: 55_000n, dueOn: "2026-03-25", collection: "bank_transfer", bankName: "우리은행", creditorAccount: "1005-123-456789", invoiceUrl: "https://sunap.example.kr/i/1" }, payerId: 12 });
  await queue("notice", { channel: "sms", to: "010-9999-0000", template: "generic_notice", variables: { creditorName: "수납피트니스", title: "계좌 안내", text: "입금 계좌: 110-123-456789 (신한)" } });
  await queue("queued", { channel: "alimtalk", to: "010-2345-6789", template: "consent_withdrawn", variables: { creditorName: "수납피트니스", payerName: "홍길동", withdrawnOn: "2026-03-16" }, sendAfter: new Date(now.getTime() + 3_600_000) });
  await dispatchDueMessages(h.db, h.clock, { keyring, providers: createSandboxProviders() });
});
afterAll(async () => {
  await h?.drop();
});

describe("messages.list", () => {
  it("shows recipients masked, one-time codes masked and account numbers cut to their last four", async () => {
    const { data, total } = await h.callerFor("finance").messages.list({ sorters: [{ field: "id", order: "asc" }] });
    expect(total).toBe(4);
    expect(data.map((m) => [m.templateCode, m.status, m.recipientMasked])).toEqual([
      ["otp_code", "sent", "010-****-6789"],
      ["invoice_issued", "sent", "mi***@example.kr"],
      ["generic_notice", "failed", "010-****-0000"],
      ["consent_withdrawn", "queued", "010-****-6789"],
    ]);
    expect(data[0]!.body).toBe("[수납피트니스] 인증번호 [******]를 입력해 주세요. 3분간 유효합니다.");
    expect(data[2]!.body).toBe("[수납피트니스] 계좌 안내\n입금 계좌: ***-***-**6789 (신한)");
    const text = JSON.stringify(data);
    for (const secret of ["902114", "2345-6789", "01023456789", "minji.kim", "110-123-456789", "v1."]) expect(text).not.toContain(secret);
    expect(data[0]).not.toHaveProperty("recipientEnc");
    expect(data[0]).not.toHaveProperty("secretEnc");
    expect(data[0]).not.toHaveProperty("recipientBidx");
  });

  it("filters by channel, status, template, payer, created-at range and recipient", async () => {
    const list = (filters: { field: string; operator: "eq" | "in" | "gte" | "lte"; value: unknown }[]) => h.callerFor("auditor").messages.list({ filters }).then((r) => r.data.map((m) => m.id).sort());
    expect(await list([{ field: "channel", operator: "eq", value: "email" }])).toEqual([ids.invoice]);
    expect(await list([{ field: "status", operator: "in", value: ["failed", "queued"] }])).toEqual([ids.notice, ids.queued].sort());
    expect(await list([{ field: "templateCode", operator: "eq", value: "otp_code" }])).toEqual([ids.otp]);
    expect(await list([{ field: "payerId", operator: "eq", value: 12 }])).toEqual([ids.invoice]);
    const now = h.clock.now().toISOString();
    expect(await list([{ field: "createdAt", operator: "lte", value: now }, { field: "createdAt", operator: "gte", value: "2020-01-01T00:00:00Z" }])).toHaveLength(4);
    expect(await list([{ field: "createdAt", operator: "gte", value: new Date(Date.parse(now) + 60_000).toISOString() }])).toEqual([]);
    expect(await list([{ field: "recipient" as string, operator: "eq", value: "01023456789" }])).toEqual([ids.otp, ids.queued].sort());
    expect(await list([{ field: "recipient" as string, operator: "eq", value: "Minji.Kim@example.kr" }])).toEqual([ids.invoice]);
    expect(await list([{ field: "recipient" as string, operator: "eq", value: "not a phone" }])).toEqual([]);
  });

  it("refuses to filter on a field it does not know", async () => {
    expect(await refusal(h.callerFor("finance").messages.list({ filters: [{ field: "recipientEnc", operator: "eq", value: "x" }] }))).toMatchObject({ code: "BAD_REQUEST", domainCode: "input.invalid" });
  });

  it("gets one message, masked, and says when there is none", async () => {
    expect(await h.callerFor("franchise_hq").messages.get({ id: ids.otp! })).toMatchObject({ id: ids.otp, hasSecret: true, body: expect.stringContaining("[******]"), deliveredAs: "sms", provider: "sandbox" });
    expect(await refusal(h.callerFor("admin").messages.get({ id: 999_999 }))).toMatchObject({ code: "NOT_FOUND", domainCode: "not_found" });
  });

  it.each(ROLES)("lets %s read the message log only with message.read", async (role) => {
    const call = h.callerFor(role).messages.list({});
    if (roleHas(role, "message.read")) await expect(call).resolves.toMatchObject({ total: 4 });
    else expect(await refusal(call)).toMatchObject({ code: "FORBIDDEN", domainCode: "auth.forbidden" });
  });

  it("grants reading to admin, finance, franchise HQ and the auditor, and resending to admin and finance", () => {
    expect(ROLES.filter((r) => roleHas(r, "message.read"))).toEqual(["admin", "finance", "franchise_hq", "auditor"]);
    expect(ROLES.filter((r) => roleHas(r, "message.write"))).toEqual(["admin", "finance"]);
  });
});

describe("messages.resend", () => {
  it("refuses roles without message.write", async () => {
    for (const role of ["auditor", "franchise_hq", "store_owner"] as const) {
      expect(await refusal(h.callerFor(role).messages.resend({ id: ids.notice! }))).toMatchObject({ code: "FORBIDDEN", domainCode: "auth.forbidden" });
    }
  });

  it("refuses to resend a message that did not fail", async () => {
    expect(await refusal(h.callerFor("finance").messages.resend({ id: ids.otp! }))).toMatchObject({ code: "CONFLICT", domainCode: "message.not_failed" });
    const response = await h.request("finance", "messages.resend", { id: ids.queued }, { locale: "en" });
    expect(response.error?.message).toBe("Only a failed message can be resent (this one is queued).");
  });

  it("queues a failed message again from its first attempt", async () => {
    const resent = await h.callerFor("finance").messages.resend({ id: ids.notice! });
    expect(resent).toMatchObject({ id: ids.notice, status: "queued", attempts: 0 });
    expect(await refusal(h.callerFor("finance").messages.resend({ id: ids.notice! }))).toMatchObject({ domainCode: "message.not_failed" });
  });
});

describe("messages.sandboxInbox", () => {
  it("shows, in demo mode, what the sandbox sent to a phone, with the one-time code in the clear", async () => {
    const inbox = await h.callerFor("finance").messages.sandboxInbox({ to: "010-2345-6789" });
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ id: ids.otp, templateCode: "otp_code", status: "sent", secrets: ["902114"], body: "[수납피트니스] 인증번호 [902114]를 입력해 주세요. 3분간 유효합니다." });
    const withQueued = await h.callerFor("finance").messages.sandboxInbox({ to: "+82 10 2345 6789", includeQueued: true });
    expect(withQueued.map((m) => m.id)).toEqual([ids.queued, ids.otp]);
  });

  it("finds e-mails by address, whatever its case", async () => {
    expect(await h.callerFor("auditor").messages.sandboxInbox({ to: "MINJI.KIM@example.kr" })).toMatchObject([{ id: ids.invoice, channel: "email", secrets: [] }]);
  });

  it("refuses outside demo mode", async () => {
    expect(await refusal(h.callerFor("admin", { demoMode: false }).messages.sandboxInbox({ to: "010-2345-6789" }))).toMatchObject({ code: "FORBIDDEN", domainCode: "sandbox.demo_only" });
    const response = await h.request("admin", "messages.sandboxInbox", { to: "010-2345-6789" }, { demoMode: false });
    expect(response.error?.message).toBe("샌드박스 수신함은 데모 모드에서만 볼 수 있습니다.");
  });

  it("refuses a recipient that is neither a phone nor an address", async () => {
    expect(await refusal(h.callerFor("admin").messages.sandboxInbox({ to: "hello" }))).toMatchObject({ code: "BAD_REQUEST", domainCode: "notify.bad_recipient", field: "to" });
  });

  it("is refused to a store owner", async () => {
    expect(await refusal(h.callerFor("store_owner").messages.sandboxInbox({ to: "010-2345-6789" }))).toMatchObject({ code: "FORBIDDEN", domainCode: "auth.forbidden" });
  });
});
