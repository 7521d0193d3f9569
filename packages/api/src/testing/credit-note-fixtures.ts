import { businessDateToDb, vatOf, type BusinessDate, type PostingLine, type Won } from "@sunap/core";
import { postEntry, refreshInvoiceOpenAmounts, type Db } from "@sunap/db";
import { FIXTURE_PLUGIN_ID, FIXTURE_REVENUE_ACCOUNT } from "./invoice-fixtures.ts";

export interface VatFixtureInput {
  payerId: number;
  storeId?: number | null;
  issueOn: BusinessDate;
  dueOn: BusinessDate;
  supplyWon: Won;
  number?: string;
}

/**
 * An issued invoice as the engine leaves it with a supply line (position 1) and a VAT line
 * (position 2, 10% truncated): contract, invoice, lines, and the entry naming the invoice. For
 * credit note tests, which take back line by line.
 */
export async function issueVatFixtureInvoice(db: Db, input: VatFixtureInput): Promise<{ id: number; number: string; totalWon: Won }> {
  await db.ledgerAccount.upsert({ where: { code: FIXTURE_REVENUE_ACCOUNT }, create: { code: FIXTURE_REVENUE_ACCOUNT, nameKo: "테스트 매출", nameEn: "Fixture revenue", type: "revenue", pluginId: FIXTURE_PLUGIN_ID }, update: {} });
  const storeId = input.storeId ?? null;
  const vatWon = vatOf(input.supplyWon);
  const totalWon = input.supplyWon + vatWon;
  return db.$transaction(async (tx) => {
    const contract = await tx.contract.create({ data: { pluginId: FIXTURE_PLUGIN_ID, payerId: input.payerId, storeId, title: "월 구독", terms: {}, startsOn: businessDateToDb(input.issueOn) } });
    const [{ id }] = await tx.$queryRaw<[{ id: number }]>`SELECT nextval(pg_get_serial_sequence('invoice', 'id'))::int AS id`;
    const number = input.number ?? `VX-${input.issueOn.slice(0, 4)}-${String(id).padStart(6, "0")}`;
    const idempotencyKey = `invoice:v1:${contract.id}:vx-${id}`;
    const line = (accountCode: string, amountWon: Won): PostingLine => ({ accountCode, amountWon, payerId: input.payerId, invoiceId: id, storeId });
    const entry = await postEntry(tx, { effectiveOn: input.issueOn, kind: "invoice", source: "fixture", memo: number, idempotencyKey, lines: [line("receivables", totalWon), line(FIXTURE_REVENUE_ACCOUNT, -input.supplyWon), line("vat_payable", -vatWon)] }, null);
    await tx.invoice.create({
      data: {
        id,
        number,
        contractId: contract.id,
        pluginId: FIXTURE_PLUGIN_ID,
        payerId: input.payerId,
        storeId,
        periodKey: `vx-${id}`,
        periodStart: businessDateToDb(input.issueOn),
        periodEnd: businessDateToDb(input.issueOn),
        issueOn: businessDateToDb(input.issueOn),
        dueOn: businessDateToDb(input.dueOn),
        totalWon,
        openWon: 0n,
        idempotencyKey,
        entryId: entry.id,
        lines: {
          create: [
            { position: 1, kind: "plan", labelKo: "월 이용료", labelEn: "Monthly fee", amountWon: input.supplyWon, creditAccount: FIXTURE_REVENUE_ACCOUNT },
            { position: 2, kind: "vat", labelKo: "부가세", labelEn: "VAT", amountWon: vatWon, creditAccount: "vat_payable" },
          ],
        },
      },
    });
    await refreshInvoiceOpenAmounts(tx, [id]);
    return { id, number, totalWon };
  });
}
