import { openKoreanPdf } from "./korean-pdf.ts";

/**
 * The PDF consent certificate (출금동의 확인서) an auditor gets: who agreed to what, when, from
 * where, how the phone and the account were checked, the signature, and what the bank did.
 */

export interface CertificateData {
  consentId: number;
  issuedAt: Date;
  issuedBy: string | null;
  creditor: { legalName: string; businessNumberMasked: string; representative: string; address: string; creditorText: string };
  payer: { payerCode: string; name: string; kind: string; phoneMasked: string | null; identityMasked: string | null };
  account: { bankName: string; accountMasked: string; holderName: string };
  debit: { amountText: string | null; scheduleText: string | null };
  method: string;
  agreedAt: Date;
  ip: string | null;
  userAgent: string | null;
  terms: { title: string; version: number; locale: string; sha256: string }[];
  otp: { challengeId: string | null; verifiedAt: Date | null; phoneMasked: string | null };
  holderVerifiedAt: Date | null;
  signature: { sha256: string | null; png: Buffer | null; certificateProvider: string | null; certificateSubject: string | null };
  evidenceFile: { sha256: string; contentType: string; sizeBytes: number } | null;
  recordedBy: string | null;
  documentSha256: string;
  withdrawal: { at: Date; via: string } | null;
  registrations: { id: number; status: string; reason: string | null; history: { at: Date; to: string; by: string | null; note: string | null }[] }[];
  redacted: boolean;
}

const METHOD_LABEL: Record<string, string> = {
  online_drawn: "전자서명(서명 그리기) / online, drawn signature",
  online_certificate: "인증서 전자서명 / online, certificate signature",
  paper: "서면(스캔) / paper form",
  recording: "녹취 / phone recording",
};

const STATUS_LABEL: Record<string, string> = {
  pending: "등록 대기 pending",
  submitted: "은행 접수 submitted",
  registered: "등록 완료 registered",
  rejected: "등록 불가 rejected",
  cancel_requested: "해지 요청 cancel requested",
  cancelled: "해지 완료 cancelled",
};

function seoul(instant: Date | null): string {
  if (!instant) return "-";
  return `${new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Seoul", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).format(instant)} (KST)`;
}

export function renderConsentCertificate(data: CertificateData): Promise<Buffer> {
  const { doc, done } = openKoreanPdf({ margin: 48, info: { Title: `출금동의 확인서 #${data.consentId}`, Author: data.creditor.legalName, Subject: "Withdrawal consent certificate" } });

  const heading = (text: string) => doc.moveDown(0.6).font("ko-bold").fontSize(12).fillColor("#1f3a5f").text(text).moveDown(0.2).fillColor("black");
  const row = (label: string, value: string | null | undefined) => doc.font("ko-bold").fontSize(9).text(`${label}: `, { continued: true }).font("ko").text(value ?? "-");

  doc.font("ko-bold").fontSize(18).text("자동이체 출금동의 확인서", { align: "center" });
  doc.font("ko").fontSize(10).text("Certificate of consent to automatic debit (CMS)", { align: "center" });
  doc.moveDown(0.3).fontSize(8).fillColor("#555").text(`동의번호 Consent no. ${data.consentId} · 발급 Issued ${seoul(data.issuedAt)}${data.issuedBy ? ` · ${data.issuedBy}` : ""}`, { align: "center" }).fillColor("black");
  if (data.redacted) doc.moveDown(0.3).font("ko-bold").fontSize(9).fillColor("#a00").text("보존기간이 지나 개인정보가 파기된 동의입니다. Personal data was destroyed after the retention period.", { align: "center" }).fillColor("black");

  heading("1. 수납기관 (이용기관) / Creditor");
  row("기관명 Name", data.creditor.legalName);
  row("사업자등록번호 Business no.", data.creditor.businessNumberMasked);
  row("대표자 Representative", data.creditor.representative);
  row("주소 Address", data.creditor.address);
  row("안내문 Creditor text", data.creditor.creditorText);

  heading("2. 납부자 / Payer");
  row("납부자번호 Payer no.", data.payer.payerCode);
  row("성명 Name", data.payer.name);
  row("구분 Kind", data.payer.kind === "business" ? "사업자 business" : "개인 individual");
  row("생년월일/사업자번호 Birth date / business no.", data.payer.identityMasked);
  row("휴대전화 Phone", data.payer.phoneMasked);

  heading("3. 출금계좌와 출금 내용 / Account and debits");
  row("금융기관 Bank", data.account.bankName);
  row("계좌번호 Account", data.account.accountMasked);
  row("예금주 Holder", data.account.holderName);
  row("출금 금액 Amount", data.debit.amountText);
  row("출금 일정 Schedule", data.debit.scheduleText);

  heading("4. 동의 / Consent");
  row("동의 방법 Method", METHOD_LABEL[data.method] ?? data.method);
  row("동의 일시 Agreed at", seoul(data.agreedAt));
  row("접속 IP", data.ip);
  row("기기 User agent", data.userAgent);
  for (const terms of data.terms) row(`약관 Terms v${terms.version} (${terms.locale})`, `${terms.title} — SHA-256 ${terms.sha256}`);
  row("휴대전화 본인확인 OTP", data.otp.verifiedAt ? `${data.otp.phoneMasked ?? "-"} · ${seoul(data.otp.verifiedAt)} · ${data.otp.challengeId}` : "-");
  row("예금주 확인 Holder check", data.holderVerifiedAt ? `일치 matched · ${seoul(data.holderVerifiedAt)}` : "은행 등록 시 확인 checked by the bank at registration");
  if (data.recordedBy) row("등록자 Recorded by", data.recordedBy);
  if (data.evidenceFile) row("증빙 파일 Evidence file", `${data.evidenceFile.contentType}, ${data.evidenceFile.sizeBytes} bytes, SHA-256 ${data.evidenceFile.sha256}`);
  row("동의 문서 해시 Document SHA-256", data.documentSha256);
  if (data.withdrawal) row("동의 해지 Withdrawn", `${seoul(data.withdrawal.at)} (${data.withdrawal.via})`);

  heading("5. 서명 / Signature");
  if (data.signature.certificateProvider) row("인증서 Certificate", `${data.signature.certificateProvider} · ${data.signature.certificateSubject ?? "-"}`);
  row("서명 해시 Signature SHA-256", data.signature.sha256);
  if (data.signature.png) {
    doc.moveDown(0.3);
    doc.image(data.signature.png, { fit: [200, 80] });
    doc.moveDown(0.3);
  }

  heading("6. 은행 등록 / Registration with the bank");
  for (const registration of data.registrations) {
    row(`등록 #${registration.id}`, `${STATUS_LABEL[registration.status] ?? registration.status}${registration.reason ? ` (${registration.reason})` : ""}`);
    for (const step of registration.history) doc.font("ko").fontSize(8).text(`   ${seoul(step.at)}  →  ${STATUS_LABEL[step.to] ?? step.to}${step.by ? ` · ${step.by}` : ""}${step.note ? ` · ${step.note}` : ""}`);
  }
  doc.end();
  return done;
}
