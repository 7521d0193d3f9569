import { z } from "zod";
import { formatWon, isBusinessDate, type BusinessDate } from "@sunap/core";
import type { NotifyLocale } from "../channel.ts";
import type { NotifyButton } from "../provider.ts";

/** What a template's text function returns for one locale. */
export interface TemplateText {
  /** E-mail subject and LMS title. Never holds a secret. */
  subject: string;
  body: string;
}

/** Locale-aware formatting handed to every text function, so amounts and dates look alike everywhere. */
export interface Formatters {
  won(amountWon: bigint): string;
  date(date: BusinessDate): string;
  dateTime(instant: Date): string;
}

export interface TemplateDefinition<C extends string = string, S extends z.ZodType<Record<string, unknown>> = z.ZodType<Record<string, unknown>>> {
  code: C;
  /** Strict: an unknown variable is a mistake, not something to ignore. */
  variables: S;
  /** Variables never stored or shown in plaintext: masked in the stored body, kept encrypted apart. */
  secrets?: readonly (keyof z.output<S> & string)[];
  text: Record<NotifyLocale, (v: z.output<S>, f: Formatters) => TemplateText>;
  /** Alimtalk needs the template registered with Kakao under this code; without one it goes as SMS. */
  alimtalk?: { templateCode: string; buttons?: (v: z.output<S>, locale: NotifyLocale) => NotifyButton[] };
}

export function defineTemplate<const C extends string, S extends z.ZodType<Record<string, unknown>>>(definition: TemplateDefinition<C, S>): TemplateDefinition<C, S> {
  return definition;
}

export type VariableProblem = "missing" | "invalid" | "unknown";

/** A template was given a variable it cannot use: never rendered as "undefined" into a message. */
export class TemplateVariableError extends Error {
  constructor(
    readonly templateCode: string,
    readonly variable: string,
    readonly problem: VariableProblem,
    detail: string,
  ) {
    super(`template ${templateCode}: variable "${variable}" is ${problem}${detail ? ` (${detail})` : ""}`);
    this.name = "TemplateVariableError";
  }
}

/** Checks and parses a template's variables, naming the first one that is missing, invalid or unknown. */
export function parseVariables<S extends z.ZodType<Record<string, unknown>>>(definition: TemplateDefinition<string, S>, variables: unknown): z.output<S> {
  const given = (variables ?? {}) as Record<string, unknown>;
  const parsed = definition.variables.safeParse(given);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  if (issue.code === "unrecognized_keys") throw new TemplateVariableError(definition.code, issue.keys.join(", "), "unknown", "not a variable of this template");
  const name = String(issue.path[0] ?? "(variables)");
  const value = given[name];
  const missing = value === undefined || value === null || (typeof value === "string" && value.trim() === "");
  throw new TemplateVariableError(definition.code, name, missing ? "missing" : "invalid", missing ? "" : issue.message);
}

/* ---------- variable kinds ---------- */

export const vars = {
  text: (max = 100) => z.string().trim().min(1).max(max),
  url: () => z.url({ protocol: /^https?$/ }).max(500),
  won: () => z.bigint().min(0n),
  date: () => z.string().refine(isBusinessDate, "expected a date as YYYY-MM-DD"),
  instant: () => z.date(),
  otpCode: () => z.string().regex(/^\d{6}$/, "expected 6 digits"),
  /** An account number as masks show it: at most its last four digits readable, never the whole number. */
  maskedAccount: () =>
    z
      .string()
      .trim()
      .regex(/^[0-9*-]{6,30}$/, "expected a masked account number such as ***-***-**7890")
      .refine((value) => value.includes("*") && value.replace(/\D/g, "").length <= 4, "a full account number may not go into a message: mask it"),
};

/* ---------- formatting ---------- */

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function dateParts(date: BusinessDate): [number, number, number] {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return [y, m, d];
}

function formatDate(date: BusinessDate, locale: NotifyLocale): string {
  const [y, m, d] = dateParts(date);
  return locale === "ko" ? `${y}년 ${m}월 ${d}일` : `${d} ${MONTHS_EN[m - 1]} ${y}`;
}

/** The wall-clock date and time of an instant in a time zone, built from parts so every ICU prints it alike. */
function formatDateTime(instant: Date, locale: NotifyLocale, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const time = `${get("hour")}:${get("minute")}`;
  const date = formatDate(`${get("year")}-${get("month")}-${get("day")}`, locale);
  return locale === "ko" ? `${date} ${time}` : `${date}, ${time}`;
}

export function formattersFor(locale: NotifyLocale, timeZone: string): Formatters {
  return {
    won: (amountWon) => formatWon(amountWon, locale),
    date: (date) => formatDate(date, locale),
    dateTime: (instant) => formatDateTime(instant, locale, timeZone),
  };
}
