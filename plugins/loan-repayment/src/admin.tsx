import { defineAdminPlugin } from "@sunap/core";
import { CreateLoanPage } from "./admin/create-page.tsx";
import { LoanDetailPage } from "./admin/detail-page.tsx";
import { LoansPage } from "./admin/loans-page.tsx";
import { SchedulePreviewPage } from "./admin/preview-page.tsx";
import { LoanSettingsPage } from "./admin/settings-page.tsx";
import { loanRepaymentManifest } from "./manifest.ts";

/** Admin half: loans (list, disbursement, detail with schedule, payoff and prepayment), the schedule preview and settings. */
export const loanRepaymentAdmin = defineAdminPlugin({
  manifest: loanRepaymentManifest,
  pages: [
    { path: "loans", label: { ko: "대출", en: "Loans" }, element: <LoansPage /> },
    { path: "loans/new", label: { ko: "대출 실행", en: "New loan" }, element: <CreateLoanPage />, permission: "contract.write", hidden: true },
    { path: "loans/:id", label: { ko: "대출 상세", en: "Loan" }, element: <LoanDetailPage />, hidden: true },
    { path: "preview", label: { ko: "상환 스케줄 미리보기", en: "Schedule preview" }, element: <SchedulePreviewPage /> },
    { path: "settings", label: { ko: "설정", en: "Settings" }, element: <LoanSettingsPage />, permission: "contract.write" },
  ],
});
