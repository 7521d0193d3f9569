import type { trpc } from "../../api/trpc.ts";

type Output<F> = F extends (...args: never[]) => Promise<infer R> ? R : never;

export type CalendarYear = Output<typeof trpc.bankingCalendar.year.query>;
export type CalendarDay = CalendarYear["days"][number];
export type CloseDayInput = Parameters<typeof trpc.bankingCalendar.close.mutate>[0];
export type DebitTiming = Output<typeof trpc.bankingCalendar.debitTiming.query>;
