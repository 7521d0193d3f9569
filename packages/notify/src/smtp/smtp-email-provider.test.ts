import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SMTPServer, type SMTPServerAddress, type SMTPServerAuthentication } from "smtp-server";
import { NotifyProviderError } from "../provider.ts";
import { createSmtpEmailProvider, type SmtpEmailOptions } from "./smtp-email-provider.ts";

/** A real SMTP listener on a free local port: it checks the login, refuses some mailboxes and keeps what it received. */
interface Received {
  from: string;
  to: string[];
  user: string | undefined;
  raw: string;
}
let received: Received[] = [];
let port = 0;
const server = new SMTPServer({
  disabledCommands: ["STARTTLS"],
  allowInsecureAuth: true,
  authOptional: false,
  logger: false,
  onAuth(auth: SMTPServerAuthentication, _session, callback) {
    if (auth.username === "sunap" && auth.password === "secret") return callback(null, { user: auth.username });
    return callback(Object.assign(new Error("Invalid username or password"), { responseCode: 535 }));
  },
  onRcptTo(address: SMTPServerAddress, _session, callback) {
    if (address.address.startsWith("nobody@")) return callback(Object.assign(new Error("5.1.1 No such mailbox"), { responseCode: 550 }));
    if (address.address.startsWith("greylisted@")) return callback(Object.assign(new Error("4.7.1 Try again later"), { responseCode: 451 }));
    return callback();
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      received.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
        to: session.envelope.rcptTo.map((r) => r.address),
        user: session.user as string | undefined,
        raw: Buffer.concat(chunks).toString("utf8"),
      });
      callback();
    });
  },
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  received = [];
});

const options = (change: Partial<SmtpEmailOptions> = {}): SmtpEmailOptions => ({
  host: "127.0.0.1",
  port,
  tls: "none",
  user: "sunap",
  password: "secret",
  from: '"수납 테스트" <billing@sunap.example>',
  timeoutMs: 5_000,
  ...change,
});

/** The text part of a single-part message, whatever transfer encoding nodemailer chose. */
function bodyOf(raw: string): string {
  const [head, ...rest] = raw.split("\r\n\r\n");
  const body = rest.join("\r\n\r\n");
  if (/Content-Transfer-Encoding: base64/i.test(head!)) return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head!)) {
    const bytes = body.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as NotifyProviderError);

describe("SMTP e-mail provider", () => {
  it("delivers the message to the SMTP server, logged in, with the subject, the Korean text and a Message-ID from its reference", async () => {
    const receipt = await createSmtpEmailProvider(options()).send({
      to: "payer@example.com",
      subject: "11월 청구서",
      body: "홍길동님, 11월 청구 금액은 55,000원입니다.",
      referenceId: "msg-42",
    });
    expect(receipt).toEqual({ providerMessageId: "<sunap-msg-42@sunap.example>", deliveredAs: "email" });
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail).toMatchObject({ from: "billing@sunap.example", to: ["payer@example.com"], user: "sunap" });
    expect(mail!.raw).toContain("Message-ID: <sunap-msg-42@sunap.example>");
    expect(mail!.raw).toMatch(/Subject: =\?UTF-8\?/);
    expect(bodyOf(mail!.raw).trim()).toBe("홍길동님, 11월 청구 금액은 55,000원입니다.");
  });

  it("fails for good when the server refuses the mailbox (5xx)", async () => {
    const error = await failure(createSmtpEmailProvider(options()).send({ to: "nobody@example.com", subject: "s", body: "b" }));
    expect(error).toBeInstanceOf(NotifyProviderError);
    expect(error).toMatchObject({ kind: "permanent", reason: "smtp_550" });
    expect(received).toEqual([]);
  });

  it("tries again later when the server defers (4xx)", async () => {
    const error = await failure(createSmtpEmailProvider(options()).send({ to: "greylisted@example.com", subject: "s", body: "b" }));
    expect(error).toMatchObject({ kind: "temporary", reason: "smtp_451" });
  });

  it("tries again later when the login is refused: the configuration is wrong, not the message", async () => {
    const error = await failure(createSmtpEmailProvider(options({ password: "wrong" })).send({ to: "payer@example.com", subject: "s", body: "b" }));
    expect(error).toMatchObject({ kind: "temporary", reason: "smtp_auth_failed" });
    expect(received).toEqual([]);
  });

  it("tries again later when the server cannot be reached", async () => {
    const closed = new SMTPServer({ logger: false });
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(createSmtpEmailProvider(options({ port: closedPort })).send({ to: "payer@example.com", subject: "s", body: "b" }));
    expect(error).toMatchObject({ kind: "temporary", reason: "smtp_unreachable" });
  });

  it("refuses an address that is not one, and a message without a subject, without connecting", async () => {
    const provider = createSmtpEmailProvider(options());
    expect(await failure(provider.send({ to: "not-an-address", subject: "s", body: "b" }))).toMatchObject({ kind: "permanent", reason: "invalid_address" });
    expect(await failure(provider.send({ to: "payer@example.com", body: "b" }))).toMatchObject({ kind: "permanent", reason: "no_subject" });
    expect(received).toEqual([]);
  });
});
