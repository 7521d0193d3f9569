import type { BusinessDate, Clock, Won } from "@sunap/core";
import { decryptField, type DbOrTx, type Keyring } from "@sunap/db";
import { invoiceLinkToken, invoiceUrl } from "./invoice-links.ts";
import { manageUrlsFor } from "./manage-links.ts";
import { enqueueMessage, enqueueMessages, type EnqueueMessageInput } from "./notify-outbox.ts";
import { PAYER_FIELD_CONTEXT } from "./payer-service.ts";

/** What the engine knows once per run to tell payers about their invoices. */
export interface InvoiceNoticeSetup {
  creditorName: string;
  settlementBankName: string;
  settlementAccount: string;
  bankNames: ReadonlyMap<string, string>;
  baseUrl?: string;
}

export async function loadInvoiceNoticeSetup(db: DbOrTx, baseUrl?: string): Promise<InvoiceNoticeSetup> {
  const [org, banks] = await Promise.all([db.organization.findUnique({ where: { id: 1 } }), db.cmsBank.findMany({ select: { code: true, nameKo: true } })]);
  const bankNames = new Map(banks.map((b) => [b.code, b.nameKo]));
  return {
    creditorName: (org?.legalName ?? "Sunap").slice(0, 50),
    settlementBankName: bankNames.get(org?.settlementBankCode ?? "") ?? org?.settlementBankCode ?? "-",
    settlementAccount: org?.settlementAccount ?? "",
    bankNames,
    baseUrl,
  };
}

/** The payer data a notice needs, loaded for many payers at once. */
export interface NoticePayer {
  name: string;
  phoneEnc: string;
  /** The bank of the payer's registered CMS account, when they pay by auto-debit. */
  autoDebitBankCode: string | null;
  /** Where the payer changes the account or withdraws consent; null without a standing consent. */
  manageUrl: string | null;
}

/** Loads the payers' data in bulk; the manage links are found or made in the caller's transaction. */
export async function loadNoticePayers(db: DbOrTx, keyring: Keyring, clock: Clock, payerIds: readonly number[], baseUrl?: string): Promise<Map<number, NoticePayer>> {
  const ids = [...new Set(payerIds)];
  const [payers, mandates, manageUrls] = await Promise.all([
    db.payer.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, phoneEnc: true } }),
    db.cmsRegistration.findMany({ where: { payerId: { in: ids }, status: "registered", consent: { withdrawal: null } }, orderBy: { id: "asc" }, select: { payerId: true, payerAccount: { select: { bankCode: true } } } }),
    manageUrlsFor(db, keyring, clock, ids, baseUrl),
  ]);
  const bankOf = new Map(mandates.map((m) => [m.payerId, m.payerAccount.bankCode]));
  return new Map(payers.map((p) => [p.id, { name: p.name, phoneEnc: p.phoneEnc, autoDebitBankCode: bankOf.get(p.id) ?? null, manageUrl: manageUrls.get(p.id) ?? null }]));
}

/** An issued invoice as its message names it. */
export interface NoticeInvoice {
  id: number;
  payerId: number;
  number: string;
  totalWon: Won;
  dueOn: BusinessDate;
}

/** The "invoice issued" message of one invoice, or null when the payer's phone cannot be read. */
function invoiceIssuedMessage(keyring: Keyring, setup: InvoiceNoticeSetup, payer: NoticePayer, invoice: NoticeInvoice, now: Date): EnqueueMessageInput<"invoice_issued"> | null {
  let phone: string;
  try {
    phone = decryptField(keyring, payer.phoneEnc, PAYER_FIELD_CONTEXT.phone);
  } catch {
    return null;
  }
  const autoDebit = payer.autoDebitBankCode !== null;
  const variables = {
    creditorName: setup.creditorName,
    payerName: payer.name.slice(0, 50),
    invoiceNumber: invoice.number,
    amountWon: invoice.totalWon,
    dueOn: invoice.dueOn,
    collection: autoDebit ? ("auto_debit" as const) : ("bank_transfer" as const),
    bankName: (autoDebit ? (setup.bankNames.get(payer.autoDebitBankCode!) ?? payer.autoDebitBankCode!) : setup.settlementBankName).slice(0, 30),
    ...(autoDebit ? {} : { creditorAccount: setup.settlementAccount }),
    invoiceUrl: invoiceUrl(invoiceLinkToken(keyring, invoice.id), setup.baseUrl),
    ...(payer.manageUrl ? { manageUrl: payer.manageUrl } : {}),
  };
  return { channel: "alimtalk", to: phone, template: "invoice_issued", variables, idempotencyKey: `invoice-issued:v1:${invoice.id}`, now, payerId: invoice.payerId, related: { type: "invoice", id: invoice.id } };
}

/**
 * Queues the "invoice issued" message in the issuing transaction (sent only if the invoice
 * commits), keyed by the invoice so a replay queues nothing twice. Returns false when the payer
 * cannot be reached (no usable phone): the invoice stands, the admin's message log shows nothing.
 */
export async function queueInvoiceIssued(tx: DbOrTx, keyring: Keyring, setup: InvoiceNoticeSetup, payer: NoticePayer, invoice: NoticeInvoice, now: Date): Promise<boolean> {
  const message = invoiceIssuedMessage(keyring, setup, payer, invoice, now);
  if (!message) return false;
  try {
    await enqueueMessage(tx, keyring, message);
    return true;
  } catch (error) {
    // Refused before anything was written (bad recipient or variable): the invoice still stands.
    if (error instanceof Error && error.name === "DomainError") return false;
    throw error;
  }
}

/**
 * `queueInvoiceIssued` for a whole chunk of invoices in two statements. An invoice whose payer is
 * unknown or cannot be reached gets no message and still stands. Returns how many were queued
 * (or found queued by an earlier run).
 */
export async function queueInvoicesIssued(tx: DbOrTx, keyring: Keyring, setup: InvoiceNoticeSetup, payers: ReadonlyMap<number, NoticePayer>, invoices: readonly NoticeInvoice[], now: Date): Promise<number> {
  const messages: EnqueueMessageInput<"invoice_issued">[] = [];
  for (const invoice of invoices) {
    const payer = payers.get(invoice.payerId);
    const message = payer ? invoiceIssuedMessage(keyring, setup, payer, invoice, now) : null;
    if (message) messages.push(message);
  }
  if (messages.length === 0) return 0;
  return (await enqueueMessages(tx, keyring, messages)).filter((outcome) => !("refused" in outcome)).length;
}
