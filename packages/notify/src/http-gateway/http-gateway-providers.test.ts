import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { NotifyProviderError } from "../provider.ts";
import { createHttpGatewayProviders, type GatewayRequest, type HttpGatewayOptions } from "./http-gateway-providers.ts";

/**
 * A real HTTP gateway on a free local port, following the documented contract: it checks the
 * key, keeps each request and answers according to the recipient number.
 */
interface Seen {
  headers: IncomingHttpHeaders;
  body: GatewayRequest;
}
let seen: Seen[] = [];
const answer = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    if (req.headers.authorization !== "Bearer key-123") return answer(res, 401, { error: { code: "bad_api_key", message: "unknown key" } });
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as GatewayRequest;
    seen.push({ headers: req.headers, body });
    if (body.to.endsWith("4040")) return answer(res, 400, { error: { code: "invalid_number", message: "no such subscriber" } });
    if (body.to.endsWith("5000")) return answer(res, 503, { error: { code: "carrier_down", message: "carrier unavailable" } });
    if (body.to.endsWith("4290")) return answer(res, 429, {});
    if (body.to.endsWith("7777")) return; // never answers
    if (body.to.endsWith("2222")) return answer(res, 200, { note: "no id" });
    const deliveredAs = body.channel === "alimtalk" ? (body.templateCode ? "alimtalk" : "lms") : body.text.length > 40 ? "lms" : "sms";
    return answer(res, 200, { messageId: `gw-${seen.length}`, deliveredAs });
  });
});
let url = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/messages`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  seen = [];
});

const providers = (change: Partial<HttpGatewayOptions> = {}) => createHttpGatewayProviders({ url, apiKey: "key-123", sender: "0212345678", timeoutMs: 2_000, ...change });
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as NotifyProviderError);

describe("HTTP SMS/Alimtalk gateway provider", () => {
  it("posts an SMS as JSON with the key, the sender and the reference, and keeps the gateway's id", async () => {
    const receipt = await providers().sms.send({ to: "010-1234-5678", body: "인증번호 123456", referenceId: "msg-7" });
    expect(receipt).toEqual({ providerMessageId: "gw-1", deliveredAs: "sms" });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.headers["idempotency-key"]).toBe("msg-7");
    expect(seen[0]!.headers["content-type"]).toBe("application/json");
    expect(seen[0]!.body).toEqual({ channel: "sms", referenceId: "msg-7", from: "0212345678", to: "01012345678", subject: null, text: "인증번호 123456", templateCode: null, buttons: [] });
  });

  it("posts an Alimtalk with its template code and buttons", async () => {
    const receipt = await providers().alimtalk.send({ to: "01012345678", body: "청구서가 발행되었습니다.", templateCode: "INVOICE_ISSUED", buttons: [{ name: "청구서 보기", url: "https://pay.example/i/1" }], referenceId: "msg-8" });
    expect(receipt).toEqual({ providerMessageId: "gw-1", deliveredAs: "alimtalk" });
    expect(seen[0]!.body).toMatchObject({ channel: "alimtalk", templateCode: "INVOICE_ISSUED", buttons: [{ name: "청구서 보기", url: "https://pay.example/i/1" }] });
  });

  it("fails for good on a 4xx the gateway gives for the message, with the gateway's reason", async () => {
    const error = await failure(providers().sms.send({ to: "01012344040", body: "x" }));
    expect(error).toBeInstanceOf(NotifyProviderError);
    expect(error).toMatchObject({ kind: "permanent", reason: "invalid_number" });
    expect(error!.message).toContain("no such subscriber");
  });

  it("fails for good on a refused key (the gateway's 401)", async () => {
    expect(await failure(providers({ apiKey: "wrong" }).sms.send({ to: "01012345678", body: "x" }))).toMatchObject({ kind: "permanent", reason: "bad_api_key" });
  });

  it("tries again later on a 5xx, a 429, an answer without an id, and a gateway that does not answer in time", async () => {
    expect(await failure(providers().sms.send({ to: "01012345000", body: "x" }))).toMatchObject({ kind: "temporary", reason: "carrier_down" });
    expect(await failure(providers().sms.send({ to: "01012344290", body: "x" }))).toMatchObject({ kind: "temporary", reason: "http_429" });
    expect(await failure(providers().sms.send({ to: "01012342222", body: "x" }))).toMatchObject({ kind: "temporary", reason: "gateway_bad_answer" });
    const started = Date.now();
    expect(await failure(providers({ timeoutMs: 300 }).sms.send({ to: "01012347777", body: "x" }))).toMatchObject({ kind: "temporary", reason: "gateway_timeout" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("tries again later when nothing listens at the gateway's address", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await failure(providers({ url: `http://127.0.0.1:${port}/` }).sms.send({ to: "01012345678", body: "x" }))).toMatchObject({ kind: "temporary", reason: "gateway_unreachable" });
  });

  it("refuses what no text message can carry without calling the gateway", async () => {
    expect(await failure(providers().sms.send({ to: "12345", body: "x" }))).toMatchObject({ kind: "permanent", reason: "invalid_number" });
    expect(await failure(providers().sms.send({ to: "01012345678", body: "😀" }))).toMatchObject({ kind: "permanent", reason: "unencodable" });
    expect(await failure(providers().sms.send({ to: "01012345678", body: "가".repeat(1_001) }))).toMatchObject({ kind: "permanent", reason: "too_long" });
    expect(seen).toEqual([]);
  });
});
