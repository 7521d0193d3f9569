import path from "node:path";
import { devices, expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { ARTIFACTS, DEMO_EMAILS, DEMO_PASSWORD, signIn } from "../support.ts";

// A payer on a phone: the public consent page, from the link to the bank's answer.
test.use({ ...devices["Pixel 7"], viewport: { width: 390, height: 844 }, locale: "ko-KR", timezoneId: "Asia/Seoul" });

/** The e2e server's pinned business date is a Tuesday; the sandbox bank answers on the next banking day. */
const NEXT_BANKING_DAY = "2026-11-25";
const CERTIFICATE_REASON = "동의 확인서 발급 확인 (e2e)";

/** Staff calls over tRPC's HTTP wire format (superjson), signed in with the session cookie and the CSRF header. */
interface Staff {
  query<T = unknown>(procedure: string, input?: unknown): Promise<T>;
  mutate<T = unknown>(procedure: string, input?: unknown): Promise<T>;
}

async function staff(request: APIRequestContext, role: "finance" | "admin"): Promise<Staff> {
  const unwrap = async <T>(response: Awaited<ReturnType<APIRequestContext["get"]>>, procedure: string): Promise<T> => {
    const body = (await response.json()) as { result?: { data: { json: T } }; error?: { json: { message: string } } };
    if (!body.result) throw new Error(`${procedure}: ${body.error?.json.message ?? response.status()}`);
    return body.result.data.json;
  };
  const login = await request.post("/trpc/auth.login", { data: { json: { email: DEMO_EMAILS[role], password: DEMO_PASSWORD } } });
  const { csrfToken } = await unwrap<{ csrfToken: string }>(login, "auth.login");
  return {
    query: async (procedure, input) => unwrap(await request.get(`/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input ?? null }))}`), procedure),
    mutate: async (procedure, input) => unwrap(await request.post(`/trpc/${procedure}`, { data: { json: input ?? null }, headers: { "x-csrf-token": csrfToken } }), procedure),
  };
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `enroll-${name}.png`), fullPage: true });
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join("");
/** A phone of its own per run: at most five codes an hour go to one phone. */
const newPhone = () => `010-${digits(4)}-${digits(4)}`;

interface Registration {
  id: number;
  status: string;
  reason: string | null;
  reasonText: { code: string; ko: string; en: string } | null;
  history: { to: string }[];
}

/** The code the sandbox SMS carried (demo mode shows it to staff with message.read). */
async function codeSentTo(finance: Staff, phone: string): Promise<string> {
  let code = "";
  await expect
    .poll(async () => {
      const inbox = await finance.query<{ templateCode: string; secrets: string[] }[]>("messages.sandboxInbox", { to: phone, includeQueued: true, limit: 5 });
      code = inbox.find((m) => m.templateCode === "otp_code")?.secrets[0] ?? "";
      return code;
    })
    .toMatch(/^\d{6}$/);
  return code;
}

async function fillDetails(page: Page, details: { name?: string; birthDate: string; phone: string; bankCode: string; accountNumber: string }) {
  if (details.name) await page.getByLabel("이름", { exact: true }).fill(details.name);
  await page.getByLabel("생년월일", { exact: true }).fill(details.birthDate);
  await page.getByLabel("휴대전화 번호", { exact: true }).fill(details.phone);
  await page.getByLabel("은행", { exact: true }).selectOption(details.bankCode);
  await page.getByLabel("계좌번호", { exact: true }).fill(details.accountNumber);
}

async function passCode(page: Page, finance: Staff, phone: string) {
  await expect(page.getByText(/인증번호 6자리를 보냈습니다/)).toBeVisible();
  await page.getByLabel("인증번호", { exact: true }).fill(await codeSentTo(finance, phone));
  await page.getByTestId("otp-verify").click();
}

