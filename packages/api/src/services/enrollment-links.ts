import { businessNow, DomainError, isKoreanPhone, type Clock, type ListInput } from "@sunap/core";
import { decryptField, maskPhone, phoneSearchIndex, type Db, type DbOrTx, type Keyring, type Prisma } from "@sunap/db";
import type { NotifyChannel } from "@sunap/notify";
import { prismaListArgs } from "../list-query.ts";
import type { AuditSink } from "../procedure-audit.ts";
import { sendEnrollmentLink } from "./consent-notifications.ts";
import { enforceLimit } from "./enrollment-rate-limits.ts";
import { enrollmentPath, enrollmentUrl, linkToken, newLinkNonce, tokenHash, verifyLinkToken } from "./enrollment-link-tokens.ts";
import { PAYER_FIELD_CONTEXT } from "./payer-service.ts";

export type LinkRow = Prisma.EnrollmentLinkGetPayload<object>;

export const LINK_DEFAULT_DAYS = { single: 14, campaign: 90, manage: 730 } as const;

export interface CreateLinkInput {
  purpose: "single" | "campaign";
  payerId?: number | null;
  pluginId?: string | null;
  storeId?: number | null;
  campaignLabel?: string | null;
  amountText?: string | null;
  scheduleText?: string | null;
  maxUses?: number | null;
  expiresInDays?: number;
}

/**
 * When a link made now, valid for `days`, expires. Links run on the business clock
 * (`businessNow`): moving the demo's date past it expires the link, and back revives it.
 */
export function linkExpiry(clock: Clock, days: number): Date {
  return new Date(businessNow(clock).getTime() + days * 86_400_000);
}

/** `validAt` is `businessNow(clock)`, the frame `expiresAt` was set in; the other timestamps are the wall clock's. */
function linkState(link: LinkRow, validAt: Date): "active" | "used" | "expired" | "revoked" | "exhausted" {
  if (link.revokedAt) return "revoked";
  if (link.purpose === "single" && link.usedAt) return "used";
  if (link.expiresAt <= validAt) return "expired";
  if (link.maxUses !== null && link.useCount >= link.maxUses) return "exhausted";
  return "active";
}

export function presentLink(keyring: Keyring, link: LinkRow & { payer?: { name: string; payerCode: string } | null }, validAt: Date) {
  const token = linkToken(keyring, link.id, link.nonce);
  return {
    id: link.id,
    purpose: link.purpose,
    state: linkState(link, validAt),
    payer: link.payerId ? { id: link.payerId, name: link.payer?.name ?? null, payerCode: link.payer?.payerCode ?? null } : null,
    pluginId: link.pluginId,
    storeId: link.storeId,
    campaignLabel: link.campaignLabel,
    amountText: link.amountText,
    scheduleText: link.scheduleText,
    maxUses: link.maxUses,
    useCount: link.useCount,
    expiresAt: link.expiresAt,
    usedAt: link.usedAt,
    revokedAt: link.revokedAt,
    lastSentAt: link.lastSentAt,
    createdAt: link.createdAt,
    /** The public page: `/enroll/<token>` on this server (for a QR code, prefix the origin). */
    path: enrollmentPath(token),
    url: enrollmentUrl(token),
  };
}

/**
 * The link a token names, if it may still be used: a tampered or unknown token is
 * enroll.link_invalid, then revoked, used (single-use), expired (on the business clock), exhausted
 * (campaign) in turn.
 */
export async function resolveLink(db: DbOrTx, keyring: Keyring, token: string, clock: Clock): Promise<LinkRow> {
  const parsed = verifyLinkToken(keyring, token);
  if (!parsed) throw new DomainError("INVALID", "enroll.link_invalid", {}, "token");
  const link = await db.enrollmentLink.findUnique({ where: { id: parsed.linkId } });
  if (!link || link.tokenHash !== tokenHash(token.trim())) throw new DomainError("INVALID", "enroll.link_invalid", {}, "token");
  switch (linkState(link, businessNow(clock))) {
    case "revoked":
      throw new DomainError("INVALID", "enroll.link_revoked", {}, "token");
    case "used":
      throw new DomainError("CONFLICT", "enroll.link_used", {}, "token");
    case "expired":
      throw new DomainError("INVALID", "enroll.link_expired", {}, "token");
    case "exhausted":
      throw new DomainError("CONFLICT", "enroll.link_exhausted", {}, "token");
    default:
      return link;
  }
}

