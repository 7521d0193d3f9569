import { addDays, businessDateFromDb, businessDateToDb, type BusinessDate } from "@sunap/core";
import type { DbOrTx } from "@sunap/db";
import { BankingCalendar } from "@sunap/rails";
import { parseLoanPeriodKey, type LoanInputs } from "./billing-rules.ts";
import type { InstallmentDebt } from "./overdue-accrual.ts";

const calendar = BankingCalendar.korea();

/**
 * The day an installment due on `dueOn` is collected: the first banking day on or after it.
 * Outside the years the shipped holiday calendar covers, only weekends are skipped.
 */
export function collectionDayOf(dueOn: BusinessDate): BusinessDate {
  try {
    return calendar.bankingDayOnOrAfter(dueOn);
  } catch {
    let day = dueOn;
    while ([0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay())) day = addDays(day, 1);
    return day;
  }
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