async function agreeAndSign(page: Page) {
  await page.getByTestId("terms-autoDebit").check();
  await page.getByTestId("terms-privacy").check();
  await page.getByTestId("terms-next").click();
  const pad = page.getByTestId("signature-pad");
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + box.height * 0.6);
  await page.mouse.down();
  for (let i = 1; i <= 24; i++) await page.mouse.move(box.x + 30 + i * 10, box.y + box.height * 0.6 - Math.sin(i / 3) * 35);
  await page.mouse.up();
}

/** The registration jobs today, then again on the next banking day, when the sandbox bank has answered. */
async function bankAnswers(finance: Staff, admin: Staff) {
  const today = await finance.mutate<{ submittedRecords: number }>("registrations.runNow");
  expect(today.submittedRecords).toBeGreaterThanOrEqual(1);
  await admin.mutate("clock.set", { today: NEXT_BANKING_DAY });
  await finance.mutate("registrations.runNow");
}

async function registrationOf(finance: Staff, payerId: number): Promise<Registration> {
  const list = await finance.query<{ data: { id: number }[] }>("registrations.list", { pagination: { current: 1, pageSize: 5 }, sorters: [{ field: "id", order: "desc" }], filters: [{ field: "payerId", operator: "eq", value: payerId }] });
  expect(list.data).toHaveLength(1);
  return finance.query<Registration>("registrations.get", { id: list.data[0]!.id });
}

/** Finance's view of a registration in the admin console (a desktop browser of its own; in the user's saved language). */
async function adminShows(browser: Browser, registrationId: number, name: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "ko-KR", timezoneId: "Asia/Seoul" });
  const page = await context.newPage();
  await signIn(page, "finance");
  await page.goto(`/registrations/show/${registrationId}`);
  await expect(page.getByTestId("registration-details")).toBeVisible();
  await page.screenshot({ path: path.join(ARTIFACTS, `enroll-${name}.png`), fullPage: true });
  return page;
}

let admin: Staff | null = null;
test.afterEach(async () => {
  // The clock override lives in the e2e server's database: later specs expect the pinned date.
  await admin?.mutate("clock.set", { today: null });
  admin = null;
});

