import { businessDateAt, businessDateFromDb, businessDateToDb, DomainError, formatWon, invoiceStatus, sumWon, type BusinessDate, type InvoiceStatus, type PluginManifest, type Won } from "@sunap/core";
import { decryptField, maskAccountNumber, maskPhone, type DbOrTx, type Keyring } from "@sunap/db";
import type { Locale } from "../context.ts";
import { PAYER_FIELD_CONTEXT } from "./payer-service.ts";
import { activeMandate } from "./registration-service.ts";
import { statementCreditor, type StatementCreditor } from "./statement-pdf.ts";

/**
 * Everything one invoice's statement (청구서) shows, loaded and worded for one locale, so the
 * PDF renderer stays a pure function of this value. Amounts fixed at issue come from the invoice
 * and its lines; what was paid and what is still open come from the ledger as of the given day,
 * so a statement printed after a payment shows it.
 */
export interface InvoiceDocument {
  locale: Locale;
  invoiceId: number;
  number: string;
  issueOn: BusinessDate;
  dueOn: BusinessDate;
  /** The business date paid/open/status are computed for. */
  asOf: BusinessDate;
  period: { start: BusinessDate; end: BusinessDate; key: string };
  creditor: StatementCreditor & { settlementBankName: string; settlementAccount: string };
  payer: { payerCode: string; name: string; phoneMasked: string };
  store: { code: string; name: string } | null;
  contract: { id: number; title: string; pluginName: string };
  lines: InvoiceDocumentLine[];
  /** Total less VAT: what the VAT was charged on plus any line without VAT. */
  supplyWon: Won;
  /** Lines crediting VAT payable. */
  vatWon: Won;
  totalWon: Won;
  /** Collected against this invoice so far (receivable credits other than its void). */
  paidWon: Won;
  /** What the ledger says is still owed; negative when more was received than is owed (e.g. paid, then voided). */
  openWon: Won;
  status: InvoiceStatus;
  overdue: boolean;
  /** The invoice's credit notes (감액 청구서) up to the statement's date, oldest first. */
  creditNotes: { number: string; issueOn: BusinessDate; totalWon: Won; reason: string }[];
  /** Taken back by those credit notes, in all. */
  creditedWon: Won;
  voided: { on: BusinessDate | null; reason: string | null } | null;
  collection: InvoiceCollection;
}

export interface InvoiceDocumentLine {
  label: string;
  basis: string | null;
  amountWon: Won;
  isVat: boolean;
}

export type InvoiceCollection =
  | { method: "cms"; bankName: string; accountMasked: string; debitOn: BusinessDate; text: string }
  | { method: "bank_transfer"; bankName: string; account: string; holder: string; text: string };

export interface LoadInvoiceDocumentOptions {
  keyring: Keyring;
  locale: Locale;
  today: BusinessDate;
  plugins: readonly PluginManifest[];
  /** A store owner's stores; null: every store. An invoice outside them is "not found". */
  storeScope?: readonly number[] | null;
}

const VAT_ACCOUNT = "vat_payable";
const RECEIVABLES = "receivables";