/** Creates a link row and its token inside the caller's transaction. */
export async function insertLink(tx: DbOrTx, keyring: Keyring, data: Omit<Prisma.EnrollmentLinkUncheckedCreateInput, "tokenHash" | "nonce">): Promise<{ link: LinkRow; token: string }> {
  const nonce = newLinkNonce();
  // The token embeds the id, so the row is written first with a placeholder hash.
  const created = await tx.enrollmentLink.create({ data: { ...data, nonce, tokenHash: `pending:${nonce}` } });
  const token = linkToken(keyring, created.id, nonce);
  const link = await tx.enrollmentLink.update({ where: { id: created.id }, data: { tokenHash: tokenHash(token) } });
  return { link, token };
}

export class EnrollmentLinkService {
  constructor(
    private readonly db: Db,
    private readonly keyring: Keyring,
    private readonly knownPlugins: readonly string[],
    /** Expiry and state; the `now` the methods take stamps rows and counts rate limits on the wall clock. */
    private readonly clock: Clock,
  ) {}

  async create(input: CreateLinkInput, ctx: { now: Date; ip: string; userId: number | null }, audit: AuditSink) {
    await enforceLimit({ db: this.db, keyring: this.keyring, now: ctx.now }, "linksPerIp", ctx.ip);
    if (input.purpose === "single" && !input.payerId) throw new DomainError("INVALID", "enroll.link_payer_required", {}, "payerId");
    if (input.payerId && !(await this.db.payer.findUnique({ where: { id: input.payerId } }))) throw new DomainError("NOT_FOUND", "not_found", { entity: `payer ${input.payerId}` });
    if (input.storeId && !(await this.db.store.findUnique({ where: { id: input.storeId } }))) throw new DomainError("INVALID", "payer.unknown_store", { storeId: input.storeId }, "storeId");
    if (input.pluginId && !this.knownPlugins.includes(input.pluginId)) throw new DomainError("INVALID", "payer.unknown_plugin", { plugin: input.pluginId }, "pluginId");
    const days = input.expiresInDays ?? LINK_DEFAULT_DAYS[input.purpose];
    return this.db.$transaction(async (tx) => {
      const { link } = await insertLink(tx, this.keyring, {
        purpose: input.purpose,
        payerId: input.payerId ?? null,
        pluginId: input.pluginId ?? null,
        storeId: input.storeId ?? null,
        campaignLabel: input.campaignLabel ?? null,
        amountText: input.amountText ?? null,
        scheduleText: input.scheduleText ?? null,
        maxUses: input.purpose === "campaign" ? (input.maxUses ?? null) : 1,
        expiresAt: linkExpiry(this.clock, days),
        createdById: ctx.userId,
        createdAt: ctx.now,
      });
      const shown = presentLink(this.keyring, link, businessNow(this.clock));
      await audit(tx, { action: "enrollment_link.create", entityType: "enrollment_link", entityId: link.id, after: { purpose: link.purpose, payerId: link.payerId, campaignLabel: link.campaignLabel, expiresAt: link.expiresAt } });
      return shown;
    });
  }

  async list(input: ListInput) {
    const args = prismaListArgs(input, { id: "int", purpose: "enum", payerId: "int", pluginId: "string", storeId: "int", campaignLabel: "string", createdAt: "datetime", expiresAt: "datetime" }, { id: "desc" });
    const where = { AND: [args.where as Prisma.EnrollmentLinkWhereInput, { purpose: { not: "manage" as const } }] };
    const [rows, total] = await Promise.all([
      this.db.enrollmentLink.findMany({ ...args, where, include: { payer: { select: { name: true, payerCode: true } } } }),
      this.db.enrollmentLink.count({ where }),
    ]);
    const validAt = businessNow(this.clock);
    return { data: rows.map((row) => presentLink(this.keyring, row, validAt)), total };
  }

