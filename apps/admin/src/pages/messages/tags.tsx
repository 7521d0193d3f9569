import { EnumTag } from "../../components/enum-tag.tsx";

export const MESSAGE_STATUSES = ["queued", "sent", "failed", "cancelled"] as const;
export const MESSAGE_CHANNELS = ["sms", "alimtalk", "email"] as const;
export const MESSAGE_TEMPLATES = ["enrollment_link", "otp_code", "consent_completed", "consent_withdrawn", "registration_result", "invoice_issued", "generic_notice"] as const;
const STATUS_COLORS: Record<string, string> = { queued: "gold", sent: "green", failed: "red", cancelled: "default" };
const CHANNEL_COLORS: Record<string, string> = { sms: "blue", alimtalk: "yellow", email: "purple" };

export function MessageStatusTag({ status, testId }: { status: string; testId?: string }) {
  return <EnumTag prefix="messages.status" value={status} colors={STATUS_COLORS} testId={testId} />;
}

export function ChannelTag({ channel }: { channel: string }) {
  return <EnumTag prefix="messages.channels" value={channel} colors={CHANNEL_COLORS} />;
}
