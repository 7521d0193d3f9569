import { DomainError, type DomainErrorKind } from "@sunap/core";
import type { RailMessageCode } from "./messages.ts";

/** A DomainError whose code is in this package's catalogue (messages.ts), so it is always translatable. */
export class RailError extends DomainError {
  constructor(kind: DomainErrorKind, code: RailMessageCode, params: Record<string, string | number> = {}, field?: string) {
    super(kind, code, params, field);
    this.name = "RailError";
  }
}

/** The reasons a batch file is refused: the `cms_file.*` codes of the catalogue. */
export type CmsFileProblem = { [C in RailMessageCode]: C extends `cms_file.${infer P}` ? P : never }[RailMessageCode];

/**
 * A batch file that is refused as a whole. `recordNumber` counts lines from 1 (the header);
 * the parameters never carry field values, which may be account or birth numbers.
 */
export class CmsFileError extends RailError {
  readonly recordNumber: number;
  readonly problem: CmsFileProblem;

  constructor(problem: CmsFileProblem, recordNumber: number, params: Record<string, string | number> = {}, field?: string) {
    super("INVALID", `cms_file.${problem}`, { record: recordNumber, ...(field ? { field } : {}), ...params }, field);
    this.name = "CmsFileError";
    this.recordNumber = recordNumber;
    this.problem = problem;
  }
}
