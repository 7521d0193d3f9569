import { CMS_REASONS } from "./cms-reasons.ts";
import type { FieldType, RecordLayout } from "./cms-files/fixed-width.ts";
import { SANDBOX_RULES } from "./sandbox/sandbox-behaviour.ts";

/**
 * The tables of docs/cms-file-layouts.md and docs/sandbox-bank.md, rendered from the code they
 * describe; a test checks the documents contain them, so the two cannot drift apart.
 */
const TYPE_COLUMNS: Record<FieldType, { type: string; padding: string }> = {
  numeric: { type: "N", padding: "right-aligned, zero-filled" },
  digits: { type: "N (digits)", padding: "left-aligned, space-filled" },
  date: { type: "date", padding: "YYYYMMDD" },
  code: { type: "AN (ASCII)", padding: "left-aligned, space-filled; never cut" },
  text: { type: "CP949 text", padding: "left-aligned, space-filled; cut by bytes between characters" },
  constant: { type: "AN", padding: "fixed value" },
  filler: { type: "filler", padding: "spaces" },
};

export function layoutTable(layout: RecordLayout): string {
  const rows = layout.fields.map((field) => {
    const { type, padding } = TYPE_COLUMNS[field.type];
    const meaning = field.type === "constant" ? `${field.meaning}: \`${field.value}\`` : field.meaning;
    return `| ${field.name} | ${field.position} | ${field.length} | ${type} | ${padding} | ${meaning} |`;
  });
  return ["| Field | Position | Length | Type | Padding | Meaning |", "|---|---:|---:|---|---|---|", ...rows].join("\n");
}

export function reasonTable(): string {
  const rows = Object.entries(CMS_REASONS).map(
    ([reason, entry]) => `| ${entry.code} | ${reason} | ${entry.ko} | ${entry.en} | ${entry.appliesTo.join(", ")} |`,
  );
  return ["| Code | Reason | 한국어 | English | In |", "|---|---|---|---|---|", ...rows].join("\n");
}

export function sandboxRuleTable(): string {
  const rows = SANDBOX_RULES.map((rule) => {
    const reason = CMS_REASONS[rule.reason];
    const outcome =
      rule.step === "registration"
        ? `registration rejected: ${rule.reason} (${reason.code})`
        : rule.partialHalf
          ? `partial debit of half (rounded down) when the request allows partial debits, else not debited: ${rule.reason} (${reason.code})`
          : `not debited: ${rule.reason} (${reason.code})`;
    const verification = rule.step === "debit" ? "ok" : rule.failsVerification ? `fails: ${rule.reason}` : "ok";
    return `| …${rule.suffix} | ${outcome} | ${verification} |`;
  });
  return ["| Account number ends in | What happens | Holder check (예금주 조회) |", "|---|---|---|", ...rows].join("\n");
}
