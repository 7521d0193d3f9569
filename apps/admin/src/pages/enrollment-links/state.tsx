import { EnumTag } from "../../components/enum-tag.tsx";

const STATE_COLORS: Record<string, string> = { active: "green", used: "blue", expired: "default", revoked: "red", exhausted: "orange" };
const PURPOSE_COLORS: Record<string, string> = { single: "cyan", campaign: "purple" };

export function LinkStateTag({ state, testId }: { state: string; testId?: string }) {
  return <EnumTag prefix="links.states" value={state} colors={STATE_COLORS} testId={testId} />;
}

export function LinkPurposeTag({ purpose }: { purpose: string }) {
  return <EnumTag prefix="links.purposes" value={purpose} colors={PURPOSE_COLORS} />;
}

/** The link as a payer's phone opens it: the API's absolute URL, or this origin plus its path. */
export function absoluteLinkUrl(link: { url: string; path: string }): string {
  return /^https?:\/\//.test(link.url) ? link.url : new URL(link.path, window.location.origin).toString();
}
