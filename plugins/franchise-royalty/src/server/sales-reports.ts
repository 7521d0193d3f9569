import { addMonths, businessDateFromDb, businessDateToDb, decodeJson, DomainError, isMonth, lastDayOf, monthOf, translate, type BusinessDate, type Won } from "@sunap/core";
import type { AuditSink } from "@sunap/api";
import type { Db, DbOrTx, Tx } from "@sunap/db";
import { parseSalesReportCsv, parseSalesReportXlsx, type ImportedSalesReport, type SalesImportContext } from "../billing/sales-import.ts";
import { franchiseRoyaltyManifest } from "../manifest.ts";
import { pendingTrueUp, trueUpKey } from "../billing-rules.ts";
import { RoyaltyTerms } from "../billing/terms.ts";
import { loadRoyaltyInputs } from "./load-inputs.ts";
import { creditLowerTrueUps } from "./true-up-credit.ts";

export const PLUGIN_ID = franchiseRoyaltyManifest.id;

/** Who entered a figure: the store's owner, someone at HQ by hand, or an HQ import. */
export type ReportSource = "store_owner" | "hq" | "import";

export interface SalesReportView {
  id: number;
  storeId: number;
  storeCode: string;
  storeName: string;
  month: string;
  grossSalesWon: Won;
  source: string;
  revision: number;
  reportedAt: Date;
  reportedById: number | null;
}

/**
 * The instant recorded for a report. With the demo clock pinned to another day, real time would
 * put the report on the wrong business day (and its true-up on the wrong date): noon UTC of the
 * pinned day is that same day in every time zone from UTC−11 to UTC+11.
 */
export function reportInstant(clock: { now(): Date; today(): BusinessDate; isPinned(): boolean }): Date {
  return clock.isPinned() ? new Date(businessDateToDb(clock.today()).getTime() + 12 * 3_600_000) : clock.now();
}

/** A month's report can be entered once the month has ended, for a month the store traded in. */
export function assertReportableMonth(store: { code: string; openedOn: Date; closedOn: Date | null }, month: string, today: BusinessDate): void {
  if (!isMonth(month)) throw new DomainError("INVALID", "royalty.bad_month", { month }, "month");
  if (month >= monthOf(today)) throw new DomainError("INVALID", "royalty.sales.future_month", { month }, "month");
  if (store.closedOn && month > monthOf(businessDateFromDb(store.closedOn))) {
    throw new DomainError("INVALID", "royalty.sales.store_closed", { storeCode: store.code, closedOn: businessDateFromDb(store.closedOn) }, "month");
  }
  if (month < monthOf(businessDateFromDb(store.openedOn))) {
    throw new DomainError("INVALID", "royalty.sales.before_opening", { storeCode: store.code, openedOn: businessDateFromDb(store.openedOn) }, "month");
  }
}

/**
 * New figures change what the store's royalty contracts bill (an estimate becomes a true-up):
 * the engine must ask the plugin again on its next run instead of waiting for the next month.
 */
export async function lookAgainAtStore(tx: DbOrTx, storeIds: readonly number[]): Promise<void> {
  if (storeIds.length === 0) return;
  await tx.contract.updateMany({ where: { pluginId: PLUGIN_ID, status: "active", storeId: { in: [...new Set(storeIds)] } }, data: { nextIssueOn: null } });
}

export interface SubmitReportInput {
  storeId: number;
  month: string;
  grossSalesWon: Won;
  /** The revision the form loaded (0: none yet): a change made meanwhile is refused. */
  expectedRevision?: number;
}

export interface ReportActor {
  userId: number | null;
  /** Null: every store (HQ); otherwise a store owner's stores. */
  storeScope: readonly number[] | null;
}

