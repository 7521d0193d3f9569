import { addMonths, businessDateToDb, DomainError, firstDayOf, isMonth, type BusinessDate, type Won } from "@sunap/core";
import type { DbOrTx } from "@sunap/db";
import { PLUGIN_ID } from "./sales-reports.ts";

export interface CollectionFigures {
  invoices: number;
  billedWon: Won;
  collectedWon: Won;
  outstandingWon: Won;
  /** Part of the outstanding that is past its due date. */
  overdueWon: Won;
}

export interface StoreCollections extends CollectionFigures {
  storeId: number;
  storeCode: string;
  storeName: string;
  region: string;
}

export interface RegionCollections extends CollectionFigures {
  region: string;
  stores: StoreCollections[];
}

const empty = (): CollectionFigures => ({ invoices: 0, billedWon: 0n, collectedWon: 0n, outstandingWon: 0n, overdueWon: 0n });

function add(into: CollectionFigures, from: CollectionFigures): void {
  into.invoices += from.invoices;
  into.billedWon += from.billedWon;
  into.collectedWon += from.collectedWon;
  into.outstandingWon += from.outstandingWon;
  into.overdueWon += from.overdueWon;
}

/**
 * Royalty billed, collected and outstanding by store and region, for the invoices of the months
 * `fromMonth`–`toMonth` (by the month they bill, true-ups with their month). Billed is what the
 * invoices said less what credit notes took back (void ones left out); outstanding is what the ledger still has open on them
 * (`open_won`, kept equal to their receivable lines); collected is the difference.
 */
export async function royaltyCollections(db: DbOrTx, range: { fromMonth: string; toMonth: string }, storeScope: readonly number[] | null, today: BusinessDate): Promise<{ regions: RegionCollections[]; total: CollectionFigures }> {
  if (!isMonth(range.fromMonth)) throw new DomainError("INVALID", "royalty.bad_month", { month: range.fromMonth }, "fromMonth");
  if (!isMonth(range.toMonth)) throw new DomainError("INVALID", "royalty.bad_month", { month: range.toMonth }, "toMonth");
  if (range.toMonth < range.fromMonth) throw new DomainError("INVALID", "royalty.range_reversed", { from: range.fromMonth, to: range.toMonth }, "toMonth");
  const periodStart = { gte: businessDateToDb(firstDayOf(range.fromMonth)), lt: businessDateToDb(firstDayOf(addMonths(range.toMonth, 1))) };
  const scope = storeScope !== null ? { storeId: { in: [...storeScope] } } : {};
  const base = { pluginId: PLUGIN_ID, voidEntryId: null, periodStart, ...scope };
  const [all, overdue] = await Promise.all([
    db.invoice.groupBy({ by: ["storeId"], where: base, _sum: { totalWon: true, openWon: true, creditedWon: true }, _count: { _all: true } }),
    db.invoice.groupBy({ by: ["storeId"], where: { ...base, dueOn: { lt: businessDateToDb(today) }, openWon: { gt: 0n } }, _sum: { openWon: true } }),
  ]);
  const overdueByStore = new Map(overdue.map((o) => [o.storeId, o._sum.openWon ?? 0n]));
  const storeIds = all.map((a) => a.storeId).filter((id): id is number => id !== null);
  const stores = new Map((await db.store.findMany({ where: { id: { in: storeIds } } })).map((s) => [s.id, s]));
  const regions = new Map<string, RegionCollections>();
  const total = empty();
  for (const group of all) {
    const store = group.storeId !== null ? stores.get(group.storeId) : undefined;
    const billedWon = (group._sum.totalWon ?? 0n) - (group._sum.creditedWon ?? 0n);
    const outstandingWon = group._sum.openWon ?? 0n;
    const row: StoreCollections = {
      storeId: group.storeId ?? 0,
      storeCode: store?.code ?? "-",
      storeName: store?.name ?? "-",
      region: store?.region ?? "-",
      invoices: group._count._all,
      billedWon,
      collectedWon: billedWon - outstandingWon,
      outstandingWon,
      overdueWon: overdueByStore.get(group.storeId) ?? 0n,
    };
    const region = regions.get(row.region) ?? { region: row.region, stores: [], ...empty() };
    region.stores.push(row);
    add(region, row);
    add(total, row);
    regions.set(row.region, region);
  }
  const sorted = [...regions.values()].sort((a, b) => a.region.localeCompare(b.region, "ko"));
  for (const region of sorted) region.stores.sort((a, b) => a.storeCode.localeCompare(b.storeCode));
  return { regions: sorted, total };
}
