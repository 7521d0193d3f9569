import { SIGNING_PROVIDERS } from "../services/consent-signing.ts";
import { z } from "zod";
import { publicProcedure, router } from "../trpc.ts";
import type { Context } from "../context.ts";
import { PgEvidenceStore } from "../services/evidence-store.ts";
import { openEnrollment, sendEnrollmentOtp, submitEnrollment, verifyEnrollmentAccount, verifyEnrollmentOtp, withdrawEnrollment, type EnrollContext } from "../services/enrollment-service.ts";
import { createCmsProvider } from "../services/registration-provider.ts";

/**
 * The payer's public consent page (`/enroll/<token>`): no sign-in, every call validates the
 * link and is rate-limited per IP (and per phone where one is involved). Mutations are audited
 * with the caller's IP; nothing here reveals more than the payer typed in.
 */
const Token = z.string().trim().min(10).max(200);
const Locale = z.enum(["ko", "en"]).optional();
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, "input.sha256");

function enrollContext(ctx: Context, locale?: "ko" | "en"): EnrollContext {
  return {
    db: ctx.db,
    keyring: ctx.keyring,
    clock: ctx.clock,
    provider: createCmsProvider(ctx.db, ctx.keyring, ctx.clock, ctx.settings.cmsProvider),
    evidence: new PgEvidenceStore(ctx.keyring),
    // The sandbox certificate provider proves nothing: it is offered only in demo mode.
    signing: ctx.settings.demoMode ? SIGNING_PROVIDERS : [],
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    locale: locale ?? ctx.locale,
    knownPlugins: ctx.plugins.map((p) => p.id),
  };
}

export const EnrollPayerDetails = z.object({
  kind: z.enum(["individual", "business"]),
  name: z.string().trim().min(1).max(50),
  birthDate: z.string().trim().max(10).nullish(),
  businessNumber: z.string().trim().max(12).nullish(),
  representative: z.string().trim().max(50).nullish(),
  phone: z.string().trim().min(1).max(20),
  email: z.email().max(254).nullish(),
});

export const EnrollSubmitInput = z.object({
  token: Token,
  otpProof: z.string().min(10).max(100),
  idempotencyKey: z.string().trim().min(8).max(100),
  locale: Locale,
  /** Required on a sign-up link; ignored on a manage link (an account change keeps the payer). */
  payer: EnrollPayerDetails.nullish(),
  account: z.object({ bankCode: z.string().regex(/^\d{3}$/), accountNumber: z.string().trim().min(1).max(30), holderName: z.string().trim().min(1).max(50) }),
  agreedTerms: z.object({ autoDebit: Sha256, privacy: Sha256 }),
  signature: z.discriminatedUnion("method", [
    // ~270 KB of base64 at most; the decoded PNG is limited to 200 KB.
    z.object({ method: z.literal("drawn"), pngBase64: z.string().min(1).max(280_000) }),
    z.object({ method: z.literal("certificate"), provider: z.string().min(1).max(40), payload: z.string().min(1).max(20_000) }),
  ]),
});

export const enrollRouter = router({
  /** What the page shows: creditor, debit text, terms (with hashes), banks, prefill; on a manage link the standing consents. */
  open: publicProcedure
    .input(z.object({ token: Token, locale: Locale }))
    .query(({ ctx, input }) => openEnrollment(enrollContext(ctx, input.locale), input.token)),
  /** Sends a 6-digit code (valid 3 minutes) to the phone; a manage link always uses the registered phone. */
  sendOtp: publicProcedure
    .input(z.object({ token: Token, phone: z.string().trim().max(20).nullish(), locale: Locale }))
    .mutation(({ ctx, input }) => sendEnrollmentOtp(enrollContext(ctx, input.locale), input)),
  /** Checks the code; returns the proof token the later steps present. */
  verifyOtp: publicProcedure
    .input(z.object({ token: Token, challengeId: z.uuid(), code: z.string().trim().regex(/^\d{6}$/, "input.otp_code") }))
    .mutation(({ ctx, input }) => verifyEnrollmentOtp(enrollContext(ctx), input)),
  /** 예금주 조회 through the CMS provider, after the per-bank length check. */
  verifyAccount: publicProcedure
    .input(
      z.object({
        token: Token,
        otpProof: z.string().min(10).max(100),
        bankCode: z.string().regex(/^\d{3}$/),
        accountNumber: z.string().trim().min(1).max(30),
        holderName: z.string().trim().min(1).max(50),
        kind: z.enum(["individual", "business"]).optional(),
        birthDate: z.string().trim().max(10).nullish(),
        businessNumber: z.string().trim().max(12).nullish(),
      }),
    )
    .mutation(({ ctx, input }) => verifyEnrollmentAccount(enrollContext(ctx), input)),
  /** Gives the consent (or, on a manage link, changes the account): all in one transaction, idempotent by key. */
  submit: publicProcedure.input(EnrollSubmitInput).mutation(({ ctx, input }) => submitEnrollment(enrollContext(ctx, input.locale), input)),
  /** 출금동의 해지 from a manage link, after a code to the registered phone. */
  withdraw: publicProcedure
    .input(z.object({ token: Token, otpProof: z.string().min(10).max(100), reason: z.string().trim().max(500).nullish(), locale: Locale }))
    .mutation(({ ctx, input }) => withdrawEnrollment(enrollContext(ctx, input.locale), input)),
});
