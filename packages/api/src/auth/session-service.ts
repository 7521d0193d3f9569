import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { DomainError, passwordProblems, type Role } from "@sunap/core";
import type { Db, DbOrTx } from "@sunap/db";
import type { Locale, SessionInfo } from "../context.ts";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password-hash.ts";
import { recordAudit, type Actor } from "../audit.ts";

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Finds the live session a cookie names; slides its expiry at most once a minute. */
export async function loadSession(db: Db, token: string | undefined, now: Date, ttlHours: number): Promise<SessionInfo | null> {
  if (!token) return null;
  const tokenHash = hashToken(token);
  const session = await db.session.findUnique({
    where: { tokenHash },
    include: { user: { include: { stores: { select: { storeId: true } } } } },
  });
  if (!session || session.expiresAt <= now || session.user.disabledAt) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    await db.session.update({ where: { tokenHash }, data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + ttlHours * 3_600_000) } });
  }
  const { user } = session;
  return {
    tokenHash,
    csrfToken: session.csrfToken,
    user: { id: user.id, email: user.email, name: user.name, role: user.role as Role, locale: user.locale as Locale, storeIds: user.stores.map((s) => s.storeId) },
  };
}

export interface SignInResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  userId: number;
}

/**
 * Checks the password; five failures in a row lock the account for 15 minutes. Unknown
 * e-mails and wrong passwords get the same answer and take the same time.
 */
/** `2026-11-24 18:05` in the organisation's time zone: how a person reads "locked until". */
function localTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).format(instant);
}

export async function signIn(db: Db, input: { email: string; password: string; ip: string; userAgent?: string }, now: Date, ttlHours: number, timeZone = "Asia/Seoul"): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const user = await db.user.findUnique({ where: { email } });
  const actor: Actor = { id: user?.id ?? null, email, ip: input.ip };
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    await recordAudit(db, actor, { action: "auth.login_failed", entityType: "user", after: { reason: "unknown_email" } });
    throw new DomainError("UNAUTHENTICATED", "auth.invalid_credentials");
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new DomainError("TOO_MANY", "auth.locked", { until: localTime(user.lockedUntil, timeZone) });
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    // Counted in the database: wrong passwords sent at once must not each read the same old count.
    const { failedLogins } = await db.user.update({ where: { id: user.id }, data: { failedLogins: { increment: 1 } }, select: { failedLogins: true } });
    const lockedUntil = failedLogins >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : null;
    if (lockedUntil) await db.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil } });
    await recordAudit(db, actor, { action: lockedUntil ? "auth.locked" : "auth.login_failed", entityType: "user", entityId: user.id, after: { failedLogins } });
    throw new DomainError("UNAUTHENTICATED", "auth.invalid_credentials");
  }
  if (user.disabledAt) throw new DomainError("FORBIDDEN", "auth.disabled");
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } });
    await tx.session.create({ data: { tokenHash: hashToken(token), userId: user.id, csrfToken, ip: input.ip, userAgent: input.userAgent?.slice(0, 300) ?? null, expiresAt } });
    await recordAudit(tx, actor, { action: "auth.login", entityType: "user", entityId: user.id });
  });
  return { token, csrfToken, expiresAt, userId: user.id };
}

export async function signOut(db: DbOrTx, tokenHash: string, actor: Actor): Promise<void> {
  await db.session.deleteMany({ where: { tokenHash } });
  await recordAudit(db, actor, { action: "auth.logout", entityType: "user", entityId: actor.id });
}

/** A new password ends every other session of the user. */
export async function changePassword(db: Db, userId: number, keepTokenHash: string, input: { currentPassword: string; newPassword: string }, actor: Actor): Promise<void> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw new DomainError("INVALID", "auth.wrong_current_password", {}, "currentPassword");
  assertPasswordAcceptable(input.newPassword, user.email, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, passwordChangedAt: new Date() } });
    await tx.session.deleteMany({ where: { userId, tokenHash: { not: keepTokenHash } } });
    await recordAudit(tx, actor, { action: "auth.password_changed", entityType: "user", entityId: userId });
  });
}

export function assertPasswordAcceptable(password: string, email: string, field: string): void {
  const [problem] = passwordProblems(password, email);
  if (problem) throw new DomainError("INVALID", problem, {}, field);
}
