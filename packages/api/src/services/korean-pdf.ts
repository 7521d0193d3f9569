import { createRequire } from "node:module";
import PDFDocument from "pdfkit";

/**
 * A pdfkit document that can write Korean: Noto Sans KR (SIL Open Font License, from the npm
 * package @expo-google-fonts/noto-sans-kr, so it works on a fresh clone after `npm install`)
 * registered as "ko" and "ko-bold"; pdfkit embeds only the glyphs used. `done` resolves with the
 * bytes once the caller ends the document. Every PDF Sunap makes starts here: consent
 * certificates, invoice statements, payment receipts, donation receipts.
 */
const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve("@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf");
const FONT_BOLD = require.resolve("@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf");

export function openKoreanPdf(options: PDFKit.PDFDocumentOptions): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({ size: "A4", ...options });
  doc.registerFont("ko", FONT_REGULAR);
  doc.registerFont("ko-bold", FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  return { doc, done };
}
