import { addMonths, businessDateFromDb, businessDateToDb, decodeJson, DomainError, encodeJson, firstDayOf, isMonth, type BusinessDate, type Won } from "@sunap/core";
import { PAYER_FIELD_CONTEXT, type Actor, type AuditSink } from "@sunap/api";
import { decryptField, encryptField, maskBusinessNumber, type Db, type Keyring, type Prisma } from "@sunap/db";
import { buildTaxInvoice, taxInvoiceItemsFromCharges, type TaxInvoiceData } from "../billing/tax-invoice.ts";
import { VAT_PAYABLE_ACCOUNT } from "../billing/royalty-charges.ts";
import { RoyaltySettings } from "../billing-rules.ts";
import { chargeLineOf } from "./load-inputs.ts";
import { PLUGIN_ID } from "./sales-reports.ts";
import type { TaxInvoiceProvider } from "./tax-invoice-provider.ts";

/** Where the buyer's business number is kept encrypted inside the stored tax-invoice data. */
export const TAX_INVOICE_FIELD_CONTEXT = "royalty_tax_invoice.buyer_business_number";

export interface TaxInvoiceRow {
  invoiceId: number;
  invoiceNumber: string;
  periodKey: string;
  issueOn: BusinessDate;
  storeId: number | null;
  storeCode: string | null;
  storeName: string | null;
  payerName: string;
  totalWon: Won;
  voided: boolean;
  taxInvoice: { id: number; provider: string; providerRef: string; issuedAt: Date; supplyTotalWon: Won; vatTotalWon: Won; buyerBusinessNumberMasked: string } | null;
}

interface StoredTaxInvoice extends Omit<TaxInvoiceData, "buyer"> {
  buyer: Omit<TaxInvoiceData["buyer"], "businessNumber"> & { businessNumberMasked: string; businessNumberEnc: string };
}

function monthRange(month: string) {
  if (!isMonth(month)) throw new DomainError("INVALID", "royalty.bad_month", { month }, "month");
  return { gte: businessDateToDb(firstDayOf(month)), lt: businessDateToDb(firstDayOf(addMonths(month, 1))) };
}

/**
 * 세금계산서 for royalty invoices: built from the invoice's lines (the same items and VAT that were
 * posted), issued once per invoice through the provider, kept with the provider's reference, and
 * exported for the month. The buyer's business number is decrypted only to be sent or exported,
 * and each time is logged as a personal-data access.
 */
export class TaxInvoiceService {
  constructor(
    private readonly db: Db,
    private readonly keyring: Keyring,
    private readonly provider: TaxInvoiceProvider,
    private readonly audit: AuditSink,
  ) {}

