import { EnumTag } from "../../components/enum-tag.tsx";

export const CONSENT_METHODS = ["online_drawn", "online_certificate", "paper", "recording"] as const;
const METHOD_COLORS: Record<string, string> = { online_drawn: "blue", online_certificate: "geekblue", paper: "purple", recording: "magenta" };
const STATUS_COLORS: Record<string, string> = { active: "green", withdrawn: "red", ended: "default" };

export function ConsentMethodTag({ method }: { method: string }) {
  return <EnumTag prefix="consents.methods" value={method} colors={METHOD_COLORS} />;
}

export function ConsentStatusTag({ status }: { status: string }) {
  return <EnumTag prefix="consents.status" value={status} colors={STATUS_COLORS} />;
}
