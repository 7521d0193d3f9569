import { businessNow, type Clock } from "@sunap/core";
import type { DbOrTx, Keyring } from "@sunap/db";
import { enrollmentUrl, linkToken } from "./enrollment-link-tokens.ts";
import { insertLink, LINK_DEFAULT_DAYS, linkExpiry } from "./enrollment-links.ts";

/** A link put in a message must outlive it by this much; an older one is replaced by a fresh one. */
const MIN_DAYS_LEFT = 30;

/**
 * The self-service link (출금동의 확인·변경·해지) to put in every message to a payer who has a
 * standing consent, so the payer can change the account or withdraw from any message, not only
 * the first one. The payer's newest manage link is reused while it has a month left; otherwise a
 * new one is made for their newest standing consent, in the caller's transaction. Opening it still
 * asks for a code sent to the registered phone. Payers without a standing consent get none.
 */
export async function manageUrlsFor(tx: DbOrTx, keyring: Keyring, clock: Clock, payerIds: readonly number[], baseUrl?: string): Promise<Map<number, string>> {
  const ids = [...new Set(payerIds)];
  const urls = new Map<number, string>();
  if (ids.length === 0) return urls;
  const standing = await tx.consent.findMany({ where: { payerId: { in: ids }, withdrawal: null }, orderBy: { id: "desc" }, select: { id: true, payerId: true } });
  const consentOf = new Map<number, number>();
  for (const consent of standing) if (!consentOf.has(consent.payerId)) consentOf.set(consent.payerId, consent.id);
  if (consentOf.size === 0) return urls;

  const validUntil = new Date(businessNow(clock).getTime() + MIN_DAYS_LEFT * 86_400_000);
  const links = await tx.enrollmentLink.findMany({
    where: { purpose: "manage", payerId: { in: [...consentOf.keys()] }, revokedAt: null, expiresAt: { gt: validUntil } },
    orderBy: { id: "desc" },
    select: { id: true, payerId: true, nonce: true },
  });
  for (const link of links) {
    if (link.payerId !== null && !urls.has(link.payerId)) urls.set(link.payerId, enrollmentUrl(linkToken(keyring, link.id, link.nonce), baseUrl));
  }
  for (const [payerId, consentId] of consentOf) {
    if (urls.has(payerId)) continue;
    const { token } = await insertLink(tx, keyring, { purpose: "manage", payerId, consentId, maxUses: null, expiresAt: linkExpiry(clock, LINK_DEFAULT_DAYS.manage), createdAt: clock.now() });
    urls.set(payerId, enrollmentUrl(token, baseUrl));
  }
  return urls;
}