  async issue(invoiceId: number, actor: Actor): Promise<TaxInvoiceRow> {
    const invoice = await this.db.invoice.findUnique({ where: { id: invoiceId }, include: { lines: { orderBy: { position: "asc" } }, payer: true, store: true } });
    if (!invoice || invoice.pluginId !== PLUGIN_ID) throw new DomainError("NOT_FOUND", "not_found", { entity: `royalty invoice ${invoiceId}` });
    if (invoice.voidEntryId !== null) throw new DomainError("CONFLICT", "royalty.tax_invoice.invoice_void", { number: invoice.number }, "invoiceId");
    if (await this.db.royaltyTaxInvoice.findUnique({ where: { invoiceId } })) throw new DomainError("CONFLICT", "royalty.tax_invoice.already_issued", { number: invoice.number }, "invoiceId");
    const payer = invoice.payer;
    if (payer.kind !== "business" || !payer.businessNumberEnc || !payer.representative) {
      throw new DomainError("INVALID", "royalty.tax_invoice.buyer_not_business", { payer: payer.name }, "buyer.businessNumber");
    }
    const org = await this.db.organization.findUnique({ where: { id: 1 } });
    if (!org) throw new DomainError("NOT_FOUND", "not_found", { entity: "organization" });
    const settingsRow = await this.db.pluginSettings.findUnique({ where: { pluginId: PLUGIN_ID } });
    const settings = RoyaltySettings.parse(settingsRow ? decodeJson(settingsRow.settings) : {});

    const issueOn = businessDateFromDb(invoice.issueOn);
    const lines = invoice.lines.map(chargeLineOf);
    const period = invoice.periodKey.replace(":true-up", " 정산");
    const items = taxInvoiceItemsFromCharges(lines, issueOn).map((item) => ({ ...item, name: `${item.name} (${period})` }));
    const buyerNumber = decryptField(this.keyring, payer.businessNumberEnc, PAYER_FIELD_CONTEXT.businessNumber);
    const data = buildTaxInvoice({
      issueOn,
      purpose: invoice.openWon <= 0n ? "receipt" : "charge",
      supplier: { businessNumber: org.businessNumber, name: org.legalName, representative: org.representative, address: org.address, businessType: settings.supplierBusinessType, businessItem: settings.supplierBusinessItem },
      buyer: { businessNumber: buyerNumber, name: payer.name, representative: payer.representative, ...(payer.address ? { address: payer.address } : {}), ...(payer.email ? { email: payer.email } : {}) },
      items,
    });
    // The tax invoice must state the VAT the invoice posted to VAT payable, to the won.
    const postedVatWon = lines.filter((l) => l.creditAccount === VAT_PAYABLE_ACCOUNT).reduce((sum, l) => sum + l.amountWon, 0n);
    if (postedVatWon !== data.vatTotalWon) {
      throw new DomainError("CONFLICT", "royalty.tax_invoice.vat_differs", { posted: postedVatWon.toString(), computed: data.vatTotalWon.toString() }, "invoiceId");
    }
    const receipt = await this.provider.issue(data, `royalty-tax-invoice:v1:${invoice.id}`);
    const stored: StoredTaxInvoice = {
      ...data,
      buyer: {
        ...data.buyer,
        businessNumber: undefined,
        businessNumberMasked: maskBusinessNumber(buyerNumber),
        businessNumberEnc: encryptField(this.keyring, buyerNumber.replace(/-/g, ""), TAX_INVOICE_FIELD_CONTEXT),
      } as StoredTaxInvoice["buyer"],
    };
    await this.db.$transaction(async (tx) => {
      const created = await tx.royaltyTaxInvoice.create({ data: { invoiceId, provider: this.provider.id, providerRef: receipt.providerRef, data: encodeJson(stored) as Prisma.InputJsonValue } });
      await tx.personalDataAccess.create({ data: { userId: actor.id, email: actor.email, ip: actor.ip, action: "royalty.tax_invoice.issue", payerId: payer.id, reason: `세금계산서 발급 ${invoice.number}` } });
      await this.audit(tx, {
        action: "royalty.tax_invoice.issue",
        entityType: "royalty_tax_invoice",
        entityId: created.id,
        after: { invoiceId, invoiceNumber: invoice.number, provider: this.provider.id, providerRef: receipt.providerRef, supplyTotalWon: data.supplyTotalWon.toString(), vatTotalWon: data.vatTotalWon.toString() },
      });
    });
    const [row] = await this.rows({ id: invoiceId }, 0, 1);
    return row!;
  }

  /** The month's royalty invoices (by issue date) with their tax invoice, if issued. */
  async list(input: { month: string; storeId?: number; issued?: boolean }, storeScope: readonly number[] | null, page: { skip: number; take: number }): Promise<{ data: TaxInvoiceRow[]; total: number }> {
    const where: Prisma.InvoiceWhereInput = {
      pluginId: PLUGIN_ID,
      issueOn: monthRange(input.month),
      ...(input.storeId !== undefined ? { storeId: input.storeId } : {}),
      ...(storeScope !== null ? { storeId: { in: [...storeScope] } } : {}),
    };
    const withIssued = await this.issuedFilter(where, input.issued);
    const [data, total] = await Promise.all([this.rows(withIssued, page.skip, page.take), this.db.invoice.count({ where: withIssued })]);
    return { data, total };
  }

