import { formatWon } from "@sunap/core";
import type { LoanSchedule } from "./loan-schedule.ts";
import { REPAYMENT_METHOD_LABELS } from "./loan-terms.ts";
import { formatRatePercent } from "./rate.ts";

/** Columns a terminal gives to a string: Hangul and other wide characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return width;
}

function padStart(text: string, width: number): string {
  return " ".repeat(Math.max(0, width - displayWidth(text))) + text;
}

function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

/** A schedule as a table for a terminal, with Korean headers and amounts in won. */
export function formatScheduleTable(schedule: LoanSchedule): string {
  const { terms } = schedule;
  const dated = terms.disbursedOn !== undefined;
  const summary = [
    REPAYMENT_METHOD_LABELS[terms.method].ko,
    `대출원금 ${formatWon(terms.principalWon)}`,
    `연 ${formatRatePercent(terms.annualRateMilliPercent)}%`,
    `${terms.termMonths}개월`,
    ...(schedule.levelPaymentWon !== undefined ? [`월 납입액 ${formatWon(schedule.levelPaymentWon)}`] : []),
    ...(schedule.levelPrincipalWon !== undefined ? [`월 원금 ${formatWon(schedule.levelPrincipalWon)}`] : []),
  ].join(" · ");
  const dates = dated ? `대출실행일 ${terms.disbursedOn} · 매월 ${schedule.repaymentDay}일 상환 (말일이 없는 달은 말일)` : "대출실행일 미정: 매월 한 달치 이자로 계산한 미리보기";

  const header = ["회차", ...(dated ? ["납입일", "일수"] : []), "원금", "이자", "납입액", "대출잔액"];
  const rows = schedule.installments.map((installment) => [
    String(installment.number),
    ...(dated ? [installment.dueOn ?? "", `${installment.days ?? ""}${installment.interestBasis === "daily" ? "*" : ""}`] : []),
    formatWon(installment.principalWon),
    formatWon(installment.interestWon),
    formatWon(installment.paymentWon),
    formatWon(installment.closingPrincipalWon),
  ]);
  const totals = ["합계", ...(dated ? ["", ""] : []), formatWon(schedule.totals.principalWon), formatWon(schedule.totals.interestWon), formatWon(schedule.totals.paymentWon), ""];
  const widths = header.map((_, column) => Math.max(...[header, ...rows, totals].map((row) => displayWidth(row[column] ?? ""))));
  const dateColumn = dated ? 1 : -1;
  const line = (row: string[]) => row.map((cell, column) => (column === dateColumn ? padEnd(cell, widths[column]!) : padStart(cell, widths[column]!))).join("  ").trimEnd();
  const rule = "-".repeat(displayWidth(line(header)));
  const notes = [
    "이자 = 대출잔액 × 연이율 ÷ 12, 원 미만 절사. 마지막 회차가 남은 원금을 정산합니다.",
    ...(schedule.installments.some((installment) => installment.interestBasis === "daily") ? ["* 첫 회차는 한 달이 아니어서 일할 계산: 대출잔액 × 연이율 × 실제 일수 ÷ 365, 원 미만 절사."] : []),
    ...(dated ? ["납입일이 은행 휴무일이면 다음 영업일에 출금합니다 (이자는 약정 납입일 기준)."] : []),
  ];
  return [summary, dates, "", line(header), rule, ...rows.map(line), rule, line(totals), "", ...notes].join("\n");
}

/** A schedule as plain JSON: amounts as strings of digits (bigint has no JSON form), the rate as percent text. */
export function scheduleToJson(schedule: LoanSchedule): unknown {
  const { terms } = schedule;
  return JSON.parse(
    JSON.stringify(
      {
        terms: { ...terms, annualRateMilliPercent: undefined, annualRatePercent: formatRatePercent(terms.annualRateMilliPercent) },
        repaymentDay: schedule.repaymentDay,
        levelPaymentWon: schedule.levelPaymentWon,
        levelPrincipalWon: schedule.levelPrincipalWon,
        installments: schedule.installments.map(({ annualRateMilliPercent: _rate, ...installment }) => installment),
        prepayments: schedule.prepayments,
        totals: schedule.totals,
      },
      (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value),
    ),
  );
}
