import JSZip from "jszip";
import { openKoreanPdf } from "@sunap/api";
import { formatWon } from "@sunap/core";
import type { DonationReceipt } from "../billing/receipt.ts";

/**
 * The donation receipt (기부금 영수증) as a PDF, laid out after the statutory form: serial number,
 * donor, the donation body with its registration details, the donations by month, and the
 * body's confirmation, in the same Korean font as every other PDF of Sunap.
 */

const LEFT = 48;
const WIDTH = 499; // A4 width 595 less both margins

/** One receipt per page, in the order given. */
export function renderDonationReceipts(receipts: readonly DonationReceipt[]): Promise<Buffer> {
  if (receipts.length === 0) throw new Error("renderDonationReceipts needs at least one receipt");
  const first = receipts[0]!;
  const title = receipts.length === 1 ? `기부금 영수증 ${first.serialNumber}` : `${first.year}년 기부금 영수증 (${receipts.length}매)`;
  const { doc, done } = openKoreanPdf({ margin: LEFT, autoFirstPage: false, info: { Title: title, Author: first.organisation.name, Subject: "Donation receipt" } });
  for (const receipt of receipts) {
    doc.addPage();
    drawReceipt(doc, receipt);
  }
  doc.end();
  return done;
}

/** One PDF per donor in a ZIP, named `<serial>_<donor code>.pdf`. */
export async function zipDonationReceipts(receipts: readonly DonationReceipt[]): Promise<Buffer> {
  const zip = new JSZip();
  for (const receipt of receipts) zip.file(receiptFileName(receipt), await renderDonationReceipts([receipt]));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

export function receiptFileName(receipt: DonationReceipt): string {
  return `donation-receipt_${receipt.serialNumber}_${receipt.donor.code.replace(/[^\w-]/g, "_")}.pdf`;
}

function drawReceipt(doc: PDFKit.PDFDocument, r: DonationReceipt): void {
  doc.font("ko").fontSize(8).fillColor("#555").text(`일련번호 No. ${r.serialNumber}`, LEFT, 40, { align: "right", width: WIDTH }).fillColor("black");
  doc.font("ko-bold").fontSize(20).text("기부금 영수증", LEFT, 60, { align: "center", width: WIDTH });
  doc.font("ko").fontSize(9).text(`Donation receipt for ${r.year}`, { align: "center", width: WIDTH });
  doc.moveDown(1);

  section(doc, "① 기부자 Donor");
  field(doc, "성명(법인명) Name", r.donor.name);
  field(doc, "기부자 번호 Donor no.", r.donor.code);
  field(doc, "주소 Address", r.donor.address ?? "-");

  section(doc, "② 기부금 단체 Donation body");
  field(doc, "단체명 Name", r.organisation.name);
  field(doc, "사업자등록번호(고유번호) Registration no.", r.organisation.registrationNumber);
  field(doc, "소재지 Address", r.organisation.address);
  field(doc, "대표자 Representative", r.organisation.representative);
  if (r.organisation.legalBasis) field(doc, "기부금공제대상 근거법령 Legal basis", r.organisation.legalBasis);

  section(doc, "③ 기부 내용 Donations");
  const columns = [
    { label: "유형 Type", width: 60 },
    { label: "코드 Code", width: 50 },
    { label: "구분 Kind", width: 70 },
    { label: "연월 Month", width: 90 },
    { label: "건수 Count", width: 80 },
    { label: "금액 Amount", width: 149, right: true },
  ];
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    let x = LEFT;
    doc.font(bold ? "ko-bold" : "ko").fontSize(9);
    cells.forEach((cell, i) => {
      const column = columns[i]!;
      doc.text(cell, x + 4, y + 4, { width: column.width - 8, align: column.right ? "right" : "left", lineBreak: false });
      x += column.width;
    });
    doc.moveTo(LEFT, y + 20).lineTo(LEFT + WIDTH, y + 20).lineWidth(0.5).strokeColor("#999").stroke();
    doc.x = LEFT;
    doc.y = y + 22;
  };
  row(columns.map((c) => c.label), true);
  const typeLabel = r.donationType.ko.replace(/\(.*\)/, "");
  for (const month of r.months) row([typeLabel, r.donationType.code, "금전 Money", month.month, String(month.count), formatWon(month.amountWon, "ko")]);
  row(["합계 Total", "", "", "", String(r.donationCount), formatWon(r.totalWon, "ko")], true);

  doc.moveDown(1.2);
  doc.font("ko").fontSize(9).text("「소득세법」 제34조, 「조세특례제한법」 제58조·제76조·제88조의4 및 「법인세법」 제24조에 따른 기부금을 위와 같이 기부받았음을 증명합니다.", LEFT, doc.y, { width: WIDTH });
  doc.fontSize(8).fillColor("#555").text("We certify that we received the donations above.", { width: WIDTH }).fillColor("black");
  doc.moveDown(1.5);
  const [y, m, d] = r.issueOn.split("-");
  doc.font("ko").fontSize(10).text(`${y}년 ${Number(m)}월 ${Number(d)}일 (${r.issueOn})`, { align: "center", width: WIDTH });
  doc.moveDown(0.8);
  doc.font("ko-bold").fontSize(11).text(`기부금 수령인: ${r.organisation.name}  대표자 ${r.organisation.representative}  (서명 또는 인)`, { align: "center", width: WIDTH });
  doc.moveDown(2);
  doc.font("ko").fontSize(7).fillColor("#777").text(`${r.donationType.code} ${r.donationType.ko} / ${r.donationType.en}. 이 영수증은 실제 납입된 금액으로 작성되었습니다 (amounts as collected).`, { width: WIDTH }).fillColor("black");
}

function section(doc: PDFKit.PDFDocument, title: string): void {
  doc.moveDown(0.6).font("ko-bold").fontSize(11).fillColor("#1f3a5f").text(title, LEFT, doc.y, { width: WIDTH }).fillColor("black");
  doc.moveTo(LEFT, doc.y + 1).lineTo(LEFT + WIDTH, doc.y + 1).lineWidth(0.8).strokeColor("#1f3a5f").stroke();
  doc.moveDown(0.3);
}

function field(doc: PDFKit.PDFDocument, label: string, value: string): void {
  doc.font("ko-bold").fontSize(9).text(`${label}: `, LEFT, doc.y, { continued: true, width: WIDTH }).font("ko").text(value);
}
