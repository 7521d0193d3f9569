import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { DomainError, isStoreScoped, issueMessage, MESSAGES, roleHas, translate, type Permission } from "@sunap/core";
import { ledgerErrorFromDb } from "@sunap/db";
import { RAIL_MESSAGES } from "@sunap/rails";
import type { Context, SessionUser } from "./context.ts";
import { recordAudit, type Actor } from "./audit.ts";
import { domainErrorOf, toTRPCError } from "./errors.ts";
import { sameSecret } from "./auth/session-service.ts";

/** Every procedure declares who may call it; "public" is a declaration too (sign-in, health). */
export interface Meta {
  permission: Permission | "public";
}

export interface FieldError {
  field: string;
  message: string;
  /** The catalogue code the message was translated from. */
  code: string;
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error, ctx }) {
      const locale = ctx?.locale ?? "ko";
      const domain = domainErrorOf(error) ?? ledgerErrorFromDb(error.cause);
      let fieldErrors: FieldError[] = [];
      let message = shape.message;
      if (error.cause instanceof ZodError) {
        // zod's own messages are English: each issue is said through the catalogue, in the reader's language.
        // One message per field, the first: a form shows one line under each input.
        const first = error.cause.issues.filter((issue, i, all) => all.findIndex((other) => other.path.join(".") === issue.path.join(".")) === i);
        fieldErrors = first.map((issue) => {
          const said = issueMessage(issue);
          return { field: issue.path.join("."), message: translateError(said.code, locale, said.params), code: said.code };
        });
        message = translate("input.invalid", locale, { detail: fieldErrors.map((f) => `${f.field || "input"}: ${f.message}`).join("; ") });
      } else if (domain) {
        message = translateError(domain.code, locale, domain.params);
        if (domain.field) fieldErrors = [{ field: domain.field, message, code: domain.code }];
      } else if (error.code === "INTERNAL_SERVER_ERROR") {
        message = translate("internal", locale);
      }
      return {
        ...shape,
        message,
        data: { ...shape.data, stack: undefined, domainCode: domain?.code ?? null, fieldErrors },
      };
    },
  });

/** The core catalogue, then the rails package's (account-number and batch-file codes). */
function translateError(code: string, locale: "ko" | "en", params: Record<string, string | number>): string {
  const rail = (RAIL_MESSAGES as Record<string, { ko: string; en: string } | undefined>)[code];
  if (code in MESSAGES || !rail) return translate(code, locale, params);
  return rail[locale].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/** Maps errors thrown inside procedures once, so services only ever throw DomainError. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    const domain = cause instanceof DomainError ? cause : ledgerErrorFromDb(cause);
    if (domain) throw toTRPCError(domain);
  }
  return result;
});

export const publicProcedure = t.procedure.meta({ permission: "public" }).use(mapErrors);

export function actorOf(ctx: Context): Actor {
  return { id: ctx.session?.user.id ?? null, email: ctx.session?.user.email ?? null, ip: ctx.ip };
}

/**
 * The one authorisation middleware: a signed-in session, the CSRF token on mutations, the
 * declared permission held by the user's role; store owners get their store scope; every
 * successful mutation leaves an audit record (services write a precise one themselves; this
 * writes a generic one if they did not).
 */
function authorize(permission: Permission) {
  return t.middleware(async ({ ctx, type, path, getRawInput, next }) => {
    const session = ctx.session;
    if (!session) throw toTRPCError(new DomainError("UNAUTHENTICATED", "auth.not_signed_in"));
    if (type === "mutation" && (!ctx.csrfHeader || !sameSecret(ctx.csrfHeader, session.csrfToken))) {
      throw toTRPCError(new DomainError("FORBIDDEN", "auth.csrf"));
    }
    if (!roleHas(session.user.role, permission)) {
      throw toTRPCError(new DomainError("FORBIDDEN", "auth.forbidden", { permission }));
    }
    const user: SessionUser = session.user;
    const audit = { written: false };
    const result = await next({
      ctx: {
        user,
        actor: actorOf(ctx),
        /** null: every store; otherwise only these. */
        storeScope: isStoreScoped(user.role) ? user.storeIds : null,
        audit,
      },
    });
    if (result.ok && type === "mutation" && !audit.written) {
      await recordAudit(ctx.db, actorOf(ctx), { action: path, entityType: path.split(".")[0] ?? path, after: { input: await getRawInput().catch(() => undefined) } });
    }
    return result;
  });
}

export const procedure = {
  permission(permission: Permission) {
    return t.procedure.meta({ permission }).use(mapErrors).use(authorize(permission));
  },
};

/** Throws unless a store-scoped user may see this store. */
export function assertStoreVisible(scope: readonly number[] | null, storeId: number | null | undefined): void {
  if (scope === null) return;
  if (storeId === null || storeId === undefined || !scope.includes(storeId)) {
    throw new DomainError("FORBIDDEN", "auth.store_forbidden", { storeId: storeId ?? "-" });
  }
}

export { TRPCError };
