import { TRPCClientError } from "@trpc/client";
import type { HttpError } from "@refinedev/core";
import type { FormInstance } from "antd";
import { getCurrentLocale } from "../locale/current-locale.ts";
import { kitStrings } from "../locale/kit-strings.ts";

function kitText(key: "errors.title" | "errors.network"): string {
  return kitStrings[getCurrentLocale()][key];
}

interface ServerErrorData {
  code?: string;
  httpStatus?: number;
  domainCode?: string | null;
  fieldErrors?: { field: string; message: string }[];
}

/** Update inputs are `{ id, values }`: the form knows the fields without the `values.` prefix. */
function formField(path: string): string {
  return path.replace(/^values\./, "");
}

/**
 * A failed call as Refine's HttpError: the server's message (already in the user's language),
 * the HTTP status, and one message per named input so forms show it under that input.
 */
export class ApiError extends Error implements HttpError {
  readonly statusCode: number;
  readonly errors: Record<string, string>;
  readonly code: string | undefined;
  readonly domainCode: string | null;

  constructor(message: string, statusCode: number, errors: Record<string, string>, code?: string, domainCode: string | null = null) {
    super(message);
    this.name = kitText("errors.title");
    this.statusCode = statusCode;
    this.errors = errors;
    this.code = code;
    this.domainCode = domainCode;
  }
}

export function toHttpError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? undefined) as ServerErrorData | undefined;
    if (!data) return new ApiError(kitText("errors.network"), 0, {}, "NETWORK");
    const errors: Record<string, string> = {};
    for (const fieldError of data.fieldErrors ?? []) {
      const field = formField(fieldError.field);
      if (field && errors[field] === undefined) errors[field] = fieldError.message;
    }
    return new ApiError(error.message, data.httpStatus ?? 500, errors, data.code, data.domainCode ?? null);
  }
  if (error instanceof Error) return new ApiError(error.message, 500, {});
  return new ApiError(String(error), 500, {});
}

export interface FieldErrorEntry {
  name: (string | number)[];
  errors: string[];
}

/** The server's per-field messages as antd name paths (`lines.0.amountWon` → ["lines", 0, "amountWon"]). */
export function fieldErrorList(error: ApiError): FieldErrorEntry[] {
  return Object.entries(error.errors).map(([field, message]) => ({
    name: field.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
    errors: [message],
  }));
}

/** For `form.setFields` on forms not driven by Refine's useForm (which does this itself). */
export function fieldErrorsForForm<T>(error: ApiError | FieldErrorEntry[]): Parameters<FormInstance<T>["setFields"]>[0] {
  return (Array.isArray(error) ? error : fieldErrorList(error)) as Parameters<FormInstance<T>["setFields"]>[0];
}
