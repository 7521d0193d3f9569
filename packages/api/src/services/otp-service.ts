import { randomBytes, randomInt, randomUUID, timingSafeEqual } from "node:crypto";
import { DomainError } from "@sunap/core";
import { decryptField, encryptField, maskPhone, phoneSearchIndex, type Db, type DbOrTx, type Keyring, type Tx } from "@sunap/db";
import { secretHash } from "./enrollment-link-tokens.ts";
import { sendOtpCode } from "./consent-notifications.ts";

/** The one-time code rules of the consent page. */
export const OTP_RULES = {
  digits: 6,
  validMinutes: 3,
  maxCodesPerHour: 5,
  maxWrongTries: 5,
  lockMinutes: 30,
  /** How long a verified phone's proof may be used for the rest of the page. */
  proofValidMinutes: 30,
} as const;

export const OTP_FIELD_CONTEXT = { phone: "otp_challenge.phone" } as const;

const minutes = (now: Date, n: number) => new Date(now.getTime() + n * 60_000);

/** Serialises everything about one phone (codes per hour, wrong tries) across requests and processes. */
async function lockPhone(tx: Tx, phoneBidx: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`otp:${phoneBidx}`}))`;
}

async function assertNotLocked(tx: DbOrTx, phoneBidx: string, now: Date): Promise<void> {
  const guard = await tx.otpPhoneGuard.findUnique({ where: { phoneBidx } });
  if (guard?.lockedUntil && guard.lockedUntil > now) throw new DomainError("TOO_MANY", "enroll.otp_locked", { until: guard.lockedUntil.toISOString() }, "code");
}

export interface OtpContext {
  db: Db;
  keyring: Keyring;
  now: Date;
  ip: string;
  locale: "ko" | "en";
}

/**
 * Sends a 6-digit code to a phone (through the notify outbox), valid 3 minutes; at most 5 codes
 * a phone an hour; refused while the phone is locked. Only an HMAC of the code is kept.
 */
export async function sendOtp(c: OtpContext, input: { linkId: number; phone: string; creditorName: string; payerId: number | null }, onSent: (tx: Tx, challengeId: string) => Promise<void>) {
  const phoneBidx = phoneSearchIndex(c.keyring, input.phone);
  return c.db.$transaction(async (tx) => {
    await lockPhone(tx, phoneBidx);
    await assertNotLocked(tx, phoneBidx, c.now);
    const recent = await tx.otpChallenge.count({ where: { phoneBidx, createdAt: { gt: minutes(c.now, -60) } } });
    if (recent >= OTP_RULES.maxCodesPerHour) throw new DomainError("TOO_MANY", "enroll.otp_too_many", { max: OTP_RULES.maxCodesPerHour }, "phone");
    const id = randomUUID();
    const code = String(randomInt(0, 10 ** OTP_RULES.digits)).padStart(OTP_RULES.digits, "0");
    const expiresAt = minutes(c.now, OTP_RULES.validMinutes);
    await tx.otpChallenge.create({
      data: { id, linkId: input.linkId, phoneBidx, phoneEnc: encryptField(c.keyring, input.phone.replace(/\D/g, ""), OTP_FIELD_CONTEXT.phone), codeHash: secretHash(c.keyring, "otp_code", `${id}|${code}`), expiresAt, ip: c.ip, createdAt: c.now },
    });
    await sendOtpCode({ tx, keyring: c.keyring, now: c.now, locale: c.locale, payerId: input.payerId }, { challengeId: id, to: input.phone, creditorName: input.creditorName, code, expiresAt });
    await onSent(tx, id);
    return { challengeId: id, expiresAt, phoneMasked: maskPhone(input.phone) };
  });
}

type VerifyOutcome = { ok: true; proof: string; expiresAt: Date } | { ok: false; error: DomainError };

/**
 * Checks a code. A wrong one counts against the phone (committed even though the call fails);
 * the fifth locks the phone for 30 minutes. A right one yields a proof token bound to the link
 * and the phone, which the later steps present.
 */
export async function verifyOtp(c: OtpContext, input: { linkId: number; challengeId: string; code: string }, onVerified: (tx: Tx, challengeId: string) => Promise<void>) {
  const challenge = await c.db.otpChallenge.findUnique({ where: { id: input.challengeId } });
  if (!challenge || challenge.linkId !== input.linkId || challenge.verifiedAt) throw new DomainError("INVALID", "enroll.otp_unknown", {}, "challengeId");
  const outcome: VerifyOutcome = await c.db.$transaction(async (tx) => {
    await lockPhone(tx, challenge.phoneBidx);
    await assertNotLocked(tx, challenge.phoneBidx, c.now);
    if (challenge.expiresAt <= c.now) return { ok: false, error: new DomainError("INVALID", "enroll.otp_expired", {}, "code") };
    const expected = Buffer.from(challenge.codeHash);
    const given = Buffer.from(secretHash(c.keyring, "otp_code", `${challenge.id}|${input.code.trim()}`));
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      const guard = await tx.otpPhoneGuard.upsert({
        where: { phoneBidx: challenge.phoneBidx },
        create: { phoneBidx: challenge.phoneBidx, failures: 1, updatedAt: c.now },
        update: { failures: { increment: 1 }, updatedAt: c.now },
      });
      await tx.otpChallenge.update({ where: { id: challenge.id }, data: { failedAttempts: { increment: 1 } } });
      if (guard.failures >= OTP_RULES.maxWrongTries) {
        const until = minutes(c.now, OTP_RULES.lockMinutes);
        await tx.otpPhoneGuard.update({ where: { phoneBidx: challenge.phoneBidx }, data: { failures: 0, lockedUntil: until, updatedAt: c.now } });
        return { ok: false, error: new DomainError("TOO_MANY", "enroll.otp_locked", { until: until.toISOString() }, "code") };
      }
      return { ok: false, error: new DomainError("INVALID", "enroll.otp_wrong", { remaining: OTP_RULES.maxWrongTries - guard.failures }, "code") };
    }
    const proof = randomBytes(24).toString("base64url");
    const expiresAt = minutes(c.now, OTP_RULES.proofValidMinutes);
    const { count } = await tx.otpChallenge.updateMany({ where: { id: challenge.id, verifiedAt: null }, data: { verifiedAt: c.now, proofHash: secretHash(c.keyring, "otp_proof", proof), proofExpiresAt: expiresAt } });
    if (count === 0) return { ok: false, error: new DomainError("INVALID", "enroll.otp_unknown", {}, "challengeId") };
    await tx.otpPhoneGuard.upsert({ where: { phoneBidx: challenge.phoneBidx }, create: { phoneBidx: challenge.phoneBidx, failures: 0, updatedAt: c.now }, update: { failures: 0, updatedAt: c.now } });
    await onVerified(tx, challenge.id);
    return { ok: true, proof, expiresAt };
  });
  if (!outcome.ok) throw outcome.error;
  return { otpProof: outcome.proof, expiresAt: outcome.expiresAt, phoneMasked: maskPhone(decryptField(c.keyring, challenge.phoneEnc, OTP_FIELD_CONTEXT.phone)) };
}

export interface VerifiedPhone {
  challengeId: string;
  phone: string;
  phoneBidx: string;
  verifiedAt: Date;
}

/** The phone a proof token vouches for on this link; enroll.otp_required when there is none. */
export async function phoneOfProof(db: DbOrTx, keyring: Keyring, linkId: number, proof: string | undefined | null, now: Date): Promise<VerifiedPhone> {
  if (!proof) throw new DomainError("INVALID", "enroll.otp_required", {}, "otpProof");
  const challenge = await db.otpChallenge.findUnique({ where: { proofHash: secretHash(keyring, "otp_proof", proof) } });
  if (!challenge || challenge.linkId !== linkId || !challenge.verifiedAt || challenge.proofUsedAt || !challenge.proofExpiresAt || challenge.proofExpiresAt <= now) {
    throw new DomainError("INVALID", "enroll.otp_required", {}, "otpProof");
  }
  return { challengeId: challenge.id, phone: decryptField(keyring, challenge.phoneEnc, OTP_FIELD_CONTEXT.phone), phoneBidx: challenge.phoneBidx, verifiedAt: challenge.verifiedAt };
}

/** Marks a proof used, in the transaction that used it; false if another request used it first. */
export async function consumeProof(tx: DbOrTx, challengeId: string, now: Date): Promise<boolean> {
  const { count } = await tx.otpChallenge.updateMany({ where: { id: challengeId, proofUsedAt: null }, data: { proofUsedAt: now } });
  return count === 1;
}
