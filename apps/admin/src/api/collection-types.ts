import type { trpc } from "./trpc.ts";

type Output<F> = F extends (...args: never[]) => Promise<infer R> ? R : never;

/** Payers, consents, CMS registrations, enrollment links and the message log, as the API returns them (masked). */
export type Payer = Output<typeof trpc.payers.get.query>;
export type PayerAccount = Payer["accounts"][number];
export type RevealedPayer = Output<typeof trpc.payers.reveal.mutate>;
export type AccessLogRow = Output<typeof trpc.payers.accessLog.query>["data"][number];
export type EnrollmentLink = Output<typeof trpc.enrollmentLinks.list.query>["data"][number];
export type Consent = Output<typeof trpc.consents.list.query>["data"][number];
export type ConsentDetail = Output<typeof trpc.consents.get.query>;
export type Registration = Output<typeof trpc.registrations.list.query>["data"][number];
export type RegistrationDetail = Output<typeof trpc.registrations.get.query>;
export type RegistrationRunResult = Output<typeof trpc.registrations.runNow.mutate>;
export type Message = Output<typeof trpc.messages.get.query>;
export type Bank = Output<typeof trpc.banks.list.query>[number];
export type BankUpdate = Parameters<typeof trpc.banks.update.mutate>[0];
export type PayerInput = Parameters<typeof trpc.payers.create.mutate>[0];
export type PayerChanges = Parameters<typeof trpc.payers.update.mutate>[0]["values"];

/** A CMS reason in both languages (registration rejections); the UI picks the user's. */
export type ReasonText = { code: string; ko: string; en: string } | null;
