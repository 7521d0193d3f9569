import { EnumTag } from "../../components/enum-tag.tsx";

export const REGISTRATION_STATUSES = ["pending", "submitted", "registered", "rejected", "cancel_requested", "cancelled"] as const;
const COLORS: Record<string, string> = { pending: "gold", submitted: "blue", registered: "green", rejected: "red", cancel_requested: "orange", cancelled: "default" };

export function RegistrationStatusTag({ status, testId }: { status: string | null | undefined; testId?: string }) {
  return <EnumTag prefix="registrations.status" value={status} colors={COLORS} testId={testId} />;
}
