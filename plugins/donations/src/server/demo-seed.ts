import { addMonths, dayOfMonth, firstDayOf, monthOf } from "@sunap/core";
import type { DemoSeedContext } from "@sunap/api";
import { donationsManifest } from "../manifest.ts";

const CAMPAIGNS = ["WATER", "SCHOOL", "MEAL"] as const;

/**
 * Demo donations: each demo donor pledges monthly from five months back (on the 25th, so the
 * seed's billing run catches up on the past months), one of them upgraded two months ago; and
 * the first donor gave a one-off gift last month. The plugin's registration details are filled
 * in so receipts print a donation body.
 */
export async function seedDonationsDemo(context: DemoSeedContext): Promise<void> {
  const donors = context.payers.filter((p) => p.plugins.includes(donationsManifest.id));
  if (donors.length === 0) return;
  await context.contracts.updateSettings(
    donationsManifest.id,
    { registeredName: "사단법인 수납나눔", representative: "김수납", donationTypeCode: "40", legalBasis: "법인세법 시행령 제39조 제1항 제1호", thankYouChannel: "alimtalk" },
    context.actor,
  );
  const month = monthOf(context.today);
  const startOn = firstDayOf(addMonths(month, -5));
  const upgradeOn = firstDayOf(addMonths(month, -2));
  for (const [i, donor] of donors.entries()) {
    await context.contracts.create(
      {
        pluginId: donationsManifest.id,
        payerId: donor.id,
        terms: {
          kind: "pledge",
          monthlyAmountWon: BigInt(20_000 + 10_000 * (i % 3)),
          dayOfMonth: 25,
          campaign: CAMPAIGNS[i % CAMPAIGNS.length],
          fund: "GENERAL",
          startOn,
          status: "active",
          pauses: [],
          amountChanges: i === 0 ? [{ effectiveOn: upgradeOn, monthlyAmountWon: 50_000n }] : [],
        },
      },
      context.actor,
    );
  }
  const giftOn = dayOfMonth(addMonths(month, -1), 12);
  await context.contracts.create(
    { pluginId: donationsManifest.id, payerId: donors[0]!.id, terms: { kind: "gift", amountWon: 100_000n, on: giftOn, campaign: "WATER", note: "연말 특별후원" } },
    context.actor,
  );
}