test("a payer gives consent on a phone from a single-use link, the bank registers it, and the payer withdraws it", async ({ page, request, playwright, browser, baseURL }) => {
  const finance = await staff(request, "finance");
  const adminRequest = await playwright.request.newContext({ baseURL });
  admin = await staff(adminRequest, "admin");
  const phone = newPhone();
  const payer = await finance.mutate<{ id: number }>("payers.create", { payerCode: `E2E-${digits(8)}`, kind: "individual", name: "김동의", birthDate: "1988-03-09", phone });
  const link = await finance.mutate<{ path: string }>("enrollmentLinks.create", { purpose: "single", payerId: payer.id, amountText: "매월 55,000원", scheduleText: "매월 25일 출금" });

  await page.goto(link.path);
  await expect(page.getByRole("heading", { name: "자동이체 출금동의" })).toBeVisible();
  await expect(page.getByTestId("debit-summary")).toContainText("매월 55,000원");
  await expect(page.getByLabel("이름", { exact: true })).toHaveValue("김동의");
  // Nothing wider than the phone (evaluated in the page; the e2e project has no DOM types).
  expect(await page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")).toBe(true);

  // A typo is pointed out next to its field before anything is sent.
  await fillDetails(page, { birthDate: "19880309", phone, bankCode: "090", accountNumber: "33331234" });
  await page.getByTestId("details-submit").click();
  await expect(page.locator("#accountNumber-error")).toHaveText(/카카오뱅크 계좌번호는 13자리입니다/);
  await shot(page, "details-error");

  await page.getByLabel("계좌번호", { exact: true }).fill(`3333${digits(5)}6789`);
  await expect(page.getByLabel("예금주명", { exact: true })).toHaveValue("김동의");
  await shot(page, "details");
  await page.getByTestId("details-submit").click();
  await passCode(page, finance, phone);

  await expect(page.getByRole("heading", { name: "출금 내용과 약관 확인" })).toBeVisible();
  await expect(page.getByTestId("debit-summary")).toContainText("예금주 확인 완료");
  // Both texts must be ticked, each on its own.
  await page.getByTestId("terms-next").click();
  await expect(page.locator("#terms-autoDebit-error")).toBeVisible();
  await expect(page.locator("#terms-privacy-error")).toBeVisible();
  await page.getByText("전문 보기").first().click();
  await shot(page, "terms");

  await agreeAndSign(page);
  await shot(page, "signature");
  // A double tap gives one consent (one idempotency key per page load, and the button locks).
  await page.getByTestId("submit-consent").dblclick();
  await expect(page.getByRole("heading", { name: "출금동의가 접수되었습니다" })).toBeVisible();
  await expect(page.getByTestId("receipt-account")).toContainText("카카오뱅크 *********6789");
  await shot(page, "confirmation");
  const managePath = await page.getByRole("link", { name: "출금동의 관리 페이지 열기" }).getAttribute("href");
  expect(managePath).toMatch(/^\/self-service\//);
  const consents = await finance.query<{ total: number }>("consents.list", { pagination: { current: 1, pageSize: 5 }, filters: [{ field: "payerId", operator: "eq", value: payer.id }] });
  expect(consents.total).toBe(1);

  // Finance downloads its certificate: a logged access, so a mutation with a reason (a query is refused).
  const consentId = (await finance.query<{ data: { id: number }[] }>("consents.list", { pagination: { current: 1, pageSize: 1 }, filters: [{ field: "payerId", operator: "eq", value: payer.id }] })).data[0]!.id;
  const certificate = await finance.mutate<{ fileName: string; contentType: string; base64: string }>("consents.certificate", { id: consentId, reason: CERTIFICATE_REASON });
  expect(certificate).toMatchObject({ fileName: `consent-certificate-${consentId}.pdf`, contentType: "application/pdf" });
  expect(Buffer.from(certificate.base64, "base64").subarray(0, 5).toString()).toBe("%PDF-");
  await expect(finance.query("consents.certificate", { id: consentId, reason: CERTIFICATE_REASON })).rejects.toThrow();
  const accessLog = await finance.query<{ data: { action: string; reason: string }[] }>("payers.accessLog", { pagination: { current: 1, pageSize: 5 }, filters: [{ field: "payerId", operator: "eq", value: payer.id }] });
  expect(accessLog.data).toEqual([expect.objectContaining({ action: "consent.certificate", reason: CERTIFICATE_REASON })]);

  // The link was single-use: opening it again says so.
  await page.reload();
  await expect(page.getByTestId("link-problem")).toHaveAttribute("data-code", "enroll.link_used");
  await expect(page.getByTestId("link-problem-message")).toHaveText("이미 사용한 링크입니다. 새 링크를 요청하세요.");
  await shot(page, "link-used");

  await bankAnswers(finance, admin);
  const registration = await registrationOf(finance, payer.id);
  expect(registration).toMatchObject({ status: "registered" });
  expect(registration.history.map((e) => e.to)).toEqual(["pending", "submitted", "registered"]);
  const adminPage = await adminShows(browser, registration.id, "admin-registered");
  await expect(adminPage.getByTestId("registration-status")).toHaveText(/^(등록 완료|Registered)$/);
  await adminPage.context().close();

  // The payer's own page shows the account registered.
  await page.goto(managePath!);
  await expect(page.getByRole("heading", { name: "출금동의 관리" })).toBeVisible();
  await expect(page.getByTestId("consents")).toContainText("등록 완료");
  await shot(page, "self-service");

  // 출금동의 해지 from the same page: a code to the registered phone, then no more debits.
  await page.getByTestId("manage-withdraw").click();
  await page.getByTestId("otp-send").click();
  await passCode(page, finance, phone);
  await page.getByLabel("해지 사유 (선택)", { exact: true }).fill("이사");
  await page.getByTestId("withdraw-submit").click();
  await expect(page.getByTestId("withdrawn")).toContainText("해지 요청됨");
  await shot(page, "withdrawn");
  expect((await finance.query<Registration>("registrations.get", { id: registration.id })).status).toBe("cancel_requested");
});

test("an account the bank refuses is stopped at the holder check, and one it will not register ends rejected with its reason", async ({ page, request, playwright, browser, baseURL }) => {
  const finance = await staff(request, "finance");
  admin = await staff(await playwright.request.newContext({ baseURL }), "admin");
  const phone = newPhone();
  const link = await finance.mutate<{ path: string }>("enrollmentLinks.create", { purpose: "campaign", campaignLabel: "e2e 거절", amountText: "매월 30,000원", scheduleText: "매월 10일 출금" });

  await page.goto(link.path);
  // …0003: a closed account. The bank's holder check refuses it before any consent is stored.
  await fillDetails(page, { name: "박거절", birthDate: "19750101", phone, bankCode: "090", accountNumber: `3333${digits(5)}0003` });
  await page.getByTestId("details-submit").click();
  await passCode(page, finance, phone);
  await expect(page.locator("#accountNumber-error")).toHaveText("해지된 계좌입니다. 다른 계좌를 입력하세요.");
  await expect(page.getByText("계좌를 확인하지 못했습니다")).toBeVisible();
  await shot(page, "account-closed");

  // …0004: the holder check passes, the bank refuses the registration (not eligible for CMS).
  await page.getByLabel("계좌번호", { exact: true }).fill(`3333${digits(5)}0004`);
  await page.getByTestId("details-submit").click();
  await agreeAndSign(page);
  await page.getByTestId("submit-consent").click();
  await expect(page.getByTestId("confirmation")).toBeVisible();

  // The payer was created by the consent: found by the payer number the receipt shows.
  const payerCode = (await page.getByTestId("receipt-payer-code").textContent())!.trim();
  const consents = await finance.query<{ data: { payer: { id: number; payerCode: string } }[] }>("consents.list", { pagination: { current: 1, pageSize: 20 }, sorters: [{ field: "id", order: "desc" }], filters: [] });
  const payerId = consents.data.find((c) => c.payer.payerCode === payerCode)!.payer.id;
  await bankAnswers(finance, admin);
  const registration = await registrationOf(finance, payerId);
  expect(registration).toMatchObject({ status: "rejected", reason: "not_cms_eligible", reasonText: { code: "A005", ko: "CMS 출금이체 불가 계좌" } });
  const adminPage = await adminShows(browser, registration.id, "admin-rejected");
  await expect(adminPage.getByTestId("registration-status")).toHaveText(/^(거절|Rejected)$/);
  await adminPage.context().close();
});

test("a tampered or revoked link says exactly what is wrong, in Korean and in English", async ({ page, request }) => {
  const finance = await staff(request, "finance");
  const link = await finance.mutate<{ id: number; path: string }>("enrollmentLinks.create", { purpose: "campaign" });
  const signature = link.path.split(".").pop()!;
  const tampered = link.path.slice(0, -signature.length) + (signature.startsWith("A") ? "B" : "A") + signature.slice(1);

  await page.goto(tampered);
  await expect(page.getByTestId("link-problem")).toHaveAttribute("data-code", "enroll.link_invalid");
  await expect(page.getByTestId("link-problem-message")).toHaveText("링크가 올바르지 않습니다. 받은 링크를 그대로 열어 주세요.");
  await shot(page, "link-tampered");
  await page.getByTestId("language-switch").click();
  await expect(page.getByTestId("link-problem-message")).toHaveText("This link is not valid. Open the link exactly as you received it.");
  await page.getByTestId("language-switch").click();

  await finance.mutate("enrollmentLinks.revoke", { id: link.id });
  await page.goto(link.path);
  await expect(page.getByTestId("link-problem")).toHaveAttribute("data-code", "enroll.link_revoked");
  await expect(page.getByTestId("link-problem-message")).toHaveText("취소된 링크입니다.");
  await shot(page, "link-revoked");
});
