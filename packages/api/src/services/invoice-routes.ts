import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { DomainError, isStoreScoped, roleHas, type Clock, type Permission, type PluginManifest } from "@sunap/core";
import type { Db, Keyring } from "@sunap/db";
import { loadSession } from "../auth/session-service.ts";
import { RateLimits } from "./rate-limits.ts";
import type { Locale, SessionInfo } from "../context.ts";
import { loadInvoiceDocument } from "./invoice-document.ts";
import { verifyInvoiceLinkToken } from "./invoice-links.ts";
import { renderInvoicePdf } from "./invoice-pdf.ts";
import { creditNoteFileName, loadCreditNoteDocument, renderCreditNotePdf } from "./credit-note-pdf.ts";
import { loadPaymentReceipt, paymentReceiptNumber, renderPaymentReceiptPdf } from "./payment-receipt-pdf.ts";

export interface InvoiceRouteDeps {
  db: Db;
  keyring: Keyring;
  clock: Clock;
  sessionTtlHours: number;
  /** The session cookie's name (the server's SESSION_COOKIE). */
  cookieName: string;
  /** The plugin manifests, for the plugin's name on the statement. */
  plugins: readonly PluginManifest[];
  /** Public link requests allowed per IP in the window. Default 60 per 10 minutes. */
  publicLimit?: { limit: number; windowMs: number };
}

/** Public PDF downloads per IP: enough for a family opening a few messages, too few to scan tokens. */
export const INVOICE_LINK_LIMIT = { limit: 60, windowMs: 10 * 60_000 } as const;

const MAX_ID = 2_147_483_647;

/**
 * Plain HTTP routes for the invoice statement PDF, beside tRPC because a browser (or a payer's
 * phone) fetches a file:
 *   GET /api/invoices/:id/pdf   signed-in staff with invoice.read; store owners only for their stores
 *   GET /i/:token               the payer's message link: no session, the signed token is the key
 *   GET /api/payments/:id/receipt.pdf   a payment's receipt (영수증), payment.read, store-scoped
 *   GET /api/credit-notes/:id/pdf   a credit note (감액 청구서), invoice.read, store-scoped
 * Both render from the ledger as of today, so a statement fetched after a payment shows it; a
 * voided invoice still renders, stamped void. Unknown, out-of-scope and forged all answer 404 alike,
 * so neither route tells which invoices exist. GET only, so CSRF does not apply.
 */
