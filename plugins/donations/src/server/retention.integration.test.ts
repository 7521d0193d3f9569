import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { createConsentJobs, type JobContext } from "@sunap/api";
import { createApiHarness, type ApiHarness, type CoreCaller } from "@sunap/api/testing";
import { donationsRouter } from "./router.ts";
import { donationsPlugin } from "../server.ts";

type DonationsCaller = ReturnType<typeof donationsRouter.createCaller>;

let h: ApiHarness;
let finance: CoreCaller;
let don: DonationsCaller;

beforeAll(async () => {
  h = await createApiHarness({ serverPlugins: [donationsPlugin], today: "2026-03-16" });
  finance = h.callerFor("finance");
  don = (finance as unknown as { donations: DonationsCaller }).donations;
});
afterAll(async () => {
  await h?.drop();
});

/** The daily retention job as the worker runs it, with the server's plugins in its context. */
async function runRetentionJob() {
  const job = createConsentJobs(h.keyring).find((j) => j.name === "retention.redact-personal-data")!;
  const context = { db: h.db, clock: h.clock, log: pino({ level: "silent" }), jobId: "test", billing: h.billing, keyring: h.keyring, signal: new AbortController().signal };
  return job.handler(context as JobContext, {}) as Promise<{ redacted: number }>;
}

/** A donor with a pledge since 2021 who gave their resident registration number for receipts, then left. */
async function donorWhoLeft(payerCode: string, birthDate: string, residentNumber: string, leftOn: string) {
  const donor = await finance.payers.create({ payerCode, kind: "individual", name: `후원자${payerCode}`, birthDate, phone: `010-6${payerCode.slice(-3)}-0000`, plugins: ["donations"] });
  await finance.contracts.create({ pluginId: "donations", payerId: donor.id, terms: { kind: "pledge", monthlyAmountWon: 20_000n, dayOfMonth: 25, startOn: "2021-01-01", status: "active", campaign: "WATER", fund: "GENERAL" } });
  const { version } = await don.taxConsent.terms();
  await don.taxConsent.give({ payerId: donor.id, residentRegistrationNumber: residentNumber, termsVersion: version });
  await finance.payers.leave({ id: donor.id, leftOn, reason: "후원 중단" });
  return donor;
}

const rawTaxConsent = async (payerId: number) => (await h.db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "donor_tax_consent" WHERE "payer_id" = ${payerId}`)[0]!;

describe("retention of a donor's resident registration number", () => {
  it("erases the number of a donor redacted by the retention job, keeping the consent's dates, and leaves a donor within the period untouched", async () => {
    const gone = await donorWhoLeft("DR-001", "1985-09-30", "850930-1234567", "2021-03-01");
    const kept = await donorWhoLeft("DR-002", "1990-01-01", "900101-2345678", "2024-03-01");
    const goneBefore = await rawTaxConsent(gone.id);
    const keptBefore = await rawTaxConsent(kept.id);
    expect(goneBefore.resident_number_enc).toEqual(expect.any(String));

    expect(await runRetentionJob()).toMatchObject({ redacted: 1 });

    // The number is gone; when the consent was given, on which text and that it was withdrawn stay.
    expect(await rawTaxConsent(gone.id)).toEqual({ ...goneBefore, resident_number_enc: null });
    expect(await don.taxConsent.get({ payerId: gone.id })).toMatchObject({ active: false, residentNumberMasked: null });
    const related = await h.db.auditLog.findFirstOrThrow({ where: { action: "retention.redact_related", entityId: String(gone.id) } });
    expect(related.after).toMatchObject({ plugins: { donations: 1 } });
    expect(JSON.stringify(related)).not.toMatch(/850930|1234567/);

    expect(await rawTaxConsent(kept.id)).toEqual(keptBefore);
    expect(await don.taxConsent.get({ payerId: kept.id })).toMatchObject({ residentNumberMasked: "900101-2******" });

    // Nothing is left to erase the next time.
    expect(await runRetentionJob()).toMatchObject({ redacted: 0 });
  });
});
