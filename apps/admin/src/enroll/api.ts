import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "@sunap/server/router";
import type { Locale } from "./i18n.ts";

let requestLocale: Locale = "ko";

/** The language the server answers in (its error messages and the terms it returns). */
export function setRequestLocale(locale: Locale): void {
  requestLocale = locale;
}

/**
 * The public page's tRPC client: no session and no CSRF token (the enroll procedures are
 * public; the link's token is their credential). Cookies are left out so that a staff
 * session in the same browser cannot change how the server treats the payer.
 */
export const api = createTRPCClient<AppRouter>({
  links: [
    httpLink({
      url: "/trpc",
      transformer: superjson,
      headers: () => ({ "Accept-Language": requestLocale }),
      fetch: (url, options) => fetch(url, { ...options, credentials: "omit" }),
    }),
  ],
});

export type EnrollPage = Awaited<ReturnType<typeof api.enroll.open.query>>;
export type Bank = EnrollPage["banks"][number];
export type Terms = EnrollPage["terms"]["autoDebit"];
export type Receipt = Awaited<ReturnType<typeof api.enroll.submit.mutate>>;
export type VerifiedAccount = Awaited<ReturnType<typeof api.enroll.verifyAccount.mutate>>;
export type OtpChallenge = Awaited<ReturnType<typeof api.enroll.sendOtp.mutate>>;
export type Withdrawal = Awaited<ReturnType<typeof api.enroll.withdraw.mutate>>;

/** A refused call: the server's message (already in the page's language) and one per field. */
export interface Failure {
  message: string;
  /** Keyed by the page's field names (see fieldOf). */
  fields: Record<string, string>;
  domainCode: string | null;
  /** The link itself is the problem (expired, used, tampered…): the whole page says so. */
  linkProblem: boolean;
  network: boolean;
}

interface ServerErrorData {
  domainCode?: string | null;
  fieldErrors?: { field: string; message: string }[];
}

/**
 * The server names fields by its input paths (`payer.birthDate`, `account.accountNumber`,
 * `agreedTerms.privacy`, `signature.pngBase64`, `challengeId`); the page by one name each.
 */
export function fieldOf(path: string): string {
  if (path.startsWith("signature")) return "signature";
  if (path === "challengeId") return "code";
  if (path === "otpProof") return "otp";
  return path.split(".").pop() ?? path;
}

export function failureOf(error: unknown, networkMessage: string): Failure {
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? undefined) as ServerErrorData | undefined;
    if (!data) return { message: networkMessage, fields: {}, domainCode: null, linkProblem: false, network: true };
    const fields: Record<string, string> = {};
    for (const entry of data.fieldErrors ?? []) {
      const field = fieldOf(entry.field);
      fields[field] ??= entry.message;
    }
    const domainCode = data.domainCode ?? null;
    return { message: error.message, fields, domainCode, linkProblem: "token" in fields || (domainCode?.startsWith("enroll.link_") ?? false), network: false };
  }
  return { message: error instanceof Error ? error.message : String(error), fields: {}, domainCode: null, linkProblem: false, network: false };
}
