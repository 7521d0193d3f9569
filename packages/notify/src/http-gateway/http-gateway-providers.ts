import { isKoreanPhone, phoneDigits } from "@sunap/core";
import { DELIVERY_TYPES, type DeliveryType, type NotifyChannel } from "../channel.ts";
import { NotifyProviderError, type NotifyProvider, type OutgoingMessage, type SendReceipt } from "../provider.ts";
import { isCp949Encodable, textMessageType } from "../sms-length.ts";

export const HTTP_GATEWAY_PROVIDER_NAME = "http-gateway";

export interface HttpGatewayOptions {
  /** The gateway's send endpoint; every message is one POST to it. */
  url: string;
  /** Sent as `Authorization: Bearer <apiKey>`. */
  apiKey: string;
  /** The registered sender number (발신번호), digits. */
  sender: string;
  /** Default 10 s; a message not answered by then is tried again later (the reference deduplicates). */
  timeoutMs?: number;
}

/** The request body of the gateway contract (packages/notify/docs/http-gateway.md). */
export interface GatewayRequest {
  channel: "sms" | "alimtalk";
  referenceId: string | null;
  from: string;
  to: string;
  subject: string | null;
  text: string;
  templateCode: string | null;
  buttons: { name: string; url: string }[];
}

interface GatewayAnswer {
  messageId?: unknown;
  deliveredAs?: unknown;
  error?: { code?: unknown; message?: unknown };
}

/** What the gateway said went wrong, as a short reason: its own code when it gave one. */
function reasonFrom(answer: GatewayAnswer | undefined, status: number): string {
  const code = answer?.error?.code;
  return typeof code === "string" && /^[a-z0-9_.-]{1,60}$/i.test(code) ? code : `http_${status}`;
}

async function readAnswer(response: Response): Promise<GatewayAnswer | undefined> {
  try {
    return (await response.json()) as GatewayAnswer;
  } catch {
    return undefined;
  }
}

function checkText(message: OutgoingMessage): void {
  if (!isKoreanPhone(message.to)) throw NotifyProviderError.permanent("invalid_number", "not a Korean phone number");
  if (!isCp949Encodable(message.body)) throw NotifyProviderError.permanent("unencodable", "the text has characters a text message cannot carry (e.g. emoji)");
  if (!textMessageType(message.body)) throw NotifyProviderError.permanent("too_long", "the text is over 2,000 bytes, the most an LMS can carry");
}

/**
 * One POST to the gateway. 2xx: sent. 408, 429 and 5xx, a timeout or no answer: tried again
 * later. Any other 4xx: the gateway refused this message, and sending it again cannot help.
 */
async function post(options: HttpGatewayOptions, request: GatewayRequest): Promise<SendReceipt> {
  let response: Response;
  try {
    response = await fetch(options.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        authorization: `Bearer ${options.apiKey}`,
        ...(request.referenceId ? { "idempotency-key": request.referenceId } : {}),
      },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (error) {
    const name = (error as Error).name;
    if (name === "TimeoutError" || name === "AbortError") throw NotifyProviderError.temporary("gateway_timeout", "the gateway did not answer in time");
    throw NotifyProviderError.temporary("gateway_unreachable", `the gateway could not be reached: ${(error as Error).message}`);
  }
  const answer = await readAnswer(response);
  const detail = typeof answer?.error?.message === "string" ? answer.error.message : response.statusText;
  if (response.status >= 500 || response.status === 408 || response.status === 429) {
    throw NotifyProviderError.temporary(reasonFrom(answer, response.status), `the gateway answered ${response.status}: ${detail}`);
  }
  if (response.status >= 400) throw NotifyProviderError.permanent(reasonFrom(answer, response.status), `the gateway refused the message (${response.status}): ${detail}`);
  if (!response.ok) throw NotifyProviderError.temporary(`http_${response.status}`, `unexpected answer ${response.status} from the gateway`);
  // Accepted but unreadable: retried, and the gateway recognises the reference.
  if (typeof answer?.messageId !== "string" || answer.messageId === "") {
    throw NotifyProviderError.temporary("gateway_bad_answer", "the gateway's answer has no messageId");
  }
  const deliveredAs = DELIVERY_TYPES.includes(answer.deliveredAs as DeliveryType) ? (answer.deliveredAs as DeliveryType) : undefined;
  return { providerMessageId: answer.messageId, ...(deliveredAs ? { deliveredAs } : {}) };
}

function requestFor(channel: "sms" | "alimtalk", options: HttpGatewayOptions, message: OutgoingMessage): GatewayRequest {
  return {
    channel,
    referenceId: message.referenceId ?? null,
    from: options.sender,
    to: phoneDigits(message.to),
    subject: message.subject ?? null,
    text: message.body,
    templateCode: channel === "alimtalk" ? (message.templateCode ?? null) : null,
    buttons: channel === "alimtalk" ? (message.buttons ?? []).map((b) => ({ name: b.name, url: b.url })) : [],
  };
}

function gatewayProvider(channel: "sms" | "alimtalk", options: HttpGatewayOptions): NotifyProvider {
  return {
    channel: channel satisfies NotifyChannel,
    name: HTTP_GATEWAY_PROVIDER_NAME,
    async send(message) {
      // The text is checked here too: an Alimtalk the gateway cannot deliver falls back to SMS/LMS.
      checkText(message);
      const receipt = await post(options, requestFor(channel, options, message));
      return { ...receipt, deliveredAs: receipt.deliveredAs ?? (channel === "sms" ? (textMessageType(message.body) ?? "lms") : "alimtalk") };
    },
  };
}

/** SMS/LMS and Alimtalk through one HTTP gateway (a Korean messaging reseller, or the organisation's own relay). */
export function createHttpGatewayProviders(options: HttpGatewayOptions): { sms: NotifyProvider; alimtalk: NotifyProvider } {
  return { sms: gatewayProvider("sms", options), alimtalk: gatewayProvider("alimtalk", options) };
}
