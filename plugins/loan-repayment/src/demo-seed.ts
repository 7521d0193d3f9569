import { addDays, addMonths, dayOfMonth, monthOf, type BusinessDate } from "@sunap/core";
import { auditSink, type DemoSeedContext } from "@sunap/api";
import { createLoanInTx, LOAN_PLUGIN_ID } from "./loan-service.ts";

/** Day `day` of the month `monthsBack` months before today (clamped to the month's length). */
const monthsAgo = (today: BusinessDate, monthsBack: number, day: number): BusinessDate => dayOfMonth(addMonths(monthOf(today), -monthsBack), day);

/**
 * Two demo loans for the payers in the loan plugin, disbursed in the past so the seed's billing run
 * issues their installments by catch-up: a 12-month equal-installment loan disbursed four months
 * ago, whose installments nobody has paid yet — so they show as overdue, with overdue interest in
 * the payoff quote and billed monthly from the next run on — and a recent equal-principal loan
 * whose first installment is not due yet.
 */
export async function seedLoanDemo(context: DemoSeedContext): Promise<void> {
  const { db, today } = context;
  const borrowers = context.payers.filter((payer) => payer.plugins.includes(LOAN_PLUGIN_ID));
  if (borrowers.length === 0) return;
  if ((await db.contract.count({ where: { pluginId: LOAN_PLUGIN_ID } })) > 0) return;
  const scenarios = [
    { principalWon: 10_000_000n, annualRatePercent: "5.5", termMonths: 12, method: "equal-installment", disbursedOn: monthsAgo(today, 4, 10), repaymentDay: 25, prepaymentFeePercent: "1.2" },
    { principalWon: 30_000_000n, annualRatePercent: "7.9", termMonths: 24, method: "equal-principal", disbursedOn: addDays(today, -6), prepaymentFeePercent: "0" },
  ];
  const audit = auditSink({ actor: context.actor, audit: { written: false } });
  for (const [index, terms] of scenarios.entries()) {
    const borrower = borrowers[index % borrowers.length]!;
    await db.$transaction((tx) => createLoanInTx(tx, context.contracts, { payerId: borrower.id, storeId: borrower.storeId, terms }, context.actor, audit));
  }
}
