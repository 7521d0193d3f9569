import { DomainError } from "@sunap/core";
import type { DbOrTx, Keyring } from "@sunap/db";
import { secretHash } from "./enrollment-link-tokens.ts";

export interface RateLimit {
  /** Attempts allowed in a window. */
  limit: number;
  /** At most 12 hours: the housekeeping job keeps a day of windows. */
  windowMs: number;
}

/** How long windows are kept: the longest window plus the previous one it is weighed with. */
export const RATE_LIMIT_KEEP_MS = 24 * 60 * 60_000;

/**
 * Counts attempts in PostgreSQL, so every server process shares one count and a restart does not
 * clear it. Windows are fixed, but the previous window is weighed by how much of it still lies
 * within one window length (the usual sliding-window estimate), so a burst straddling a boundary
 * cannot pass twice the limit. Keys are hashed with a key of our own: an IP or a phone number is
 * personal data and the table is not encrypted.
 */
export class RateLimits {
  constructor(
    private readonly db: DbOrTx,
    private readonly keyring: Keyring,
    private readonly now: () => Date,
  ) {}

  /** Counts one attempt; returns the seconds to wait when over the limit, else 0. */
  async hit(bucket: string, rule: RateLimit, key: string): Promise<number> {
    if (rule.windowMs > RATE_LIMIT_KEEP_MS / 2) throw new Error(`rate limit ${bucket}: window longer than 12 hours`);
    const nowMs = this.now().getTime();
    const windowStart = Math.floor(nowMs / rule.windowMs) * rule.windowMs;
    const keyHash = secretHash(this.keyring, "rate_limit", key);
    const rows = await this.db.$queryRaw<{ hits: number; previous: number }[]>`
      WITH current AS (
        INSERT INTO rate_limit_counter (bucket, key_hash, window_start, hits)
        VALUES (${bucket}, ${keyHash}, ${new Date(windowStart)}, 1)
        ON CONFLICT (bucket, key_hash, window_start) DO UPDATE SET hits = rate_limit_counter.hits + 1
        RETURNING hits)
      SELECT current.hits,
             COALESCE((SELECT hits FROM rate_limit_counter
                        WHERE bucket = ${bucket} AND key_hash = ${keyHash} AND window_start = ${new Date(windowStart - rule.windowMs)}), 0) AS previous
        FROM current`;
    const { hits, previous } = rows[0]!;
    return secondsToWait(rule, nowMs - windowStart, hits, previous);
  }

  /** Like `hit`, but throws auth.rate_limited (TOO_MANY) when over the limit. */
  async enforce(bucket: string, rule: RateLimit, key: string): Promise<void> {
    const wait = await this.hit(bucket, rule, key);
    if (wait > 0) throw new DomainError("TOO_MANY", "auth.rate_limited", { seconds: wait });
  }
}

/**
 * The estimate is `hits + previous × (share of the previous window still inside one window
 * length)`. Over the limit, the wait is until that estimate, with no further attempts, is back
 * within it: the previous window fading out, or, when this window alone is over, its end and the
 * fading of what it then becomes.
 */
export function secondsToWait(rule: RateLimit, elapsedMs: number, hits: number, previous: number): number {
  const { limit, windowMs } = rule;
  const weight = 1 - elapsedMs / windowMs;
  if (hits + previous * weight <= limit) return 0;
  let waitMs: number;
  if (hits <= limit) {
    // previous × (1 − (elapsed + t) / window) ≤ limit − hits
    waitMs = windowMs * (1 - (limit - hits) / previous) - elapsedMs;
  } else {
    // Next window: this one becomes `previous` with no hits of its own yet.
    waitMs = windowMs - elapsedMs + windowMs * (1 - limit / hits);
  }
  return Math.max(1, Math.ceil(waitMs / 1000));
}

/** Deletes windows no limit still looks at. */
export async function pruneRateLimitWindows(db: DbOrTx, now: Date): Promise<number> {
  const { count } = await db.rateLimitCounter.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - RATE_LIMIT_KEEP_MS) } } });
  return count;
}
