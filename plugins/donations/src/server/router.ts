import { z } from "zod";
import { isBusinessDate, ListInput } from "@sunap/core";
import { auditSink, ContractService, procedure, router, type Context } from "@sunap/api";
import type { Actor } from "@sunap/api";
import { cancelPledge, changePledgeAmount, pausePledge, resumePledge } from "../billing/pledge-changes.ts";
import { collectedByDonor, yearSpan } from "./collections.ts";
import { exportIssuanceList, ISSUANCE_EXPORT_ACTION } from "./issuance-export.ts";
import { changePledge } from "./pledge-actions.ts";
import { receiptFileName, renderDonationReceipts, zipDonationReceipts } from "./receipt-pdf.ts";
import { issueReceipts, receiptOverview } from "./receipts.ts";
import { loadDonationSettings } from "./settings.ts";
import { giveTaxConsent, taxConsentOf, withdrawTaxConsent } from "./tax-consent.ts";
import { queueThankYouMessages, THANK_YOU_RELATED_TYPE, THANK_YOU_TEMPLATE } from "./thank-you.ts";
import { TAX_CONSENT_TEXT } from "./tax-consent-text.ts";

const Id = z.number().int().min(1).max(2_147_483_647);
const BusinessDateInput = z.string().refine(isBusinessDate, "input.date");
const Reason = z.string().trim().max(200).optional();
const Year = z.number().int().min(2000).max(2100);
const PledgeRef = { id: Id, version: z.number().int().min(1), reason: Reason };

type Authed = Context & { actor: Actor; audit: { written: boolean }; storeScope: readonly number[] | null };

function contracts(ctx: Authed): ContractService {
  return new ContractService(ctx.db, ctx.billing, auditSink(ctx));
}

/** A file for the admin to download: base64 with its name and type. */
function file(filename: string, contentType: string, bytes: Buffer | string) {
  return { filename, contentType, base64: Buffer.from(bytes).toString("base64") };
}

const pledgesRouter = router({
  /** Pauses from `from` until `until` (the day collection resumes; open-ended without it). */
  pause: procedure
    .permission("contract.write")
    .input(z.object({ ...PledgeRef, from: BusinessDateInput, until: BusinessDateInput.nullish() }))
    .mutation(({ ctx, input }) => {
      const today = ctx.clock.today();
      return ctx.db.$transaction((tx) =>
        changePledge(tx, contracts(ctx), { ...input, action: "pause", effectiveOn: input.from, storeScope: ctx.storeScope, actor: ctx.actor }, (p) => pausePledge(p, input, today)),
      );
    }),

  /** Resumes on `on` (the pause covering that day ends there; a pause not begun yet is dropped). */
  resume: procedure
    .permission("contract.write")
    .input(z.object({ ...PledgeRef, on: BusinessDateInput }))
    .mutation(({ ctx, input }) => {
      const today = ctx.clock.today();
      return ctx.db.$transaction((tx) =>
        changePledge(tx, contracts(ctx), { ...input, action: "resume", effectiveOn: input.on, storeScope: ctx.storeScope, actor: ctx.actor }, (p) => resumePledge(p, input, today)),
      );
    }),

  /** Cancels from `on`: nothing is collected on or after it. */
  cancel: procedure
    .permission("contract.write")
    .input(z.object({ ...PledgeRef, on: BusinessDateInput }))
    .mutation(({ ctx, input }) => {
      const today = ctx.clock.today();
      return ctx.db.$transaction((tx) =>
        changePledge(tx, contracts(ctx), { ...input, action: "cancel", effectiveOn: input.on, storeScope: ctx.storeScope, actor: ctx.actor }, (p) => cancelPledge(p, input, today)),
      );
    }),

  /** A new monthly amount from `effectiveOn` (an upgrade, or a lower amount). */
  upgrade: procedure
    .permission("contract.write")
    .input(z.object({ ...PledgeRef, effectiveOn: BusinessDateInput, monthlyAmountWon: z.bigint() }))
    .mutation(({ ctx, input }) => {
      const today = ctx.clock.today();
      return ctx.db.$transaction((tx) =>
        changePledge(tx, contracts(ctx), { ...input, action: "upgrade", effectiveOn: input.effectiveOn, storeScope: ctx.storeScope, actor: ctx.actor }, (p) => changePledgeAmount(p, input, today)),
      );
    }),
});

