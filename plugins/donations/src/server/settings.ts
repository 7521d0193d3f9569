import { decodeJson } from "@sunap/core";
import type { DbOrTx } from "@sunap/db";
import { DonationSettings } from "../billing-rules.ts";
import type { DonationOrganisation } from "../billing/receipt.ts";
import { donationsManifest } from "../manifest.ts";

/** The plugin's saved settings, or their defaults. */
export async function loadDonationSettings(db: DbOrTx): Promise<DonationSettings> {
  const row = await db.pluginSettings.findUnique({ where: { pluginId: donationsManifest.id } });
  return DonationSettings.parse(row ? decodeJson(row.settings) : {});
}

/**
 * The organisation as a receipt names it: the registration details set in the plugin's
 * settings, each one missing taken from the organisation's own settings (its legal name,
 * business number, representative and address). The receipt checks the result.
 */
export async function receiptOrganisation(db: DbOrTx, settings: DonationSettings): Promise<DonationOrganisation> {
  const org = await db.organization.findUnique({ where: { id: 1 } });
  return {
    name: settings.registeredName ?? org?.legalName ?? "",
    registrationNumber: settings.registrationNumber ?? org?.businessNumber ?? "",
    representative: settings.representative ?? org?.representative ?? "",
    address: settings.address ?? org?.address ?? "",
    donationTypeCode: settings.donationTypeCode,
    legalBasis: settings.legalBasis ?? null,
  };
}

/** The name messages to donors are signed with. */
export async function creditorName(db: DbOrTx, settings: DonationSettings): Promise<string> {
  const org = await db.organization.findUnique({ where: { id: 1 }, select: { legalName: true } });
  return settings.registeredName ?? org?.legalName ?? "Sunap";
}
