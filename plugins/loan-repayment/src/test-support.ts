import { DomainError } from "@sunap/core";

/** The DomainError a call throws, as code, field and params (fails the test when nothing is thrown). */
export function domainProblem(run: () => unknown): { code: string; field: string | undefined; params: Record<string, string | number> } {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, field: error.field, params: error.params };
    throw error;
  }
  throw new Error("expected a DomainError, nothing was thrown");
}
