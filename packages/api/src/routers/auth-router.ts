import { z } from "zod";
import { DomainError, ROLE_PERMISSIONS } from "@sunap/core";
import { procedure, publicProcedure, router, actorOf } from "../trpc.ts";
import { changePassword, signIn, signOut } from "../auth/session-service.ts";
import { RateLimits } from "../services/rate-limits.ts";
import { auditSink } from "../procedure-audit.ts";

// Shared by every server process: 20 sign-in attempts a minute per IP, 10 per e-mail; the
// lock-out after five wrong passwords in a row is kept on the user row.
export const SIGN_IN_LIMITS = { perIp: { limit: 20, windowMs: 60_000 }, perEmail: { limit: 10, windowMs: 60_000 } } as const;

const LoginInput = z.object({ email: z.email().max(254), password: z.string().min(1).max(256) });

export const authRouter = router({
  login: publicProcedure.input(LoginInput).mutation(async ({ ctx, input }) => {
    const limits = new RateLimits(ctx.db, ctx.keyring, () => ctx.clock.now());
    const wait = Math.max(await limits.hit("sign_in.ip", SIGN_IN_LIMITS.perIp, ctx.ip), await limits.hit("sign_in.email", SIGN_IN_LIMITS.perEmail, input.email.toLowerCase()));
    if (wait > 0) throw new DomainError("TOO_MANY", "auth.rate_limited", { seconds: wait });
    const result = await signIn(ctx.db, { ...input, ip: ctx.ip, userAgent: ctx.userAgent }, ctx.clock.now(), ctx.settings.sessionTtlHours, ctx.clock.timeZone);
    ctx.cookies.set(result.token, result.expiresAt);
    return { csrfToken: result.csrfToken };
  }),

  /** Who is signed in (null when nobody), with what they may do: the admin builds its menu from this. */
  me: publicProcedure.query(async ({ ctx }) => {
    const org = await ctx.db.organization.findUnique({ where: { id: 1 }, select: { legalName: true, timeZone: true } });
    const base = {
      demoMode: ctx.settings.demoMode,
      organization: org,
      today: ctx.clock.today(),
      clockPinned: ctx.clock.isPinned(),
      plugins: ctx.plugins.map((p) => ({ id: p.id, name: p.name, icon: p.icon })),
    };
    if (!ctx.session) return { ...base, user: null, csrfToken: null, permissions: [] as string[] };
    const { user } = ctx.session;
    return { ...base, user, csrfToken: ctx.session.csrfToken, permissions: [...ROLE_PERMISSIONS[user.role]] };
  }),

  logout: procedure.permission("session.self").mutation(async ({ ctx }) => {
    await signOut(ctx.db, ctx.session!.tokenHash, actorOf(ctx));
    ctx.audit.written = true;
    ctx.cookies.clear();
    return { ok: true };
  }),

  changePassword: procedure
    .permission("session.self")
    .input(z.object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) }))
    .mutation(async ({ ctx, input }) => {
      await changePassword(ctx.db, ctx.user.id, ctx.session!.tokenHash, input, ctx.actor);
      ctx.audit.written = true;
      return { ok: true };
    }),

  setLocale: procedure
    .permission("session.self")
    .input(z.object({ locale: z.enum(["ko", "en"]) }))
    .mutation(async ({ ctx, input }) => {
      const audit = auditSink(ctx);
      await ctx.db.$transaction(async (tx) => {
        await tx.user.update({ where: { id: ctx.user.id }, data: { locale: input.locale } });
        await audit(tx, { action: "user.set_locale", entityType: "user", entityId: ctx.user.id, after: input });
      });
      return { ok: true };
    }),
});
