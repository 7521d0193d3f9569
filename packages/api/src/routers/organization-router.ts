import { z } from "zod";
import { DomainError, isValidBusinessNumber, maskDigits } from "@sunap/core";
import { procedure, router } from "../trpc.ts";
import { auditSink } from "../procedure-audit.ts";

const digits = (min: number, max: number, what: string) => z.string().trim().regex(new RegExp(`^\\d{${min},${max}}$`), `${what}: ${min}–${max} digits`);

export const OrganizationInput = z.object({
  legalName: z.string().trim().min(1).max(100),
  businessNumber: z.string().trim().regex(/^\d{3}-?\d{2}-?\d{5}$/, "input.business_number_format"),
  representative: z.string().trim().min(1).max(50),
  address: z.string().trim().min(1).max(200),
  cmsInstitutionCode: z.string().trim().regex(/^[0-9A-Z]{8,10}$/, "input.cms_institution_code"),
  settlementBankCode: digits(3, 3, "bank code"),
  settlementAccount: z.string().trim().regex(/^[\d-]{10,20}$/, "input.account_number_format"),
  timeZone: z.string().refine((tz) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, "input.time_zone"),
  creditorText: z.string().trim().min(1).max(1000),
});

/** The audit log keeps account and registration numbers only masked (their names escape the generic mask). */
function auditView<T extends { businessNumber: string; settlementAccount: string }>(org: T | null) {
  return org && { ...org, businessNumber: maskDigits(org.businessNumber), settlementAccount: maskDigits(org.settlementAccount) };
}

export const organizationRouter = router({
  get: procedure.permission("org.read").query(async ({ ctx }) => {
    return ctx.db.organization.findUnique({ where: { id: 1 } });
  }),

  update: procedure
    .permission("org.update")
    .input(OrganizationInput)
    .mutation(async ({ ctx, input }) => {
      if (!isValidBusinessNumber(input.businessNumber)) throw new DomainError("INVALID", "org.bad_business_number", {}, "businessNumber");
      const audit = auditSink(ctx);
      const saved = await ctx.db.$transaction(async (tx) => {
        const before = await tx.organization.findUnique({ where: { id: 1 } });
        const after = await tx.organization.upsert({ where: { id: 1 }, create: { id: 1, ...input }, update: input });
        await audit(tx, { action: "organization.update", entityType: "organization", entityId: 1, before: auditView(before), after: auditView(after) });
        return after;
      });
      await ctx.clock.refresh(ctx.db);
      return saved;
    }),
});
