import { describe, expect, it } from "vitest";
import { loanSchedule } from "./loan-schedule.ts";
import { displayWidth, formatScheduleTable, scheduleToJson } from "./schedule-table.ts";

describe("schedule table (the loan-schedule command)", () => {
  it("prints a readable table with Korean headers, amounts in won and a totals row", () => {
    const table = formatScheduleTable(loanSchedule({ principalWon: 10_000_000n, annualRatePercent: "5.5", termMonths: 12, method: "equal-installment" }));
    const lines = table.split("\n");
    expect(lines[0]).toBe("원리금균등분할상환 · 대출원금 10,000,000원 · 연 5.5% · 12개월 · 월 납입액 858,367원");
    expect(lines[3]!.split(/\s+/).filter(Boolean)).toEqual(["회차", "원금", "이자", "납입액", "대출잔액"]);
    expect(lines[5]!.split(/\s+/).filter(Boolean)).toEqual(["1", "812,534원", "45,833원", "858,367원", "9,187,466원"]);
    expect(lines[16]!.split(/\s+/).filter(Boolean)).toEqual(["12", "854,458원", "3,916원", "858,374원", "0원"]);
    expect(lines[18]!.split(/\s+/).filter(Boolean)).toEqual(["합계", "10,000,000원", "300,411원", "10,300,411원"]);
    // Columns line up on screen: Hangul takes two cells.
    expect(new Set(lines.slice(3, 17).filter((line) => !line.startsWith("-")).map((line) => displayWidth(line.trimEnd())))).toEqual(new Set([displayWidth(lines[5]!)]));
  });

  it("shows due dates, days and marks a daily first period when dates are known", () => {
    const table = formatScheduleTable(loanSchedule({ principalWon: 10_000_000n, annualRatePercent: "5.5", termMonths: 12, method: "equal-installment", disbursedOn: "2026-01-20", repaymentDay: 25 }));
    expect(table).toContain("대출실행일 2026-01-20 · 매월 25일 상환");
    expect(table.split("\n")[5]!.split(/\s+/).filter(Boolean)).toEqual(["1", "2026-02-25", "36*", "812,534원", "54,246원", "866,780원", "9,187,466원"]);
    expect(table).toContain("* 첫 회차는 한 달이 아니어서 일할 계산");
  });

  it("gives JSON with amounts as strings and the rate as percent text", () => {
    const json = scheduleToJson(loanSchedule({ principalWon: 10_000_000n, annualRatePercent: "5.5", termMonths: 12, method: "equal-installment", disbursedOn: "2026-11-24", repaymentDay: 25 })) as {
      terms: Record<string, unknown>;
      levelPaymentWon: string;
      installments: Record<string, unknown>[];
      totals: Record<string, unknown>;
    };
    expect(json.terms).toEqual({ principalWon: "10000000", annualRatePercent: "5.5", termMonths: 12, method: "equal-installment", disbursedOn: "2026-11-24", repaymentDay: 25 });
    expect(json.levelPaymentWon).toBe("858367");
    expect(json.installments[0]).toEqual({
      number: 1,
      dueOn: "2026-12-25",
      days: 31,
      interestBasis: "daily",
      openingPrincipalWon: "10000000",
      principalWon: "812534",
      interestWon: "46712",
      paymentWon: "859246",
      closingPrincipalWon: "9187466",
    });
    expect(json.totals).toEqual({ installments: 12, principalWon: "10000000", interestWon: "301290", paymentWon: "10301290" });
  });

  it("counts Hangul as two columns", () => {
    expect(displayWidth("회차")).toBe(4);
    expect(displayWidth("12,000원")).toBe(8);
  });
});
