import { addMonths, businessDateToDb, firstDayOf, monthOf, type BusinessDate } from "@sunap/core";
import { PayerService, recordAudit, type DemoSeedContext } from "@sunap/api";
import { reportDueOn } from "../billing/royalty-periods.ts";
import { RoyaltyTerms } from "../billing/terms.ts";
import { PLUGIN_ID } from "./sales-reports.ts";

const marketingFund = (amountWon: bigint) => ({ code: "marketing_fund", name: { ko: "광고분담금", en: "Marketing fund" }, amountWon });
const systemFee = (amountWon: bigint) => ({ code: "system_fee", name: { ko: "POS 시스템 사용료", en: "POS system fee" }, amountWon });

/** Each demo store's terms, a typical month of sales, and the months (counted back from the last ended one) it has not reported. */
const DEMO_TERMS: Record<string, { royalty: unknown; fixedFees: unknown[]; minimumRoyaltyWon: bigint; baseSalesWon: bigint; missing: number[] }> = {
  GN01: { royalty: { kind: "flat", rateBp: 500 }, fixedFees: [marketingFund(300_000n), systemFee(110_000n)], minimumRoyaltyWon: 1_000_000n, baseSalesWon: 62_000_000n, missing: [0] },
  HD01: { royalty: { kind: "tiered", mode: "marginal", tiers: [{ fromWon: 0n, rateBp: 600 }, { fromWon: 50_000_000n, rateBp: 400 }] }, fixedFees: [marketingFund(250_000n)], minimumRoyaltyWon: 800_000n, baseSalesWon: 48_000_000n, missing: [] },
  SW01: { royalty: { kind: "flat", rateBp: 450 }, fixedFees: [systemFee(99_000n)], minimumRoyaltyWon: 600_000n, baseSalesWon: 35_000_000n, missing: [4] },
  HU01: { royalty: { kind: "tiered", mode: "whole", tiers: [{ fromWon: 0n, rateBp: 500 }, { fromWon: 40_000_000n, rateBp: 450 }, { fromWon: 80_000_000n, rateBp: 400 }] }, fixedFees: [marketingFund(200_000n)], minimumRoyaltyWon: 700_000n, baseSalesWon: 41_000_000n, missing: [] },
  DG01: { royalty: { kind: "flat", rateBp: 550 }, fixedFees: [marketingFund(150_000n)], minimumRoyaltyWon: 0n, baseSalesWon: 27_000_000n, missing: [] },
};

/** Franchisees the core's demo data has no payer for (their business numbers carry valid check digits). */
const EXTRA_FRANCHISEES: Record<string, { payerCode: string; name: string; businessNumber: string; representative: string; phone: string; address: string }> = {
  HD01: { payerCode: "S-HD01", name: "홍대입구점 (주)청춘", businessNumber: "314-81-27343", representative: "한청춘", phone: "02-333-4567", address: "서울시 마포구" },
  SW01: { payerCode: "S-SW01", name: "수원역점 수원상사", businessNumber: "605-87-31027", representative: "오수원", phone: "031-245-6789", address: "경기도 수원시 팔달구" },
  DG01: { payerCode: "S-DG01", name: "동성로점 달구벌", businessNumber: "504-86-12958", representative: "문달구", phone: "053-421-9876", address: "대구시 중구" },
};

/** Sales that move from month to month (±12%, deterministic), with a December peak. */
function demoSales(baseWon: bigint, month: string, storeIndex: number): bigint {
  const m = Number(month.slice(5, 7));
  const swing = BigInt(((m * 37 + storeIndex * 11) % 25) - 12);
  const peak = m === 12 ? 15n : 0n;
  return ((baseWon * (100n + swing + peak)) / 100n / 1000n) * 1000n;
}

/**
 * Royalty terms for the demo stores from twelve months back, each billed to the store's
 * franchisee, and a year of sales reports with a few left missing (so estimates show; the store
 * owner's own store has last month to report). The seed's billing run then issues a year of
 * royalty invoices by catch-up.
 */
export async function seedRoyaltyDemo(context: DemoSeedContext): Promise<void> {
  const { db, keyring, today, actor } = context;
  const audit = (tx: Parameters<typeof recordAudit>[0], event: Parameters<typeof recordAudit>[2]) => recordAudit(tx, actor, event);
  const payerService = new PayerService(db, keyring, [PLUGIN_ID]);
  const firstMonth = addMonths(monthOf(today), -12);
  const lastEnded = addMonths(monthOf(today), -1);

  for (const [storeIndex, store] of context.stores.entries()) {
    const plan = DEMO_TERMS[store.code];
    if (!plan) continue;
    let payer = context.payers.find((p) => p.kind === "business" && p.storeId === store.id);
    const extra = EXTRA_FRANCHISEES[store.code];
    if (!payer && extra) {
      const existing = await db.payer.findUnique({ where: { payerCode: extra.payerCode } });
      const created = existing ?? (await payerService.create({ ...extra, kind: "business", birthDate: null, email: null, tags: ["가맹점"], plugins: [PLUGIN_ID], storeId: store.id }, today, audit));
      payer = { id: created.id, payerCode: extra.payerCode, name: extra.name, kind: "business", storeId: store.id, plugins: [PLUGIN_ID] };
    }
    if (!payer) continue;
    if (await db.contract.findFirst({ where: { pluginId: PLUGIN_ID, storeId: store.id, status: "active" } })) continue;

    const terms = RoyaltyTerms.parse({ storeCode: store.code, firstMonth, royalty: plan.royalty, fixedFees: plan.fixedFees, minimumRoyaltyWon: plan.minimumRoyaltyWon });
    await context.contracts.create({ pluginId: PLUGIN_ID, payerId: payer.id, storeId: store.id, terms }, actor);

    const missing = new Set(plan.missing.map((back) => addMonths(lastEnded, -back)));
    const reports: { storeId: number; month: string; grossSalesWon: bigint; source: string; reportedAt: Date }[] = [];
    for (let month = firstMonth; month <= lastEnded; month = addMonths(month, 1)) {
      if (missing.has(month)) continue;
      // Reported two days before the due date, at noon UTC: that business day in Korea.
      const reportedOn: BusinessDate = reportDueOn(terms, month) > today ? today : reportDueOn(terms, month);
      reports.push({ storeId: store.id, month, grossSalesWon: demoSales(plan.baseSalesWon, month, storeIndex), source: storeIndex === 0 ? "store_owner" : "import", reportedAt: new Date(businessDateToDb(reportedOn).getTime() - 2 * 86_400_000 + 12 * 3_600_000) });
    }
    await db.royaltySalesReport.createMany({ data: reports, skipDuplicates: true });
  }
  await recordAudit(db, actor, { action: "royalty.demo_seed", entityType: "royalty_sales_report", after: { firstMonth: firstDayOf(firstMonth) } });
}
