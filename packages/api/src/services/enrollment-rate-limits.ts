import { DomainError } from "@sunap/core";
import { RateLimiter } from "../auth/rate-limiter.ts";

/**
 * Limits of the public consent page and of link creation, per IP and per phone. In memory
 * (one server process), like the sign-in limiter; the OTP rules that must hold across
 * processes (codes per hour, the lock after wrong codes) are kept in the database.
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

const limiters = new Map<LimitName, RateLimiter>();

function limiter(name: LimitName): RateLimiter {
  let found = limiters.get(name);
  if (!found) {
    found = new RateLimiter(ENROLL_LIMITS[name].limit, ENROLL_LIMITS[name].windowMs);
    limiters.set(name, found);
  }
  return found;
}

/** Counts one attempt against a limit; throws auth.rate_limited (TOO_MANY) when over it. */
export function enforceLimit(name: LimitName, key: string): void {
  const wait = limiter(name).hit(`${name}|${key}`);
  if (wait > 0) throw new DomainError("TOO_MANY", "auth.rate_limited", { seconds: wait });
}

/** Tests start from empty windows. */
export function resetEnrollLimits(): void {
  limiters.clear();
}
