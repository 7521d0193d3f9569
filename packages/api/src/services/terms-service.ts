import { createHash } from "node:crypto";
import { DomainError } from "@sunap/core";
import type { DbOrTx } from "@sunap/db";
import type { AuditSink } from "../procedure-audit.ts";

export type TermsKind = "auto_debit" | "privacy";
export type TermsLocale = "ko" | "en";
export const TERMS_KINDS: readonly TermsKind[] = ["auto_debit", "privacy"];

export function sha256Hex(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex");
}

export interface PresentedTerms {
  id: number;
  kind: TermsKind;
  version: number;
  locale: string;
  title: string;
  body: string;
  sha256: string;
}

/** The newest version of each kind in a language (falling back to Korean when it has none). */
export async function currentTerms(db: DbOrTx, locale: TermsLocale): Promise<Record<TermsKind, PresentedTerms>> {
  const result = {} as Record<TermsKind, PresentedTerms>;
  for (const kind of TERMS_KINDS) {
    const row =
      (await db.consentTerms.findFirst({ where: { kind, locale }, orderBy: { version: "desc" } })) ??
      (await db.consentTerms.findFirst({ where: { kind, locale: "ko" }, orderBy: { version: "desc" } }));
    if (!row) throw new DomainError("UNAVAILABLE", "not_found", { entity: `terms ${kind}` });
    result[kind] = { id: row.id, kind: row.kind, version: row.version, locale: row.locale, title: row.title, body: row.body, sha256: row.sha256 };
  }
  return result;
}

/** The terms whose hash the payer agreed to: any language's current version counts. */
export async function termsForHash(db: DbOrTx, kind: TermsKind, sha256: string): Promise<PresentedTerms | null> {
  const row = await db.consentTerms.findFirst({ where: { kind, sha256 }, orderBy: { version: "desc" } });
  if (!row) return null;
  const newest = await db.consentTerms.findFirst({ where: { kind, locale: row.locale }, orderBy: { version: "desc" } });
  if (!newest || newest.version !== row.version) return null;
  return { id: row.id, kind: row.kind, version: row.version, locale: row.locale, title: row.title, body: row.body, sha256: row.sha256 };
}

export async function listTerms(db: DbOrTx) {
  return db.consentTerms.findMany({ orderBy: [{ kind: "asc" }, { locale: "asc" }, { version: "desc" }] });
}

/** Publishes a new version of a text: the old one stays, as consents refer to it. */
export async function publishTerms(db: DbOrTx, input: { kind: TermsKind; locale: TermsLocale; title: string; body: string }, audit: AuditSink) {
  const last = await db.consentTerms.findFirst({ where: { kind: input.kind, locale: input.locale }, orderBy: { version: "desc" } });
  const row = await db.consentTerms.create({ data: { kind: input.kind, locale: input.locale, version: (last?.version ?? 0) + 1, title: input.title, body: input.body, sha256: sha256Hex(input.body) } });
  await audit(db, { action: "terms.publish", entityType: "consent_terms", entityId: row.id, after: { kind: row.kind, locale: row.locale, version: row.version, sha256: row.sha256 } });
  return row;
}
