import { defineAdminPlugin } from "@sunap/core";
import { RoyaltyCollectionsPage } from "./admin/collections-page.tsx";
import { RoyaltyContractsPage } from "./admin/contracts-page.tsx";
import { CreateRoyaltyContractPage } from "./admin/create-page.tsx";
import { RoyaltyContractDetailPage } from "./admin/detail-page.tsx";
import { EditRoyaltyContractPage } from "./admin/edit-page.tsx";
import { SalesReportsPage } from "./admin/sales-page.tsx";
import { RoyaltySettingsPage } from "./admin/settings-page.tsx";
import { RoyaltyStatementPage } from "./admin/statement-page.tsx";
import { TaxInvoicesPage } from "./admin/tax-invoices-page.tsx";
import { franchiseRoyaltyManifest } from "./manifest.ts";

/** Admin half: royalty terms (list, create, edit, detail), sales reports and imports, statements, tax invoices, HQ collections, settings. */
export const franchiseRoyaltyAdmin = defineAdminPlugin({
  manifest: franchiseRoyaltyManifest,
  pages: [
    { path: "contracts", label: { ko: "로열티 계약", en: "Royalty terms" }, element: <RoyaltyContractsPage /> },
    { path: "contracts/new", label: { ko: "로열티 계약 등록", en: "New royalty terms" }, element: <CreateRoyaltyContractPage />, permission: "contract.write", hidden: true },
    { path: "contracts/:id", label: { ko: "로열티 계약", en: "Royalty terms" }, element: <RoyaltyContractDetailPage />, hidden: true },
    { path: "contracts/:id/edit", label: { ko: "계약 조건 수정", en: "Change terms" }, element: <EditRoyaltyContractPage />, permission: "contract.write", hidden: true },
    { path: "sales", label: { ko: "매출 보고", en: "Sales reports" }, element: <SalesReportsPage /> },
    { path: "statement", label: { ko: "로열티 명세서", en: "Statements" }, element: <RoyaltyStatementPage /> },
    { path: "tax-invoices", label: { ko: "세금계산서", en: "Tax invoices" }, element: <TaxInvoicesPage />, permission: "invoice.read" },
    { path: "collections", label: { ko: "수납 현황", en: "Collections" }, element: <RoyaltyCollectionsPage />, permission: "invoice.read" },
    { path: "settings", label: { ko: "설정", en: "Settings" }, element: <RoyaltySettingsPage />, permission: "contract.write" },
  ],
});
