import type { z } from "zod";
import { MESSAGES } from "./messages.ts";

/** A zod issue as the catalogue says it: a message code and the parameters its text takes. */
export interface IssueMessage {
  code: string;
  params: Record<string, string | number>;
}

/** True for a code of the catalogue: schemas give their messages as codes (`.regex(re, "input.code_chars")`). */
export function isMessageCode(text: string): boolean {
  return Object.hasOwn(MESSAGES, text);
}

const show = (value: unknown): string => (typeof value === "bigint" ? value.toString() : String(value));

/**
 * The catalogue code of a zod issue, so a field's message reaches the user in Korean or English:
 * the schema's own message when it is a code, otherwise one of the generic `input.*` codes chosen
 * from the kind of issue (zod's own messages are English only).
 */
export function issueMessage(issue: z.core.$ZodIssue): IssueMessage {
  const bounds: Record<string, string | number> = {};
  if ("minimum" in issue) bounds.minimum = show(issue.minimum);
  if ("maximum" in issue) bounds.maximum = show(issue.maximum);
  if (isMessageCode(issue.message)) return { code: issue.message, params: { ...bounds, ...((issue as { params?: Record<string, string | number> }).params ?? {}) } };
  switch (issue.code) {
    case "invalid_type":
      // zod reports a missing value as an invalid type "received undefined"; the input itself is not kept.
      if (/received undefined$/.test(issue.message)) return { code: "input.required", params: {} };
      if (issue.expected === "int") return { code: "input.not_integer", params: {} };
      if (issue.expected === "number" || issue.expected === "bigint") return { code: "input.not_a_number", params: {} };
      return { code: "input.wrong_type", params: {} };
    case "too_small":
      if (issue.origin === "string") return issue.minimum === 1 ? { code: "input.required", params: {} } : { code: "input.too_short", params: bounds };
      if (issue.origin === "array" || issue.origin === "set") return { code: "input.too_few", params: bounds };
      return { code: issue.inclusive === false ? "input.above" : "input.too_small", params: bounds };
    case "too_big":
      if (issue.origin === "string") return { code: "input.too_long", params: bounds };
      if (issue.origin === "array" || issue.origin === "set") return { code: "input.too_many", params: bounds };
      return { code: issue.inclusive === false ? "input.below" : "input.too_big", params: bounds };
    case "invalid_format":
      return { code: issue.format === "email" ? "input.bad_email" : "input.bad_format", params: {} };
    case "invalid_value":
      return { code: "input.not_allowed", params: { values: issue.values.map(show).join(", ") } };
    case "unrecognized_keys":
      return { code: "input.unknown_keys", params: { keys: issue.keys.join(", ") } };
    default:
      return { code: "input.invalid_value", params: {} };
  }
}