/** A store's monthly sales: entered by its owner or HQ, imported by HQ; every change audited. */
export class SalesReportService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditSink,
  ) {}

  /**
   * Enters or corrects one month's gross sales. A correction bumps the revision; a store owner may
   * not change a figure a royalty invoice has already been issued on (HQ can, and the change is
   * trued up on the next run).
   */
  async submit(input: SubmitReportInput, actor: ReportActor, today: BusinessDate, reportedAt: Date): Promise<SalesReportView> {
    if (actor.storeScope !== null && !actor.storeScope.includes(input.storeId)) throw new DomainError("FORBIDDEN", "auth.store_forbidden", { storeId: input.storeId });
    if (input.grossSalesWon < 0n) throw new DomainError("INVALID", "money.negative", {}, "grossSalesWon");
    return this.db.$transaction(async (tx) => {
      const store = await tx.store.findUnique({ where: { id: input.storeId } });
      if (!store) throw new DomainError("NOT_FOUND", "not_found", { entity: `store ${input.storeId}` });
      assertReportableMonth(store, input.month, today);
      const before = await tx.royaltySalesReport.findUnique({ where: { storeId_month: { storeId: input.storeId, month: input.month } } });
      if (input.expectedRevision !== undefined && (before?.revision ?? 0) !== input.expectedRevision) {
        throw new DomainError("CONFLICT", "royalty.sales.changed_meanwhile", { month: input.month, revision: before?.revision ?? 0 }, "grossSalesWon");
      }
      if (before && actor.storeScope !== null && (await billedOnReport(tx, input.storeId, input.month))) {
        throw new DomainError("CONFLICT", "royalty.sales.locked_after_billing", { month: input.month }, "grossSalesWon");
      }
      const source: ReportSource = actor.storeScope !== null ? "store_owner" : "hq";
      const row = before
        ? await tx.royaltySalesReport.update({
            where: { id: before.id },
            data: { grossSalesWon: input.grossSalesWon, source, reportedById: actor.userId, reportedAt, revision: { increment: 1 } },
            include: { store: true },
          })
        : await tx.royaltySalesReport.create({
            data: { storeId: input.storeId, month: input.month, grossSalesWon: input.grossSalesWon, source, reportedById: actor.userId, reportedAt },
            include: { store: true },
          });
      await lookAgainAtStore(tx, [input.storeId]);
      // Lower than billed: the month's invoice is credited now; higher is the engine's true-up invoice.
      await creditLowerTrueUps(tx, [{ storeId: input.storeId, month: input.month }], today, actor.userId, this.audit);
      await this.audit(tx, {
        action: before ? "royalty.sales.correct" : "royalty.sales.report",
        entityType: "royalty_sales_report",
        entityId: row.id,
        before: before ? { storeCode: store.code, month: before.month, grossSalesWon: before.grossSalesWon.toString(), revision: before.revision, source: before.source } : null,
        after: { storeCode: store.code, month: row.month, grossSalesWon: row.grossSalesWon.toString(), revision: row.revision, source },
      });
      return present(row);
    });
  }

  /**
   * Imports a CSV or XLSX file of many stores' months, all or nothing: every row is checked
   * (unknown store, month not ended, closed or not yet open store, bad amount, duplicates) and
   * any problem saves nothing. Existing months are corrected (revision + 1); unchanged figures
   * are left alone.
   */
  async import(file: { name: string; bytes: Uint8Array; kind: "csv" | "xlsx" }, actor: ReportActor, today: BusinessDate, reportedAt: Date, locale: "ko" | "en"): Promise<SalesImportOutcome> {
    const stores = await this.db.store.findMany({ select: { id: true, code: true, openedOn: true, closedOn: true } });
    const context: SalesImportContext = {
      today,
      stores: stores.map((s) => ({ code: s.code, openedOn: businessDateFromDb(s.openedOn), closedOn: s.closedOn ? businessDateFromDb(s.closedOn) : null })),
    };
    const result = file.kind === "xlsx" ? await parseSalesReportXlsx(file.bytes, context) : parseSalesReportCsv(file.bytes, context);
    if (!result.ok) {
      const problems = result.problems.map((p) => ({ ...p, message: translate(p.code, locale, p.params) }));
      // Nothing changed, but the attempt is kept: who tried to load what, and why it was refused.
      await this.audit(this.db, { action: "royalty.sales.import_rejected", entityType: "royalty_sales_report", after: { file: file.name, problems: problems.length, first: problems.slice(0, 20) } });
      return { ok: false, problems };
    }
    const idByCode = new Map(stores.map((s) => [s.code.toUpperCase(), s.id]));
    return this.db.$transaction(
      async (tx) => {
        const counts = await saveImported(tx, result.reports, idByCode, actor.userId, reportedAt);
        await lookAgainAtStore(tx, [...new Set(result.reports.map((r) => idByCode.get(r.storeCode)!))]);
        await creditLowerTrueUps(
          tx,
          counts.changes.map((c) => ({ storeId: idByCode.get(c.storeCode.toUpperCase())!, month: c.month })),
          today,
          actor.userId,
          this.audit,
        );
        await this.audit(tx, {
          action: "royalty.sales.import",
          entityType: "royalty_sales_report",
          after: { file: file.name, rows: result.reports.length, ...counts.summary, changes: counts.changes.slice(0, 500) },
        });
        return { ok: true as const, rows: result.reports.length, created: counts.summary.created, corrected: counts.summary.corrected, unchanged: counts.summary.unchanged };
      },
      { timeout: 120_000 },
    );
  }

  async list(filter: { storeId?: number; fromMonth?: string; toMonth?: string }, storeScope: readonly number[] | null, page: { skip: number; take: number }, order: "asc" | "desc"): Promise<{ data: SalesReportView[]; total: number }> {
    const where = {
      AND: [
        filter.storeId !== undefined ? { storeId: filter.storeId } : {},
        storeScope !== null ? { storeId: { in: [...storeScope] } } : {},
        filter.fromMonth ? { month: { gte: filter.fromMonth } } : {},
        filter.toMonth ? { month: { lte: filter.toMonth } } : {},
      ],
    };
    const [rows, total] = await Promise.all([
      this.db.royaltySalesReport.findMany({ where, include: { store: true }, orderBy: [{ month: order }, { store: { code: "asc" } }], ...page }),
      this.db.royaltySalesReport.count({ where }),
    ]);
    return { data: rows.map(present), total };
  }
}

