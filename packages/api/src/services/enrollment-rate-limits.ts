import type { DbOrTx, Keyring } from "@sunap/db";
import { RateLimits } from "./rate-limits.ts";

/**
 * Limits of the public consent page and of link creation, per IP and per phone, counted in the
 * database so every server process shares them. The OTP rules (codes per hour, the lock after
 * wrong codes) are kept with the challenges themselves.
 */
export const ENROLL_LIMITS = {
  /** Every public enroll.* call, per IP. */
  publicPerIp: { limit: 120, windowMs: 10 * 60_000 },
  /** Codes asked for, per IP (the per-phone limit is 5 an hour, in the database). */
  otpPerIp: { limit: 20, windowMs: 60 * 60_000 },
  /** Account checks and submissions, per phone. */
  accountPerPhone: { limit: 10, windowMs: 60 * 60_000 },
  /** Links created or sent by staff, per IP and per recipient phone. */
  linksPerIp: { limit: 200, windowMs: 60 * 60_000 },
  linksPerPhone: { limit: 5, windowMs: 60 * 60_000 },
} as const;

type LimitName = keyof typeof ENROLL_LIMITS;

export interface LimitContext {
  db: DbOrTx;
  keyring: Keyring;
  now: Date;
}

/** Counts one attempt against a limit; throws auth.rate_limited (TOO_MANY) when over it. */
export async function enforceLimit(ctx: LimitContext, name: LimitName, key: string): Promise<void> {
  await new RateLimits(ctx.db, ctx.keyring, () => ctx.now).enforce(`enroll.${name}`, ENROLL_LIMITS[name], key);
}

/** Tests start from empty windows. */
export async function resetEnrollLimits(db: DbOrTx): Promise<void> {
  await db.rateLimitCounter.deleteMany({ where: { bucket: { startsWith: "enroll." } } });
}