export async function loadInvoiceDocument(db: DbOrTx, invoiceId: number, options: LoadInvoiceDocumentOptions): Promise<InvoiceDocument> {
  const { locale, today } = options;
  const scope = options.storeScope ?? null;
  const invoice = await db.invoice.findFirst({
    where: { id: invoiceId, ...(scope ? { storeId: { in: [...scope] } } : {}) },
    include: {
      lines: { orderBy: { position: "asc" } },
      payer: { select: { id: true, payerCode: true, name: true, phoneEnc: true } },
      store: { select: { code: true, name: true } },
      contract: { select: { id: true, title: true } },
    },
  });
  if (!invoice) throw new DomainError("NOT_FOUND", "not_found", { entity: `invoice ${invoiceId}` });

  const org = await db.organization.findUniqueOrThrow({ where: { id: 1 } });
  const mandate = await activeMandate(db, invoice.payerId);
  const bankCodes = [org.settlementBankCode, ...(mandate ? [mandate.payerAccount.bankCode] : [])];
  const banks = new Map((await db.cmsBank.findMany({ where: { code: { in: bankCodes } } })).map((b) => [b.code, locale === "ko" ? b.nameKo : b.nameEn]));
  const bankName = (code: string) => banks.get(code) ?? code;

  // Paid = receivable credits naming the invoice up to today, other than the invoice's own entry,
  // its void and its credit notes (neither is a collection).
  const asOfDb = businessDateToDb(today);
  const creditNotes = await db.creditNote.findMany({ where: { invoiceId, issueOn: { lte: asOfDb } }, orderBy: { id: "asc" }, select: { number: true, issueOn: true, totalWon: true, reason: true, entryId: true } });
  const ownEntries = [invoice.entryId, ...(invoice.voidEntryId ? [invoice.voidEntryId] : []), ...creditNotes.map((n) => n.entryId)];
  const [collected, open] = await Promise.all([
    db.journalLine.aggregate({ where: { invoiceId, accountCode: RECEIVABLES, effectiveOn: { lte: asOfDb }, entryId: { notIn: ownEntries } }, _sum: { amountWon: true } }),
    db.journalLine.aggregate({ where: { invoiceId, accountCode: RECEIVABLES, effectiveOn: { lte: asOfDb } }, _sum: { amountWon: true } }),
  ]);
  // The void's business date is its entry's, not the wall-clock instant it was recorded.
  const voidEntry = invoice.voidEntryId ? await db.journalEntry.findUnique({ where: { id: invoice.voidEntryId }, select: { effectiveOn: true } }) : null;
  const paidWon = -(collected._sum.amountWon ?? 0n);
  const openWon = open._sum.amountWon ?? 0n;
  const dueOn = businessDateFromDb(invoice.dueOn);
  const voided = invoice.voidEntryId !== null;
  const creditedWon = sumWon(creditNotes.map((n) => n.totalWon));
  const { status, overdue } = invoiceStatus({ totalWon: invoice.totalWon, openWon, creditedWon, voided, dueOn, today });

  const lines: InvoiceDocumentLine[] = invoice.lines.map((line) => ({
    label: locale === "ko" ? line.labelKo : line.labelEn,
    basis: (locale === "ko" ? line.basisKo : line.basisEn) ?? null,
    amountWon: line.amountWon,
    isVat: line.creditAccount === VAT_ACCOUNT,
  }));
  const vatWon = sumWon(lines.filter((l) => l.isVat).map((l) => l.amountWon));

  let phoneMasked: string;
  try {
    phoneMasked = maskPhone(decryptField(options.keyring, invoice.payer.phoneEnc, PAYER_FIELD_CONTEXT.phone));
  } catch {
    phoneMasked = "-";
  }

  const plugin = options.plugins.find((p) => p.id === invoice.pluginId);
  let collection: InvoiceCollection;
  if (mandate) {
    const full = await db.payerAccount.findUniqueOrThrow({ where: { id: mandate.payerAccount.id }, select: { accountNumberEnc: true } });
    let accountMasked: string;
    try {
      accountMasked = maskAccountNumber(decryptField(options.keyring, full.accountNumberEnc, PAYER_FIELD_CONTEXT.accountNumber));
    } catch {
      accountMasked = "****";
    }
    const name = bankName(mandate.payerAccount.bankCode);
    collection = {
      method: "cms",
      bankName: name,
      accountMasked,
      debitOn: dueOn,
      text: locale === "ko" ? `자동이체(CMS) — ${name} ${accountMasked} 에서 ${dueOn} 출금` : `Automatic debit (CMS) — from ${name} ${accountMasked} on ${dueOn}`,
    };
  } else {
    const name = bankName(org.settlementBankCode);
    collection = {
      method: "bank_transfer",
      bankName: name,
      account: org.settlementAccount,
      holder: org.legalName,
      text:
        locale === "ko"
          ? `계좌이체 — ${name} ${org.settlementAccount} (예금주 ${org.legalName}) 로 ${dueOn} 까지 ${formatWon(openWon > 0n ? openWon : invoice.totalWon, "ko")} 입금`
          : `Bank transfer — ${formatWon(openWon > 0n ? openWon : invoice.totalWon, "en")} to ${name} ${org.settlementAccount} (holder ${org.legalName}) by ${dueOn}`,
    };
  }

  return {
    locale,
    invoiceId: invoice.id,
    number: invoice.number,
    issueOn: businessDateFromDb(invoice.issueOn),
    dueOn,
    asOf: today,
    period: { start: businessDateFromDb(invoice.periodStart), end: businessDateFromDb(invoice.periodEnd), key: invoice.periodKey },
    creditor: {
      ...statementCreditor(org),
      settlementBankName: bankName(org.settlementBankCode),
      settlementAccount: org.settlementAccount,
    },
    payer: { payerCode: invoice.payer.payerCode, name: invoice.payer.name, phoneMasked },
    store: invoice.store ? { code: invoice.store.code, name: invoice.store.name } : null,
    contract: { id: invoice.contract.id, title: invoice.contract.title, pluginName: plugin ? plugin.name[locale] : invoice.pluginId },
    lines,
    supplyWon: invoice.totalWon - vatWon,
    vatWon,
    totalWon: invoice.totalWon,
    paidWon,
    openWon,
    status,
    overdue,
    creditNotes: creditNotes.map((n) => ({ number: n.number, issueOn: businessDateFromDb(n.issueOn), totalWon: n.totalWon, reason: n.reason })),
    creditedWon,
    voided: voided ? { on: voidEntry ? businessDateFromDb(voidEntry.effectiveOn) : invoice.voidedAt ? businessDateAt(invoice.voidedAt, org.timeZone) : null, reason: invoice.voidReason } : null,
    collection,
  };
}
