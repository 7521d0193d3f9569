import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiHarness, HARNESS_TODAY, type ApiHarness, type CoreCaller } from "../testing/api-harness.ts";
import { loadNoticePayers } from "./invoice-notifications.ts";
import { manageUrlsFor } from "./manage-links.ts";

let h: ApiHarness;
let finance: CoreCaller;
const SCAN = Buffer.concat([Buffer.from("%PDF-1.4\n% scanned consent form\n"), Buffer.alloc(2048, 0x20), Buffer.from("\n%%EOF\n")]);

async function payerWithPaperConsent(code: string, phone: string) {
  const payer = await finance.payers.create({ payerCode: code, kind: "individual", name: "관리링크", birthDate: "1970-03-04", phone });
  const consent = await finance.consents.recordOffline({ payerId: payer.id, method: "paper", agreedOn: "2026-03-10", bankCode: "004", accountNumber: "12345678901234", holderName: "관리링크", file: { name: "consent.pdf", base64: SCAN.toString("base64") }, idempotencyKey: `manage-${code}` });
  return { payerId: payer.id, consentId: consent.id };
}

beforeAll(async () => {
  h = await createApiHarness();
  finance = h.callerFor("finance");
});
afterAll(async () => {
  await h?.drop();
});

describe("manageUrlsFor (the self-service link in every message)", () => {
  it("gives a payer with a standing consent a link that opens the manage page, the same one while it has a month left", async () => {
    const { payerId } = await payerWithPaperConsent("ML-1", "010-7777-0001");
    const first = (await manageUrlsFor(h.db, h.keyring, h.clock, [payerId])).get(payerId)!;
    expect(first).toMatch(/\/enroll\/[0-9a-z]+\.[\w-]{22}\.[\w-]{22}$/);
    expect((await manageUrlsFor(h.db, h.keyring, h.clock, [payerId, payerId])).get(payerId)).toBe(first);
    const page = await h.callerWithToken(null, { ip: "192.0.2.50" }).enroll.open({ token: first.split("/").pop()! });
    expect(page).toMatchObject({ mode: "manage", prefill: { phoneMasked: "010-****-0001" } });
  });

  it("makes a fresh link when the one it has would lapse within a month, and none for a payer without consent or after withdrawal", async () => {
    const { payerId, consentId } = await payerWithPaperConsent("ML-2", "010-7777-0002");
    const stranger = (await finance.payers.create({ payerCode: "ML-3", kind: "individual", name: "무동의", birthDate: "1980-01-01", phone: "010-7777-0003" })).id;
    const before = (await manageUrlsFor(h.db, h.keyring, h.clock, [payerId, stranger]));
    expect(before.has(stranger)).toBe(false);
    try {
      await h.setToday("2028-02-20"); // 23 months on: the 730-day link has less than 30 days left
      const later = (await manageUrlsFor(h.db, h.keyring, h.clock, [payerId])).get(payerId)!;
      expect(later).not.toBe(before.get(payerId));
      expect(await h.db.enrollmentLink.count({ where: { payerId, purpose: "manage" } })).toBe(2);
    } finally {
      await h.setToday(HARNESS_TODAY);
    }
    await finance.consents.withdraw({ id: consentId, reason: "전화로 해지 요청" });
    expect((await manageUrlsFor(h.db, h.keyring, h.clock, [payerId])).has(payerId)).toBe(false);
  });

  it("goes into the invoice notice's payer data, so the invoice_issued message carries it", async () => {
    const { payerId } = await payerWithPaperConsent("ML-4", "010-7777-0004");
    const payers = await loadNoticePayers(h.db, h.keyring, h.clock, [payerId]);
    expect(payers.get(payerId)?.manageUrl).toMatch(/\/enroll\//);
  });
});
