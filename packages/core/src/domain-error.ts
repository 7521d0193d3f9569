/** What went wrong, in terms the transport maps once to a status (see packages/api). */
export type DomainErrorKind = "NOT_FOUND" | "CONFLICT" | "INVALID" | "FORBIDDEN" | "UNAUTHENTICATED" | "UNAVAILABLE" | "TOO_MANY";

/**
 * One error type inward. `code` is a key of the i18n catalogue (messages.ts);
 * `field` names the input that was wrong so a form can show the message beside it.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly field?: string,
  ) {
    super(code);
    this.name = "DomainError";
  }
}
