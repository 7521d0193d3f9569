import { deflateSync, crc32 } from "node:zlib";
import { decryptField } from "@sunap/db";
import { parseSecrets } from "@sunap/notify";
import type { ApiHarness } from "../testing/api-harness.ts";
import { NOTIFY_FIELD_CONTEXT } from "./notify-outbox.ts";
import { collectRegistrationResults, submitPendingRegistrations } from "./registration-pipeline.ts";
import { loadCmsProvider } from "./registration-provider.ts";

/** Test support for the consent flow: read a code from the notify outbox, make a PNG, run the jobs. */

/** The code sent for a challenge, as the sandbox SMS carried it (decrypted from the outbox). */
export async function otpCodeFromOutbox(h: ApiHarness, challengeId: string): Promise<string> {
  const { keyring } = await h.contextFor(null);
  const message = await h.db.notifyMessage.findFirstOrThrow({ where: { relatedType: "otp_challenge", relatedId: challengeId } });
  const spans = parseSecrets(decryptField(keyring, message.secretEnc!, NOTIFY_FIELD_CONTEXT.secret));
  return spans[0]!.value;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** A real (small, greyscale) PNG, like a drawn signature. */
export function signaturePng(width = 40, height = 12): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(0, 9); // greyscale
  const rows = Buffer.alloc((width + 1) * height, 0xff);
  for (let y = 0; y < height; y++) {
    rows[y * (width + 1)] = 0;
    rows[y * (width + 1) + 1 + ((y * 3) % width)] = 0;
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
}

/** The registration jobs' two steps, as the worker runs them, on the harness's clock. */
export async function runRegistrationJobs(h: ApiHarness) {
  const { keyring } = await h.contextFor(null);
  const deps = { db: h.db, keyring, clock: h.clock, provider: await loadCmsProvider(h.db, keyring, h.clock) };
  const submitted = await submitPendingRegistrations(deps);
  const collected = await collectRegistrationResults(deps);
  return { submitted, collected, deps };
}

export interface PageConsent {
  /** The link's token (the last segment of its path). */
  token: string;
  payer: { name: string; birthDate: string; phone: string };
  account: { bankCode: string; accountNumber: string; holderName?: string };
  idempotencyKey: string;
  ip?: string;
  /** Ask the bank for the holder first, as the page does before the terms (its answer is returned). */
  checkHolder?: boolean;
}

/**
 * A payer's whole visit to the consent page: open the link, a code to the phone read back from
 * the sandbox outbox, (the holder check,) the terms as shown, a drawn signature, submit.
 */
export async function consentThroughPage(h: ApiHarness, visit: PageConsent) {
  const { token, payer, account } = visit;
  const anon = h.callerWithToken(null, { ip: visit.ip ?? "198.51.100.7", userAgent: "Mozilla/5.0 (iPhone)" });
  const page = await anon.enroll.open({ token });
  const sent = await anon.enroll.sendOtp({ token, phone: payer.phone });
  const { otpProof } = await anon.enroll.verifyOtp({ token, challengeId: sent.challengeId, code: await otpCodeFromOutbox(h, sent.challengeId) });
  const holderName = account.holderName ?? payer.name;
  const holder = visit.checkHolder ? await anon.enroll.verifyAccount({ token, otpProof, bankCode: account.bankCode, accountNumber: account.accountNumber, holderName, birthDate: payer.birthDate }) : null;
  const receipt = await anon.enroll.submit({
    token,
    otpProof,
    idempotencyKey: visit.idempotencyKey,
    payer: { kind: "individual", ...payer },
    account: { bankCode: account.bankCode, accountNumber: account.accountNumber, holderName },
    agreedTerms: { autoDebit: page.terms.autoDebit.sha256, privacy: page.terms.privacy.sha256 },
    signature: { method: "drawn", pngBase64: signaturePng().toString("base64") },
  });
  return { receipt, holder, page };
}
