import { TRPCError } from "@trpc/server";
import { DomainError, type DomainErrorKind } from "@sunap/core";

const CODE_BY_KIND: Record<DomainErrorKind, TRPCError["code"]> = {
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  INVALID: "BAD_REQUEST",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHENTICATED: "UNAUTHORIZED",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
  TOO_MANY: "TOO_MANY_REQUESTS",
};

/** The one place a domain error becomes a transport error; the DomainError rides along as the cause. */
export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: CODE_BY_KIND[error.kind], message: error.code, cause: error });
}

export function domainErrorOf(error: unknown): DomainError | undefined {
  if (error instanceof DomainError) return error;
  if (error instanceof TRPCError && error.cause instanceof DomainError) return error.cause;
  return undefined;
}
