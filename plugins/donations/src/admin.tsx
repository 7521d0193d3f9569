import { defineAdminPlugin } from "@sunap/core";
import { DonationContractDetailPage } from "./admin/contract-detail-page.tsx";
import { DonationContractFormPage } from "./admin/contract-form-page.tsx";
import { DonationContractsPage } from "./admin/contracts-page.tsx";
import { DonationReceiptsPage } from "./admin/receipts-page.tsx";
import { DonationSettingsPage } from "./admin/settings-page.tsx";
import { donationsManifest } from "./manifest.ts";

/** Admin half: pledges and gifts (list, create, edit, detail), annual receipts, settings. */
export const donationsAdmin = defineAdminPlugin({
  manifest: donationsManifest,
  pages: [
    { path: "contracts", label: { ko: "후원 약정", en: "Donations" }, element: <DonationContractsPage />, permission: "contract.read" },
    { path: "contracts/new", label: { ko: "후원 등록", en: "New donation" }, element: <DonationContractFormPage />, permission: "contract.write", hidden: true },
    { path: "contracts/:id", label: { ko: "후원 상세", en: "Donation" }, element: <DonationContractDetailPage />, permission: "contract.read", hidden: true },
    { path: "contracts/:id/edit", label: { ko: "후원 수정", en: "Edit donation" }, element: <DonationContractFormPage />, permission: "contract.write", hidden: true },
    { path: "receipts", label: { ko: "기부금 영수증", en: "Receipts" }, element: <DonationReceiptsPage />, permission: "invoice.read" },
    { path: "settings", label: { ko: "후원 설정", en: "Settings" }, element: <DonationSettingsPage />, permission: "contract.write" },
  ],
});
