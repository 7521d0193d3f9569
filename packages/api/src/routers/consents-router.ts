import { z } from "zod";
import { ListInput } from "@sunap/core";
import { Id } from "../id-input.ts";
import { procedure, router } from "../trpc.ts";
import { auditSink } from "../procedure-audit.ts";
import type { Context } from "../context.ts";
import { loadBanks, presentBank, upsertBank } from "../services/consent-banks.ts";
import { ConsentService } from "../services/consent-service.ts";
import { PgEvidenceStore } from "../services/evidence-store.ts";
import { retentionSettings, updateRetentionSettings } from "../services/retention-service.ts";
import { listTerms, publishTerms } from "../services/terms-service.ts";

function service(ctx: Context) {
  return new ConsentService(ctx.db, ctx.keyring, new PgEvidenceStore(ctx.keyring));
}

/** base64 of at most 20 MB (a recording); the decoded size and type are checked per kind. */
const MAX_BASE64 = Math.ceil((20 * 1024 * 1024) / 3) * 4 + 4;

export const RecordOfflineInput = z.object({
  payerId: Id,
  method: z.enum(["paper", "recording"]),
  agreedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  bankCode: z.string().regex(/^\d{3}$/),
  accountNumber: z.string().trim().min(1).max(30),
  holderName: z.string().trim().min(1).max(50),
  file: z.object({ name: z.string().trim().min(1).max(200), base64: z.string().min(1).max(MAX_BASE64) }),
  note: z.string().trim().max(500).nullish(),
  idempotencyKey: z.string().trim().min(8).max(100),
});

/** Why the file is needed: written to the access log, so the service refuses a missing one. */
const Download = z.object({ reason: z.string().trim().max(200) });

export const consentsRouter = router({
  list: procedure
    .permission("consent.read")
    .input(ListInput)
    .query(({ ctx, input }) => service(ctx).list(input, ctx.storeScope)),
  get: procedure
    .permission("consent.read")
    .input(z.object({ id: Id }))
    .query(({ ctx, input }) => service(ctx).get(input.id, ctx.storeScope)),
  /** A consent taken on paper or by phone, with its scan or recording (base64). */
  recordOffline: procedure
    .permission("consent.write")
    .input(RecordOfflineInput)
    .mutation(({ ctx, input }) => service(ctx).recordOffline(input, { actor: ctx.actor, now: ctx.clock.now() }, auditSink(ctx))),
  /** A withdrawal the payer asked for by phone or in person. */
  withdraw: procedure
    .permission("consent.write")
    .input(z.object({ id: Id, reason: z.string().trim().min(2).max(500) }))
    .mutation(({ ctx, input }) => service(ctx).withdraw(input, { actor: ctx.actor, now: ctx.clock.now(), today: ctx.clock.today(), keyring: ctx.keyring }, auditSink(ctx))),
  /** The PDF consent certificate, base64; a mutation because it writes the access log and the audit log. */
  certificate: procedure
    .permission("evidence.download")
    .input(Download.extend({ id: Id }))
    .mutation(async ({ ctx, input }) => {
      const file = await service(ctx).certificate(input.id, ctx.actor, input.reason, ctx.storeScope, ctx.clock.now(), auditSink(ctx));
      return { fileName: file.fileName, contentType: file.contentType, base64: file.bytes.toString("base64") };
    }),
  /** An evidence file (signature, scan, recording), base64 with its SHA-256; a mutation because it writes the access log and the audit log. */
  evidence: procedure
    .permission("evidence.download")
    .input(Download.extend({ fileId: Id }))
    .mutation(async ({ ctx, input }) => {
      const file = await service(ctx).downloadEvidence(input.fileId, ctx.actor, input.reason, ctx.storeScope, auditSink(ctx));
      return { fileName: file.fileName, contentType: file.contentType, sha256: file.sha256, sizeBytes: file.sizeBytes, base64: file.bytes.toString("base64") };
    }),
  /** Finance's in-app notifications (a payer withdrew, a registration was rejected). */
  notifications: procedure
    .permission("consent.read")
    .input(ListInput)
    .query(({ ctx, input }) => service(ctx).notifications(input)),
  terms: procedure.permission("consent.read").query(({ ctx }) => listTerms(ctx.db)),
  publishTerms: procedure
    .permission("org.update")
    .input(z.object({ kind: z.enum(["auto_debit", "privacy"]), locale: z.enum(["ko", "en"]), title: z.string().trim().min(1).max(200), body: z.string().trim().min(20).max(50_000) }))
    .mutation(({ ctx, input }) => publishTerms(ctx.db, input, auditSink(ctx))),
  retention: procedure.permission("consent.read").query(({ ctx }) => retentionSettings(ctx.db)),
  updateRetention: procedure
    .permission("org.update")
    .input(z.object({ consentEvidenceYears: z.number().int() }))
    .mutation(({ ctx, input }) => updateRetentionSettings(ctx.db, input.consentEvidenceYears, auditSink(ctx))),
});

/** The banks the consent page offers (the admin's editable copy of the rails list). */
export const banksRouter = router({
  list: procedure.permission("consent.read").query(async ({ ctx }) => (await loadBanks(ctx.db)).map(presentBank)),
  update: procedure
    .permission("org.update")
    .input(
      z.object({
        code: z.string().regex(/^\d{3}$/),
        nameKo: z.string().trim().min(1).max(50),
        nameEn: z.string().trim().min(1).max(80),
        kind: z.enum(["bank", "securities"]),
        accountNumberLengths: z.array(z.number().int().min(6).max(16)).max(12),
        acceptsCms: z.boolean(),
        enabled: z.boolean(),
        sortOrder: z.number().int().min(0).max(100_000),
      }),
    )
    .mutation(({ ctx, input }) => upsertBank(ctx.db, input, auditSink(ctx))),
});
