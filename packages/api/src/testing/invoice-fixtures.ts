import { businessDateToDb, type BusinessDate, type Won } from "@sunap/core";
import { postEntry, refreshInvoiceOpenAmounts, type Db } from "@sunap/db";

/** The revenue account fixture invoices credit; added to the chart on first use. */
export const FIXTURE_REVENUE_ACCOUNT = "fixture_revenue";
/** The plugin id fixture contracts carry: no plugin is registered under it. */
export const FIXTURE_PLUGIN_ID = "fixture";

export interface FixtureInvoiceInput {
  payerId: number;
  storeId?: number | null;
  issueOn: BusinessDate;
  dueOn: BusinessDate;
  totalWon: Won;
  /** Defaults to `FX-<year>-<id>`. */
  number?: string;
}

export interface FixtureInvoice {
  id: number;
  number: string;
  entryId: number;
  totalWon: Won;
}

/** One charge line of a fixture invoice: it credits `creditAccount` by `amountWon`. */
export interface FixtureLine {
  kind: string;
  labelKo: string;
  labelEn: string;
  amountWon: Won;
  creditAccount: string;
  basisKo?: string;
  basisEn?: string;
}

/**
 * An issued invoice as the billing engine leaves it — contract, invoice, one line, and its ledger
 * entry (receivable debit naming payer, invoice and store; revenue credit) — for tests of what
 * happens to invoices afterwards (payments, statuses) without running any plugin.
 */
export function issueFixtureInvoice(db: Db, input: FixtureInvoiceInput): Promise<FixtureInvoice> {
  return issueFixtureInvoiceWithLines(db, { ...input, prefix: "FX", contractTitle: "fixture", lines: [{ kind: "fixture", labelKo: "테스트 청구", labelEn: "Fixture charge", amountWon: input.totalWon, creditAccount: FIXTURE_REVENUE_ACCOUNT }] });
}

/**
 * The fixture writer: a contract, the invoice with `lines` (positions 1, 2 …) and its entry —
 * the receivable debited by their total, each line's account credited — naming payer, invoice
 * and store. Numbered `<prefix>-<year>-<id>`.
 */
export async function issueFixtureInvoiceWithLines(
  db: Db,
  input: Omit<FixtureInvoiceInput, "totalWon"> & {
    prefix: string;
    contractTitle: string;
    lines: readonly FixtureLine[];
    /** The billed period; by default the issue day, keyed `<prefix>-<id>`. */
    period?: { key: string; start: BusinessDate; end: BusinessDate };
  },
): Promise<FixtureInvoice> {
  await db.ledgerAccount.upsert({
    where: { code: FIXTURE_REVENUE_ACCOUNT },
    create: { code: FIXTURE_REVENUE_ACCOUNT, nameKo: "테스트 매출", nameEn: "Fixture revenue", type: "revenue", pluginId: FIXTURE_PLUGIN_ID },
    update: {},
  });
  const storeId = input.storeId ?? null;
  const totalWon = input.lines.reduce((sum, line) => sum + line.amountWon, 0n);
  return db.$transaction(async (tx) => {
    const contract = await tx.contract.create({
      data: { pluginId: FIXTURE_PLUGIN_ID, payerId: input.payerId, storeId, title: input.contractTitle, terms: {}, startsOn: businessDateToDb(input.issueOn) },
    });
    // The entry names the invoice and the invoice names the entry: take the invoice's id first.
    const [{ id }] = await tx.$queryRaw<[{ id: number }]>`SELECT nextval(pg_get_serial_sequence('invoice', 'id'))::int AS id`;
    const number = input.number ?? `${input.prefix}-${input.issueOn.slice(0, 4)}-${String(id).padStart(6, "0")}`;
    const periodKey = input.period?.key ?? `${input.prefix.toLowerCase()}-${id}`;
    const idempotencyKey = `invoice:v1:${contract.id}:${periodKey}`;
    const named = { payerId: input.payerId, invoiceId: id, storeId };
    const entry = await postEntry(
      tx,
      {
        effectiveOn: input.issueOn,
        kind: "invoice",
        source: "fixture",
        memo: number,
        idempotencyKey,
        lines: [{ accountCode: "receivables", amountWon: totalWon, ...named }, ...input.lines.map((line) => ({ accountCode: line.creditAccount, amountWon: -line.amountWon, ...named }))],
      },
      null,
    );
    await tx.invoice.create({
      data: {
        id,
        number,
        contractId: contract.id,
        pluginId: FIXTURE_PLUGIN_ID,
        payerId: input.payerId,
        storeId,
        periodKey,
        periodStart: businessDateToDb(input.period?.start ?? input.issueOn),
        periodEnd: businessDateToDb(input.period?.end ?? input.issueOn),
        issueOn: businessDateToDb(input.issueOn),
        dueOn: businessDateToDb(input.dueOn),
        totalWon,
        openWon: 0n,
        idempotencyKey,
        entryId: entry.id,
        lines: { create: input.lines.map((line, index) => ({ position: index + 1, ...line })) },
      },
    });
    await refreshInvoiceOpenAmounts(tx, [id]);
    return { id, number, entryId: entry.id, totalWon };
  });
}
