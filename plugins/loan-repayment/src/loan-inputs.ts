import { addDays, businessDateFromDb, businessDateToDb, type BusinessDate } from "@sunap/core";
import type { DbOrTx } from "@sunap/db";
import { loadBankingCalendar } from "@sunap/api";
import { weekdayOf, type BankingCalendar } from "@sunap/rails";
import { parseLoanPeriodKey, type LoanInputs } from "./billing-rules.ts";
import type { InstallmentDebt } from "./overdue-accrual.ts";

/**
 * The day an installment due on `dueOn` is collected: the first banking day on or after it, in
 * the calendar in force (the shipped holidays with the admin's changes). Outside the years the
 * holiday data covers, only weekends are skipped.
 */
export function collectionDayIn(calendar: BankingCalendar): (dueOn: BusinessDate) => BusinessDate {
  return (dueOn) => {
    try {
      return calendar.bankingDayOnOrAfter(dueOn);
    } catch {
      let day = dueOn;
      while ([0, 6].includes(weekdayOf(day))) day = addDays(day, 1);
      return day;
    }
  };
}

/** The collection-day rule of the calendar stored now. */
export async function loadCollectionDay(db: DbOrTx): Promise<(dueOn: BusinessDate) => BusinessDate> {
  return collectionDayIn(await loadBankingCalendar(db));
}

/**
 * What overdue interest needs for one loan: its installment invoices and every movement of their
 * receivable up to `through`, by effective date (the issue, payments, a void). Read in the run's
 * transaction, so a run sees the ledger as it is.
 */
export async function loadLoanInputs(db: DbOrTx, contract: { id: number }, through: BusinessDate): Promise<LoanInputs> {
  const invoices = await db.invoice.findMany({
    where: { contractId: contract.id, periodKey: { startsWith: "installment-" } },
    select: { id: true, periodKey: true, dueOn: true },
    orderBy: { id: "asc" },
  });
  if (invoices.length === 0) return { installments: [], loadedThrough: through };
  const collectionDayOf = await loadCollectionDay(db);
  const lines = await db.journalLine.findMany({
    where: { invoiceId: { in: invoices.map((i) => i.id) }, accountCode: "receivables", effectiveOn: { lte: businessDateToDb(through) } },
    select: { invoiceId: true, effectiveOn: true, amountWon: true },
    orderBy: [{ effectiveOn: "asc" }, { id: "asc" }],
  });
  const installments: InstallmentDebt[] = [];
  for (const invoice of invoices) {
    const key = parseLoanPeriodKey(invoice.periodKey);
    if (key?.kind !== "installment") continue;
    const dueOn = businessDateFromDb(invoice.dueOn);
    installments.push({
      number: key.number,
      dueOn,
      graceUntil: collectionDayOf(dueOn),
      movements: lines.filter((line) => line.invoiceId === invoice.id).map((line) => ({ on: businessDateFromDb(line.effectiveOn), amountWon: line.amountWon })),
    });
  }
  return { installments, loadedThrough: through };
}