  async revoke(id: number, now: Date, audit: AuditSink) {
    return this.db.$transaction(async (tx) => {
      const link = await tx.enrollmentLink.findUnique({ where: { id } });
      if (!link) throw new DomainError("NOT_FOUND", "not_found", { entity: `enrollment link ${id}` });
      const updated = link.revokedAt ? link : await tx.enrollmentLink.update({ where: { id }, data: { revokedAt: now } });
      await audit(tx, { action: "enrollment_link.revoke", entityType: "enrollment_link", entityId: id, before: { revokedAt: link.revokedAt }, after: { revokedAt: updated.revokedAt } });
      return presentLink(this.keyring, updated, businessNow(this.clock));
    });
  }

  /**
   * Sends the link by SMS, Alimtalk or e-mail through the notify outbox: to the payer's phone
   * or e-mail, or to the address given (a campaign link). Rate-limited per IP and per phone.
   */
  async send(input: { id: number; channel: NotifyChannel; to?: string | null }, ctx: { now: Date; ip: string }, audit: AuditSink) {
    await enforceLimit({ db: this.db, keyring: this.keyring, now: ctx.now }, "linksPerIp", ctx.ip);
    return this.db.$transaction(async (tx) => {
      const link = await tx.enrollmentLink.findUnique({ where: { id: input.id }, include: { payer: true } });
      if (!link || link.purpose === "manage") throw new DomainError("NOT_FOUND", "not_found", { entity: `enrollment link ${input.id}` });
      const state = linkState(link, businessNow(this.clock));
      if (state !== "active") throw new DomainError("CONFLICT", state === "used" ? "enroll.link_used" : state === "expired" ? "enroll.link_expired" : state === "revoked" ? "enroll.link_revoked" : "enroll.link_exhausted", {}, "id");
      let to = input.to?.trim() || null;
      if (!to && link.payer) to = input.channel === "email" ? link.payer.email : decryptField(this.keyring, link.payer.phoneEnc, PAYER_FIELD_CONTEXT.phone);
      if (!to) throw new DomainError("INVALID", "enroll.link_no_recipient", { channel: input.channel }, "to");
      if (input.channel !== "email") {
        if (!isKoreanPhone(to)) throw new DomainError("INVALID", "payer.bad_phone", {}, "to");
        await enforceLimit({ db: this.db, keyring: this.keyring, now: ctx.now }, "linksPerPhone", phoneSearchIndex(this.keyring, to));
      }
      const org = await tx.organization.findUniqueOrThrow({ where: { id: 1 } });
      const sends = await tx.auditLog.count({ where: { action: "enrollment_link.send", entityType: "enrollment_link", entityId: String(link.id) } });
      const message = await sendEnrollmentLink(
        { tx, keyring: this.keyring, now: ctx.now, payerId: link.payerId },
        { linkId: link.id, sendNo: sends + 1, channel: input.channel, to, creditorName: org.legalName.slice(0, 50), linkUrl: enrollmentUrl(linkToken(this.keyring, link.id, link.nonce)), expiresAt: link.expiresAt },
      );
      const updated = await tx.enrollmentLink.update({ where: { id: link.id }, data: { lastSentAt: ctx.now } });
      const recipient = input.channel === "email" ? to.replace(/^(.).*(@.*)$/, "$1***$2") : maskPhone(to);
      await audit(tx, { action: "enrollment_link.send", entityType: "enrollment_link", entityId: link.id, after: { channel: input.channel, recipient, messageId: message.id } });
      return { link: presentLink(this.keyring, updated, businessNow(this.clock)), messageId: message.id, recipient };
    });
  }
}