const RECEIPT_SORTS = new Set(["payerCode", "name", "collectedWon", "payments", "serial"]);

const receiptsRouter = router({
  /** The donors of a year with what each paid (from the ledger) and their receipt serial, if issued. Filters: `search` (code or name), `issued` (true/false). */
  list: procedure
    .permission("invoice.read")
    .input(ListInput.extend({ year: Year }))
    .query(async ({ ctx, input }) => {
      let rows = await receiptOverview(ctx.db, { year: input.year, storeScope: ctx.storeScope });
      for (const filter of input.filters) {
        if (filter.field === "search" && typeof filter.value === "string" && filter.value.trim()) {
          const term = filter.value.trim().toLowerCase();
          rows = rows.filter((r) => r.payerCode.toLowerCase().includes(term) || r.name.toLowerCase().includes(term));
        }
        if (filter.field === "issued" && filter.value !== undefined && filter.value !== null && filter.value !== "") {
          const issued = filter.value === true || filter.value === "true";
          rows = rows.filter((r) => (r.serial !== null) === issued);
        }
      }
      const sorter = input.sorters.find((s) => RECEIPT_SORTS.has(s.field)) ?? { field: "payerCode", order: "asc" as const };
      const key = sorter.field as "payerCode" | "name" | "collectedWon" | "payments" | "serial";
      rows.sort((a, b) => {
        const x = a[key] ?? "";
        const y = b[key] ?? "";
        const order = x < y ? -1 : x > y ? 1 : 0;
        return sorter.order === "asc" ? order : -order;
      });
      const { current, pageSize } = input.pagination;
      const collectedWon = rows.reduce((sum, r) => sum + r.collectedWon, 0n);
      return { data: rows.slice((current - 1) * pageSize, current * pageSize), total: rows.length, collectedWon };
    }),

  /** One donor's receipt for a year as a PDF (issued now, or re-issued with the same serial). */
  download: procedure
    .permission("invoice.write")
    .input(z.object({ payerId: Id, year: Year }))
    .mutation(async ({ ctx, input }) => {
      const audit = auditSink(ctx);
      const issued = await ctx.db.$transaction(async (tx) => {
        const [one] = await issueReceipts(tx, { year: input.year, today: ctx.clock.today(), payerIds: [input.payerId], storeScope: ctx.storeScope });
        await audit(tx, { action: "donations.receipt.issue", entityType: "donation_receipt", entityId: one!.receipt.serialNumber, after: { payerId: input.payerId, year: input.year, totalWon: one!.receipt.totalWon, firstIssue: one!.firstIssue } });
        return one!;
      });
      const pdf = await renderDonationReceipts([issued.receipt]);
      return { ...file(receiptFileName(issued.receipt), "application/pdf", pdf), serial: issued.receipt.serialNumber, totalWon: issued.receipt.totalWon, firstIssue: issued.firstIssue };
    }),

  /** Every donor's receipt for a year: one PDF per donor in a ZIP, or one combined PDF with a page per donor. */
  downloadAll: procedure
    .permission("invoice.write")
    .input(z.object({ year: Year, format: z.enum(["zip", "pdf"]).default("zip") }))
    .mutation(async ({ ctx, input }) => {
      const audit = auditSink(ctx);
      const issued = await ctx.db.$transaction(async (tx) => {
        const all = await issueReceipts(tx, { year: input.year, today: ctx.clock.today(), storeScope: ctx.storeScope });
        await audit(tx, { action: "donations.receipt.issue_all", entityType: "donation_receipt", entityId: String(input.year), after: { year: input.year, receipts: all.length, newlyIssued: all.filter((i) => i.firstIssue).length } });
        return all;
      });
      const receipts = issued.map((i) => i.receipt).sort((a, b) => (a.serialNumber < b.serialNumber ? -1 : 1));
      if (receipts.length === 0) return { filename: null, contentType: null, base64: null, count: 0 };
      const bytes = input.format === "zip" ? await zipDonationReceipts(receipts) : await renderDonationReceipts(receipts);
      const name = `donation-receipts_${input.year}.${input.format}`;
      return { ...file(name, input.format === "zip" ? "application/zip" : "application/pdf", bytes), count: receipts.length };
    }),
});

