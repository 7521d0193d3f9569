import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBilling } from "@sunap/api";
import { createApiHarness, type ApiHarness, type CoreCaller } from "@sunap/api/testing";
import { subscriptionRouter } from "./router.ts";
import { subscriptionPlugin } from "./server.ts";

type SubscriptionCaller = ReturnType<typeof subscriptionRouter.createCaller>;
const plugin = (caller: CoreCaller) => (caller as unknown as { subscription: SubscriptionCaller }).subscription;

let h: ApiHarness;
let finance: CoreCaller;
let sub: SubscriptionCaller;
let payer = 0;

const bill = () => runBilling({ db: h.db, registry: h.billing, keyring: h.keyring, clock: h.clock, trigger: "test" });
const marchInvoice = (contractId: number) => h.db.invoice.findFirstOrThrow({ where: { contractId, periodKey: "2026-03" } });
const notesOf = (invoiceId: number) => h.db.creditNote.findMany({ where: { invoiceId }, include: { lines: { orderBy: { position: "asc" } } }, orderBy: { id: "asc" } });

beforeAll(async () => {
  h = await createApiHarness({ serverPlugins: [subscriptionPlugin], today: "2026-03-16" });
  finance = h.callerFor("finance");
  sub = plugin(finance);
  payer = (await finance.payers.create({ payerCode: "PT-1", kind: "individual", name: "정지회원", birthDate: "1990-01-01", phone: "010-1111-2222", plugins: ["subscription"], storeId: h.stores.a.id })).id;
  // 31,000 won a month plus VAT on top: a 31-day March makes the daily figures round.
  await sub.plans.create({ code: "PT", nameKo: "PT 월회원", nameEn: "PT monthly", interval: "monthly", priceWon: 31_000n, vat: "on_top" });
});
afterAll(async () => {
  await h?.drop();
});

describe("a stop inside a period already invoiced", () => {
  it("pausing on the 20th of an invoiced March credits 12 of its 31 days (supply truncated to the won, VAT as billed), keyed pause:2026-03", async () => {
    const contract = await sub.subscriptions.start({ payerId: payer, planCode: "PT", startOn: "2026-03-01", anchorDay: 1 });
    expect((await bill()).failures).toEqual([]);
    const invoice = await marchInvoice(contract.id);
    expect(invoice.totalWon).toBe(34_100n);

    await sub.subscriptions.pause({ id: contract.id, version: contract.version, from: "2026-03-20", reason: "부상" });
    const [note, ...others] = await notesOf(invoice.id);
    expect(others).toEqual([]);
    expect(note).toMatchObject({ totalWon: 13_200n, toCustomerCreditWon: 0n, idempotencyKey: `credit-note:v1:${invoice.id}:pause:2026-03` });
    expect(note!.lines.map((l) => [l.invoiceLinePosition, l.debitAccount, l.amountWon])).toEqual([
      [1, "revenue_subscription", 12_000n],
      [2, "vat_payable", 1_200n],
    ]);
    expect(note!.lines[0]!.labelKo).toBe("일시정지 미사용 12/31일 (일할, 원 미만 절사)");
    expect((await marchInvoice(contract.id)).openWon).toBe(20_900n);
    // The pause and the note are both on record, in the same transaction.
    expect(await h.db.auditLog.count({ where: { action: "credit_note.issue", entityId: String(note!.id) } })).toBe(1);
  });

  it("cancelling now after the invoice was paid credits the rest of the period to the payer's customer credit", async () => {
    const contract = await sub.subscriptions.start({ payerId: payer, planCode: "PT", startOn: "2026-03-01", anchorDay: 1 });
    await bill();
    const invoice = await marchInvoice(contract.id);
    await finance.payments.record({ payerId: payer, receivedOn: "2026-03-05", amountWon: 34_100n, method: "bank_transfer", reference: "3월분", idempotencyKey: "pt-pay-0001", allocation: { kind: "chosen", allocations: [{ invoiceId: invoice.id, amountWon: 34_100n }] } });
    await sub.subscriptions.cancel({ id: contract.id, version: contract.version, on: "2026-03-16", mode: "now", reason: "이사" });
    const [note] = await notesOf(invoice.id);
    // 16 days (the 16th to the 31st): 31,000 × 16/31 = 16,000 supply, 1,600 VAT.
    expect(note).toMatchObject({ totalWon: 17_600n, toCustomerCreditWon: 17_600n, idempotencyKey: `credit-note:v1:${invoice.id}:cancel:2026-03` });
    expect(await finance.invoices.get({ id: invoice.id })).toMatchObject({ status: "paid", openWon: 0n });
    const credit = await h.db.journalLine.aggregate({ where: { accountCode: "customer_credits", payerId: payer }, _sum: { amountWon: true } });
    expect(credit._sum.amountWon).toBe(-17_600n);
  });

  it("issues nothing for a pause or a cancellation at the period's end or in a period not invoiced yet", async () => {
    const contract = await sub.subscriptions.start({ payerId: payer, planCode: "PT", startOn: "2026-03-01", anchorDay: 1 });
    await bill();
    const invoice = await marchInvoice(contract.id);
    const paused = await sub.subscriptions.pause({ id: contract.id, version: contract.version, from: "2026-05-01" });
    await sub.subscriptions.cancel({ id: contract.id, version: paused.version, on: "2026-03-20", mode: "period_end" });
    expect(await notesOf(invoice.id)).toEqual([]);
  });
});