export function registerInvoiceRoutes(app: FastifyInstance, deps: InvoiceRouteDeps): void {
  const publicLimit = deps.publicLimit ?? INVOICE_LINK_LIMIT;
  const limits = new RateLimits(deps.db, deps.keyring, () => deps.clock.now());

  async function authorise(request: FastifyRequest, reply: FastifyReply, permission: Permission): Promise<SessionInfo | null> {
    const token = (request as FastifyRequest & { cookies?: Record<string, string | undefined> }).cookies?.[deps.cookieName];
    const session = await loadSession(deps.db, token, deps.clock.now(), deps.sessionTtlHours);
    if (!session) {
      await reply.code(401).send({ error: "auth.not_signed_in" });
      return null;
    }
    if (!roleHas(session.user.role, permission)) {
      await reply.code(403).send({ error: "auth.forbidden", permission });
      return null;
    }
    return session;
  }

  /** A payer's phone opening a dead link gets a sentence to read, not JSON. */
  function sendPayerPage(reply: FastifyReply, message: string) {
    return reply.type("text/html; charset=utf-8").header("cache-control", "no-store").send(`<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sunap</title></head><body style="font-family:sans-serif;padding:24px;line-height:1.6"><p>${message}</p></body></html>`);
  }

  /** Sends the PDF; null (nothing sent) when the invoice does not exist or is outside the scope. */
  async function sendInvoice(reply: FastifyReply, invoiceId: number, options: { locale: Locale; storeScope: readonly number[] | null; disposition: "attachment" | "inline" }): Promise<FastifyReply | null> {
    try {
      const document = await loadInvoiceDocument(deps.db, invoiceId, { keyring: deps.keyring, locale: options.locale, today: deps.clock.today(), plugins: deps.plugins, storeScope: options.storeScope });
      const bytes = await renderInvoicePdf(document);
      // Awaiting a reply resolves to undefined (Fastify's thenable), not the reply: return it ourselves, or callers send a 404 after the PDF.
      await reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `${options.disposition}; filename="${invoiceFileName(document.number)}"`)
        .header("cache-control", "no-store")
        .header("x-content-type-options", "nosniff")
        .send(bytes);
      return reply;
    } catch (error) {
      if (error instanceof DomainError && error.kind === "NOT_FOUND") return null;
      throw error;
    }
  }

  app.get("/api/invoices/:id/pdf", async (request, reply) => {
    const session = await authorise(request, reply, "invoice.read");
    if (!session) return reply;
    const id = Number((request.params as { id: string }).id);
    if (!Number.isInteger(id) || id < 1 || id > MAX_ID) return reply.code(404).send({ error: "not_found" });
    const storeScope = isStoreScoped(session.user.role) ? session.user.storeIds : null;
    return (await sendInvoice(reply, id, { locale: requestedLocale(request) ?? session.user.locale, storeScope, disposition: "attachment" })) ?? reply.code(404).send({ error: "not_found" });
  });

  app.get("/api/payments/:id/receipt.pdf", async (request, reply) => {
    const session = await authorise(request, reply, "payment.read");
    if (!session) return reply;
    const id = Number((request.params as { id: string }).id);
    if (!Number.isInteger(id) || id < 1 || id > MAX_ID) return reply.code(404).send({ error: "not_found" });
    const storeScope = isStoreScoped(session.user.role) ? session.user.storeIds : null;
    try {
      const receipt = await loadPaymentReceipt(deps.db, deps.keyring, id, { locale: requestedLocale(request) ?? session.user.locale, today: deps.clock.today(), storeScope });
      return await reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `attachment; filename="receipt-${paymentReceiptNumber(receipt.paymentId)}.pdf"`)
        .header("cache-control", "no-store")
        .header("x-content-type-options", "nosniff")
        .send(await renderPaymentReceiptPdf(receipt));
    } catch (error) {
      // The payment service refuses another store's payment as FORBIDDEN; here, as for invoices, it does not exist.
      if (error instanceof DomainError && (error.kind === "NOT_FOUND" || error.kind === "FORBIDDEN")) return reply.code(404).send({ error: "not_found" });
      throw error;
    }
  });

  app.get("/api/credit-notes/:id/pdf", async (request, reply) => {
    const session = await authorise(request, reply, "invoice.read");
    if (!session) return reply;
    const id = Number((request.params as { id: string }).id);
    if (!Number.isInteger(id) || id < 1 || id > MAX_ID) return reply.code(404).send({ error: "not_found" });
    const storeScope = isStoreScoped(session.user.role) ? session.user.storeIds : null;
    try {
      const document = await loadCreditNoteDocument(deps.db, id, { keyring: deps.keyring, locale: requestedLocale(request) ?? session.user.locale, storeScope });
      return await reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `attachment; filename="${creditNoteFileName(document.number)}"`)
        .header("cache-control", "no-store")
        .header("x-content-type-options", "nosniff")
        .send(await renderCreditNotePdf(document));
    } catch (error) {
      if (error instanceof DomainError && error.kind === "NOT_FOUND") return reply.code(404).send({ error: "not_found" });
      throw error;
    }
  });

  app.get("/i/:token", async (request, reply) => {
    // Counted before the token is checked: guessing costs attempts like any other request.
    const locale = requestedLocale(request) ?? acceptLanguage(request);
    reply.header("referrer-policy", "no-referrer").header("x-robots-tag", "noindex, nofollow");
    const wait = await limits.hit("invoice_link.ip", publicLimit, request.ip);
    if (wait > 0) {
      reply.code(429).header("retry-after", String(wait));
      return wantsHtml(request) ? sendPayerPage(reply, PAYER_MESSAGES.tooMany[locale]) : reply.send({ error: "auth.rate_limited", seconds: wait });
    }
    const invoiceId = verifyInvoiceLinkToken(deps.keyring, (request.params as { token: string }).token);
    const sent = invoiceId === null ? null : await sendInvoice(reply, invoiceId, { locale, storeScope: null, disposition: "inline" });
    if (sent) return sent;
    reply.code(404);
    return wantsHtml(request) ? sendPayerPage(reply, PAYER_MESSAGES.notFound[locale]) : reply.send({ error: "not_found" });
  });
}

const PAYER_MESSAGES = {
  notFound: { ko: "청구서를 찾을 수 없습니다. 받으신 메시지의 링크를 다시 확인해 주세요.", en: "This invoice could not be found. Please check the link in your message." },
  tooMany: { ko: "요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.", en: "Too many requests. Please try again in a few minutes." },
} as const;

function wantsHtml(request: FastifyRequest): boolean {
  return request.headers.accept?.includes("text/html") ?? false;
}

/** `invoice-2026-000012.pdf`; anything but letters, digits, dot, dash and underscore becomes `_`. */
export function invoiceFileName(number: string): string {
  return `invoice-${number.replace(/[^A-Za-z0-9._-]/g, "_")}.pdf`;
}

function requestedLocale(request: FastifyRequest): Locale | null {
  const lang = (request.query as { lang?: unknown } | undefined)?.lang;
  return lang === "en" || lang === "ko" ? lang : null;
}

function acceptLanguage(request: FastifyRequest): Locale {
  return /^en\b/i.test(request.headers["accept-language"] ?? "") ? "en" : "ko";
}
