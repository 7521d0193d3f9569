import { DomainError } from "@sunap/core";

/**
 * Certificate-based signatures (간편인증 / 공동인증서) arrive through a signing provider: the page
 * hands the provider's result (`payload`) to enroll.submit, and the provider says whether it is
 * valid and whom it names. What it returns is kept as an evidence file.
 */
export interface SigningVerification {
  /** The signer as the certificate names them. */
  subject: string;
  signedAt: Date;
  /** The provider's signed result, kept as evidence. */
  evidence: Uint8Array;
  contentType: string;
}

export interface SigningProvider {
  id: string;
  verify(input: { payload: string; signerName: string; documentSha256: string; now: Date }): Promise<SigningVerification | null>;
}

/**
 * The sandbox provider, for tests and demos: a payload of `sandbox-signed:<signer's name>` is a
 * valid signature by that person; anything else is refused.
 */
export const sandboxSigningProvider: SigningProvider = {
  id: "sandbox",
  async verify({ payload, signerName, documentSha256, now }) {
    const match = /^sandbox-signed:(.+)$/.exec(payload.trim());
    if (!match || match[1]!.replace(/\s+/g, "") !== signerName.replace(/\s+/g, "")) return null;
    const evidence = { provider: "sandbox", subject: match[1], documentSha256, signedAt: now.toISOString(), payload };
    return { subject: match[1]!, signedAt: now, evidence: Buffer.from(JSON.stringify(evidence), "utf8"), contentType: "application/json" };
  },
};

export const SIGNING_PROVIDERS: readonly SigningProvider[] = [sandboxSigningProvider];

export function signingProvider(id: string, providers: readonly SigningProvider[] = SIGNING_PROVIDERS): SigningProvider {
  const found = providers.find((p) => p.id === id);
  if (!found) throw new DomainError("INVALID", "enroll.signature_provider_unknown", { provider: id }, "signature.provider");
  return found;
}