  /**
   * The month's issued tax invoices as CSV (UTF-8 with a byte-order mark, so Excel opens it in
   * Korean), business numbers in full: an export of personal data, logged as such.
   */
  async exportCsv(month: string, actor: Actor): Promise<{ fileName: string; content: string; count: number }> {
    const rows = await this.db.royaltyTaxInvoice.findMany({ where: { invoiceId: { in: (await this.db.invoice.findMany({ where: { pluginId: PLUGIN_ID, issueOn: monthRange(month) }, select: { id: true } })).map((i) => i.id) } }, orderBy: { invoiceId: "asc" } });
    const invoices = new Map((await this.db.invoice.findMany({ where: { id: { in: rows.map((r) => r.invoiceId) } }, include: { store: true } })).map((i) => [i.id, i]));
    const header = ["작성일자", "승인번호", "청구서번호", "매장코드", "공급자 등록번호", "공급자 상호", "공급자 대표자", "공급받는자 등록번호", "공급받는자 상호", "공급받는자 대표자", "공급받는자 이메일", "품목", "공급가액", "세액", "합계금액", "영수/청구", "발급사"];
    const lines = [header];
    for (const row of rows) {
      const data = decodeJson(row.data) as StoredTaxInvoice;
      const invoice = invoices.get(row.invoiceId);
      const buyerNumber = decryptField(this.keyring, data.buyer.businessNumberEnc, TAX_INVOICE_FIELD_CONTEXT);
      lines.push([
        data.issueOn,
        row.providerRef,
        invoice?.number ?? "",
        invoice?.store?.code ?? "",
        data.supplier.businessNumber,
        data.supplier.name,
        data.supplier.representative,
        `${buyerNumber.slice(0, 3)}-${buyerNumber.slice(3, 5)}-${buyerNumber.slice(5)}`,
        data.buyer.name,
        data.buyer.representative,
        data.buyer.email ?? "",
        data.items.map((i) => i.name).join(" / "),
        String(data.supplyTotalWon),
        String(data.vatTotalWon),
        String(data.totalWon),
        data.purpose === "receipt" ? "영수" : "청구",
        row.provider,
      ]);
    }
    const content = `\uFEFF${lines.map((cells) => cells.map(csvCell).join(",")).join("\r\n")}\r\n`;
    await this.db.$transaction(async (tx) => {
      await tx.personalDataAccess.create({ data: { userId: actor.id, email: actor.email, ip: actor.ip, action: "royalty.tax_invoice.export", payerId: null, reason: `세금계산서 ${month} 내보내기 (${rows.length}건)` } });
      await this.audit(tx, { action: "royalty.tax_invoice.export", entityType: "royalty_tax_invoice", after: { month, count: rows.length } });
    });
    return { fileName: `tax-invoices-${month}.csv`, content, count: rows.length };
  }

  private async issuedFilter(where: Prisma.InvoiceWhereInput, issued: boolean | undefined): Promise<Prisma.InvoiceWhereInput> {
    if (issued === undefined) return where;
    const ids = (await this.db.royaltyTaxInvoice.findMany({ select: { invoiceId: true } })).map((r) => r.invoiceId);
    return { AND: [where, issued ? { id: { in: ids } } : { id: { notIn: ids } }] };
  }

  private async rows(where: Prisma.InvoiceWhereInput, skip: number, take: number): Promise<TaxInvoiceRow[]> {
    const invoices = await this.db.invoice.findMany({ where, include: { store: true, payer: { select: { name: true } } }, orderBy: [{ issueOn: "asc" }, { number: "asc" }], skip, take });
    const taxRows = new Map((await this.db.royaltyTaxInvoice.findMany({ where: { invoiceId: { in: invoices.map((i) => i.id) } } })).map((t) => [t.invoiceId, t]));
    return invoices.map((invoice) => {
      const tax = taxRows.get(invoice.id);
      const data = tax ? (decodeJson(tax.data) as StoredTaxInvoice) : null;
      return {
        invoiceId: invoice.id,
        invoiceNumber: invoice.number,
        periodKey: invoice.periodKey,
        issueOn: businessDateFromDb(invoice.issueOn),
        storeId: invoice.storeId,
        storeCode: invoice.store?.code ?? null,
        storeName: invoice.store?.name ?? null,
        payerName: invoice.payer.name,
        totalWon: invoice.totalWon,
        voided: invoice.voidEntryId !== null,
        taxInvoice:
          tax && data
            ? { id: tax.id, provider: tax.provider, providerRef: tax.providerRef, issuedAt: tax.issuedAt, supplyTotalWon: data.supplyTotalWon, vatTotalWon: data.vatTotalWon, buyerBusinessNumberMasked: data.buyer.businessNumberMasked }
            : null,
      };
    });
  }
}

/** Quotes a CSV field when it holds a comma, a quote or a line break; a leading =, +, − or @ is defused against formula injection. */
function csvCell(value: string): string {
  const safe = /^[=+\-@]/.test(value) && !/^-?\d+$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