const taxConsentRouter = router({
  /** The consent text and its version, shown before the donor agrees. */
  terms: procedure
    .permission("payer.read")
    .query(async ({ ctx }) => ({ version: (await loadDonationSettings(ctx.db)).taxConsentTermsVersion, text: TAX_CONSENT_TEXT })),

  /** The donor's consent with the number masked (never shown whole). */
  get: procedure
    .permission("payer.read")
    .input(z.object({ payerId: Id }))
    .query(({ ctx, input }) => taxConsentOf(ctx.db, ctx.keyring, input.payerId)),

  give: procedure
    .permission("payer.write")
    .input(z.object({ payerId: Id, residentRegistrationNumber: z.string().trim().min(1).max(20), termsVersion: z.string().trim().min(1).max(40) }))
    .mutation(({ ctx, input }) => ctx.db.$transaction((tx) => giveTaxConsent(tx, ctx.keyring, { ...input, now: ctx.clock.now() }, auditSink(ctx)))),

  withdraw: procedure
    .permission("payer.write")
    .input(z.object({ payerId: Id }))
    .mutation(({ ctx, input }) => ctx.db.$transaction((tx) => withdrawTaxConsent(tx, ctx.keyring, { ...input, now: ctx.clock.now() }, auditSink(ctx)))),
});

const issuanceListRouter = router({
  /** PERSONAL DATA: the year's receipt issuance list as CSV, with consenting donors' resident numbers; logged with its reason. */
  export: procedure
    .permission("payer.export")
    .input(z.object({ year: Year, reason: z.string().max(200) }))
    .mutation(async ({ ctx, input }) => {
      const audit = auditSink(ctx);
      const result = await ctx.db.$transaction(async (tx) => {
        const exported = await exportIssuanceList(tx, ctx.keyring, { ...input, today: ctx.clock.today(), actor: ctx.actor, storeScope: ctx.storeScope });
        await audit(tx, { action: ISSUANCE_EXPORT_ACTION, entityType: "donation_receipt", entityId: String(input.year), after: { year: input.year, reason: input.reason, rows: exported.rows, withResidentNumber: exported.withResidentNumber } });
        return exported;
      });
      return { ...file(`donation-receipt-issuance_${input.year}.csv`, "text/csv; charset=utf-8", result.csv), rows: result.rows, withResidentNumber: result.withResidentNumber };
    }),
});

const donorsRouter = router({
  /** A donor's year at a glance: collected this year and last, thank-you status, tax consent (masked). */
  summary: procedure
    .permission("contract.read")
    .input(z.object({ payerId: Id }))
    .query(async ({ ctx, input }) => {
      const year = Number(ctx.clock.today().slice(0, 4));
      const [thisYear, lastYear, thanks, consent] = await Promise.all([
        collectedByDonor(ctx.db, yearSpan(year), { payerIds: [input.payerId], storeScope: ctx.storeScope }),
        collectedByDonor(ctx.db, yearSpan(year - 1), { payerIds: [input.payerId], storeScope: ctx.storeScope }),
        ctx.db.notifyMessage.findFirst({ where: { templateCode: THANK_YOU_TEMPLATE, relatedType: THANK_YOU_RELATED_TYPE, relatedId: String(input.payerId) }, select: { id: true, status: true, createdAt: true } }),
        taxConsentOf(ctx.db, ctx.keyring, input.payerId),
      ]);
      return {
        year,
        collectedThisYearWon: thisYear[0]?.collectedWon ?? 0n,
        paymentsThisYear: thisYear[0]?.payments.length ?? 0,
        collectedLastYearWon: lastYear[0]?.collectedWon ?? 0n,
        thankYou: thanks,
        taxConsent: consent,
      };
    }),
});

export const donationsRouter = router({
  pledges: pledgesRouter,
  receipts: receiptsRouter,
  taxConsent: taxConsentRouter,
  issuanceList: issuanceListRouter,
  donors: donorsRouter,
  thankYou: router({
    /** Queues the thank-you now for every donor whose first gift was collected and who was not thanked yet. */
    run: procedure
      .permission("message.write")
      .input(z.object({ payerIds: z.array(Id).max(500).optional() }).default({}))
      .mutation(({ ctx, input }) =>
        ctx.db.$transaction(async (tx) => {
          const result = await queueThankYouMessages(tx, ctx.keyring, { clock: ctx.clock, payerIds: input.payerIds });
          await auditSink(ctx)(tx, { action: "donations.thank_you.run", entityType: "notify_message", after: result });
          return result;
        }),
      ),
  }),
});

export type DonationsRouter = typeof donationsRouter;
