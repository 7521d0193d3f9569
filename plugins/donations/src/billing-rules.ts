import { defineBillingRules, formatWon, isValidBusinessNumber, type BillingPeriod } from "@sunap/core";
import { z } from "zod";
import { Gift, Pledge } from "./billing/pledge.ts";
import { giftCharges, giftPeriod, pledgeCharges, pledgePeriods } from "./billing/pledge-billing.ts";
import { DONATION_TYPES, type DonationTypeCode } from "./billing/receipt.ts";

/** A monthly pledge as a contract's terms: the pure `Pledge` with its kind. */
export const PledgeTerms = Pledge.safeExtend({ kind: z.literal("pledge") });
export type PledgeTerms = z.infer<typeof PledgeTerms>;

/** A one-off gift as a contract's terms. */
export const GiftTerms = Gift.safeExtend({ kind: z.literal("gift") });
export type GiftTerms = z.infer<typeof GiftTerms>;

/** One contract schema for both: the kind says which; bad terms name their field. */
export const DonationTerms = z.discriminatedUnion("kind", [PledgeTerms, GiftTerms]);
export type DonationTerms = z.infer<typeof DonationTerms>;

const DONATION_TYPE_CODES = Object.keys(DONATION_TYPES) as [DonationTypeCode, ...DonationTypeCode[]];
const OptionalText = (max: number) => z.string().trim().min(1).max(max).nullish();

/**
 * The plugin's settings: the organisation's registration details as the tax office knows them
 * (printed on every receipt; a field left empty falls back to the organisation's own settings),
 * and how the thank-you message is sent. `parse({})` gives usable defaults.
 */
export const DonationSettings = z.object({
  /** The name of the organisation as registered as a donation body (기부금 단체명). */
  registeredName: OptionalText(100),
  /** 고유번호 or 사업자등록번호, with its check digit. */
  registrationNumber: z.string().trim().refine(isValidBusinessNumber, "payer.bad_business_number").nullish(),
  representative: OptionalText(100),
  address: OptionalText(200),
  donationTypeCode: z.enum(DONATION_TYPE_CODES).default("40"),
  /** 근거 법령, e.g. 소득세법 제34조 제3항 제1호. */
  legalBasis: OptionalText(200),
  thankYouChannel: z.enum(["sms", "alimtalk", "email"]).default("alimtalk"),
  /** The version of the consent text a donor agrees to when giving their resident registration number. */
  taxConsentTermsVersion: z.string().trim().min(1).max(40).default("2026-01"),
});
export type DonationSettings = z.infer<typeof DonationSettings>;

/** A pledge's months, or a gift's single day keyed by its contract (`gift-<id>`): stable on every run. */
function donationPeriods(terms: DonationTerms, contractId: number, through: string): BillingPeriod[] {
  if (terms.kind === "pledge") return pledgePeriods(terms, { through });
  const period = giftPeriod(terms, String(contractId));
  return period.issueOn <= through ? [period] : [];
}

export const donationBillingRules = defineBillingRules<DonationTerms, DonationSettings>({
  settingsSchema: DonationSettings,
  contractSchema: DonationTerms,
  startsOn: (terms) => (terms.kind === "pledge" ? terms.startOn : terms.on),
  describe(terms, locale) {
    const base = formatWon(terms.kind === "pledge" ? terms.monthlyAmountWon : terms.amountWon, locale);
    // A list shows where an upgraded pledge ends up, not only where it began.
    const latest = terms.kind === "pledge" ? [...terms.amountChanges].sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : 1)).at(-1) : undefined;
    const amount = latest ? `${base} → ${formatWon(latest.monthlyAmountWon, locale)}` : base;
    const tag = [terms.campaign, terms.fund].filter(Boolean).join(" · ");
    const suffix = tag ? ` (${tag})` : "";
    if (terms.kind === "gift") return locale === "ko" ? `일시후원 ${amount} ${terms.on}${suffix}` : `One-off gift ${amount} on ${terms.on}${suffix}`;
    return locale === "ko" ? `정기후원 매월 ${terms.dayOfMonth}일 ${amount}${suffix}` : `Monthly pledge ${amount} on day ${terms.dayOfMonth}${suffix}`;
  },
  periods: ({ contract, terms }, through) => donationPeriods(terms, contract.id, through),
  charges: ({ terms }, period) => (terms.kind === "pledge" ? pledgeCharges(terms, period) : giftCharges(terms)),
  // A missed gift is reminded once, resent a week later; donors are never charged late fees.
  defaultCollectionRules: [
    { afterDays: 3, action: "retry_debit" },
    { afterDays: 5, action: "remind", channel: "alimtalk" },
    { afterDays: 12, action: "resend_invoice", channel: "alimtalk" },
  ],
});
