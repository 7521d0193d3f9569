import { DomainError } from "@sunap/core";
import { decryptField, encryptField, type DbOrTx, type Keyring, type Tx } from "@sunap/db";
import { PAYER_FIELD_CONTEXT, type AuditSink } from "@sunap/api";
import { normalizeResidentNumber } from "../billing/issuance-list.ts";
import { loadDonationSettings } from "./settings.ts";

/** The encryption context of donor_tax_consent.resident_number_enc: a token copied elsewhere will not decrypt. */
export const RESIDENT_NUMBER_CONTEXT = "donor_tax_consent.resident_number";

/** `900101-1******`: the birth date and the century digit, never the rest. */
export function maskResidentNumber(normalized: string): string {
  return `${normalized.slice(0, 8)}******`;
}

export interface TaxConsentView {
  payerId: number;
  /** True while the consent stands (given and not withdrawn). */
  active: boolean;
  consentedAt: Date | null;
  termsVersion: string | null;
  withdrawnAt: Date | null;
  residentNumberMasked: string | null;
}

export async function taxConsentOf(db: DbOrTx, keyring: Keyring, payerId: number): Promise<TaxConsentView> {
  const row = await db.donorTaxConsent.findUnique({ where: { payerId } });
  if (!row) return { payerId, active: false, consentedAt: null, termsVersion: null, withdrawnAt: null, residentNumberMasked: null };
  const number = row.residentNumberEnc ? decryptField(keyring, row.residentNumberEnc, RESIDENT_NUMBER_CONTEXT) : null;
  return {
    payerId,
    active: row.withdrawnAt === null && number !== null,
    consentedAt: row.consentedAt,
    termsVersion: row.termsVersion,
    withdrawnAt: row.withdrawnAt,
    residentNumberMasked: number ? maskResidentNumber(number) : null,
  };
}

/**
 * Records a donor's separate consent to give their resident registration number for the tax
 * office's year-end service, with the number — checked, and stored only encrypted under its own
 * context. Only an individual may give one; the number's birth date must be the payer's; the
 * consent must be to the current text. Giving it again replaces the number and the consent time.
 */
export async function giveTaxConsent(
  tx: Tx,
  keyring: Keyring,
  input: { payerId: number; residentRegistrationNumber: string; termsVersion: string; now: Date },
  audit: AuditSink,
): Promise<TaxConsentView> {
  const payer = await tx.payer.findUnique({ where: { id: input.payerId } });
  if (!payer) throw new DomainError("NOT_FOUND", "not_found", { entity: `payer ${input.payerId}` });
  if (payer.kind !== "individual") throw new DomainError("INVALID", "donations.tax_consent.individual_only", {}, "payerId");
  const settings = await loadDonationSettings(tx);
  if (input.termsVersion !== settings.taxConsentTermsVersion) throw new DomainError("INVALID", "donations.tax_consent.terms_version", { current: settings.taxConsentTermsVersion }, "termsVersion");
  const normalized = normalizeResidentNumber(input.residentRegistrationNumber, payer.payerCode);
  if (payer.birthDateEnc) {
    const birthDate = decryptField(keyring, payer.birthDateEnc, PAYER_FIELD_CONTEXT.birthDate);
    if (birthDate.replace(/-/g, "").slice(2) !== normalized.slice(0, 6)) throw new DomainError("INVALID", "donations.tax_consent.birth_date_mismatch", {}, "residentRegistrationNumber");
  }
  const before = await taxConsentOf(tx, keyring, input.payerId);
  const data = { residentNumberEnc: encryptField(keyring, normalized, RESIDENT_NUMBER_CONTEXT), consentedAt: input.now, termsVersion: input.termsVersion, withdrawnAt: null };
  await tx.donorTaxConsent.upsert({ where: { payerId: input.payerId }, create: { payerId: input.payerId, ...data }, update: data });
  const after = await taxConsentOf(tx, keyring, input.payerId);
  await audit(tx, { action: "donations.tax_consent.give", entityType: "donor_tax_consent", entityId: input.payerId, before, after });
  return after;
}

/** Withdraws the consent: the number is erased at once, and the year-end list no longer carries it. */
export async function withdrawTaxConsent(tx: Tx, keyring: Keyring, input: { payerId: number; now: Date }, audit: AuditSink): Promise<TaxConsentView> {
  const before = await taxConsentOf(tx, keyring, input.payerId);
  if (!before.active) throw new DomainError("CONFLICT", "donations.tax_consent.none", {}, "payerId");
  await tx.donorTaxConsent.update({ where: { payerId: input.payerId }, data: { withdrawnAt: input.now, residentNumberEnc: null } });
  const after = await taxConsentOf(tx, keyring, input.payerId);
  await audit(tx, { action: "donations.tax_consent.withdraw", entityType: "donor_tax_consent", entityId: input.payerId, before, after });
  return after;
}

/** The consenting donors' numbers in clear, for the issuance list only (the caller logs the access). */
export async function consentedResidentNumbers(db: DbOrTx, keyring: Keyring, payerIds: readonly number[]): Promise<Map<number, string>> {
  const rows = await db.donorTaxConsent.findMany({ where: { payerId: { in: [...payerIds] }, withdrawnAt: null, residentNumberEnc: { not: null } } });
  return new Map(rows.map((r) => [r.payerId, decryptField(keyring, r.residentNumberEnc!, RESIDENT_NUMBER_CONTEXT)]));
}