export type SalesImportOutcome =
  | { ok: true; rows: number; created: number; corrected: number; unchanged: number }
  | { ok: false; problems: { row: number; column: string; code: string; params: Record<string, string | number>; message: string }[] };

async function saveImported(tx: Tx, reports: readonly ImportedSalesReport[], idByCode: Map<string, number>, userId: number | null, reportedAt: Date) {
  const storeIds = [...new Set(reports.map((r) => idByCode.get(r.storeCode)!))];
  const months = [...new Set(reports.map((r) => r.month))];
  const existing = await tx.royaltySalesReport.findMany({ where: { storeId: { in: storeIds }, month: { in: months } } });
  const byKey = new Map(existing.map((e) => [`${e.storeId}:${e.month}`, e]));
  const summary = { created: 0, corrected: 0, unchanged: 0 };
  const changes: { storeCode: string; month: string; before: string | null; after: string }[] = [];
  const fresh: { storeId: number; month: string; grossSalesWon: bigint; source: string; reportedById: number | null; reportedAt: Date }[] = [];
  for (const report of reports) {
    const storeId = idByCode.get(report.storeCode)!;
    const before = byKey.get(`${storeId}:${report.month}`);
    if (!before) {
      fresh.push({ storeId, month: report.month, grossSalesWon: report.grossSalesWon, source: "import", reportedById: userId, reportedAt });
      summary.created += 1;
      changes.push({ storeCode: report.storeCode, month: report.month, before: null, after: report.grossSalesWon.toString() });
    } else if (before.grossSalesWon !== report.grossSalesWon) {
      await tx.royaltySalesReport.update({ where: { id: before.id }, data: { grossSalesWon: report.grossSalesWon, source: "import", reportedById: userId, reportedAt, revision: { increment: 1 } } });
      summary.corrected += 1;
      changes.push({ storeCode: report.storeCode, month: report.month, before: before.grossSalesWon.toString(), after: report.grossSalesWon.toString() });
    } else {
      summary.unchanged += 1;
    }
  }
  if (fresh.length > 0) await tx.royaltySalesReport.createMany({ data: fresh });
  return { summary, changes };
}

/**
 * True when a royalty invoice already billed the month on the figure as reported: its true-up was
 * issued, or its invoice matches the report (nothing left to true up). A month billed on an
 * estimate and not yet trued up is still open to its owner's correction.
 */
async function billedOnReport(tx: DbOrTx, storeId: number, month: string): Promise<boolean> {
  const invoices = await tx.invoice.findMany({ where: { pluginId: PLUGIN_ID, storeId, periodKey: { in: [month, trueUpKey(month)] }, voidEntryId: null }, select: { contractId: true, periodKey: true } });
  if (invoices.some((i) => i.periodKey === trueUpKey(month))) return true;
  for (const invoice of invoices) {
    const contract = await tx.contract.findUnique({ where: { id: invoice.contractId } });
    if (!contract) continue;
    const parsed = RoyaltyTerms.safeParse(decodeJson(contract.terms));
    if (!parsed.success) continue;
    const terms = parsed.data;
    const inputs = await loadRoyaltyInputs(tx, { id: contract.id, payerId: contract.payerId, storeId: contract.storeId, startsOn: businessDateFromDb(contract.startsOn), terms }, lastDayOf(addMonths(month, 1)));
    if (pendingTrueUp(terms, inputs, month).length === 0) return true;
  }
  return false;
}

function present(row: { id: number; storeId: number; month: string; grossSalesWon: bigint; source: string; revision: number; reportedAt: Date; reportedById: number | null; store: { code: string; name: string } }): SalesReportView {
  return {
    id: row.id,
    storeId: row.storeId,
    storeCode: row.store.code,
    storeName: row.store.name,
    month: row.month,
    grossSalesWon: row.grossSalesWon,
    source: row.source,
    revision: row.revision,
    reportedAt: row.reportedAt,
    reportedById: row.reportedById,
  };
}
