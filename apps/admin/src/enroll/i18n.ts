import { createContext, useContext } from "react";

export type Locale = "ko" | "en";

/** The consent page's own texts (Korean is the source); the server translates its error messages itself. */
const ko = {
  "page.title": "자동이체 출금동의",
  "page.titleManage": "출금동의 관리",
  "lang.switch": "English",
  "lang.switchLabel": "Switch to English",
  "common.loading": "불러오는 중…",
  "common.next": "다음",
  "common.back": "이전",
  "common.retry": "다시 시도",
  "common.required": "필수",
  "common.optional": "선택",
  "errors.network": "서버에 연결하지 못했습니다. 인터넷 연결을 확인하고 다시 시도하세요.",
  "errors.fixBelow": "아래 표시된 항목을 확인하세요.",

  "steps.details": "정보 입력",
  "steps.otp": "휴대전화 인증",
  "steps.terms": "약관 동의",
  "steps.sign": "서명",
  "steps.progress": "{total}단계 중 {n}단계",

  "intro.enroll": "{creditor}의 요금을 등록하신 계좌에서 자동으로 출금하기 위한 동의 절차입니다.",
  "intro.change": "자동이체에 사용할 새 계좌를 등록합니다. 새 계좌가 은행에 등록되면 기존 계좌의 자동이체는 해지됩니다.",
  "debit.creditor": "수납기관",
  "debit.amount": "출금 금액",
  "debit.schedule": "출금일",
  "debit.amountUnset": "청구 금액에 따라",
  "debit.scheduleUnset": "청구서에 안내된 날짜",
  "debit.account": "출금 계좌",

  "details.kind": "신청인 구분",
  "details.kindIndividual": "개인",
  "details.kindBusiness": "사업자",
  "details.name": "이름",
  "details.nameBusiness": "상호(법인명)",
  "details.representative": "대표자명",
  "details.birthDate": "생년월일",
  "details.birthDateHint": "8자리 숫자로 입력하세요 (예: 19900517).",
  "details.businessNumber": "사업자등록번호",
  "details.businessNumberHint": "10자리 숫자 (하이픈 없이 입력해도 됩니다).",
  "details.phone": "휴대전화 번호",
  "details.phoneHint": "이 번호로 인증번호를 보내 드립니다.",
  "details.sectionPayer": "신청인 정보",
  "details.sectionAccount": "출금 계좌",
  "details.bank": "은행",
  "details.bankPlaceholder": "은행을 선택하세요",
  "details.banksGroup": "은행",
  "details.securitiesGroup": "증권사",
  "details.noCms": "자동이체 불가",
  "details.accountNumber": "계좌번호",
  "details.accountRule": "{bank} 계좌번호는 {lengths}자리입니다. 숫자만 입력하세요.",
  "details.accountRuleDefault": "계좌번호 10~16자리를 숫자만 입력하세요.",
  "details.accountRulePickBank": "먼저 은행을 선택하세요.",
  "details.accountCount": "{count}자리 입력됨",
  "details.holderName": "예금주명",
  "details.holderHint": "신청인 본인 명의의 계좌만 등록할 수 있습니다. 은행에 등록된 예금주명과 같아야 합니다.",
  "details.registeredPhone": "인증번호는 등록된 휴대전화 {phone}(으)로 보내 드립니다.",
  "details.submit": "인증번호 받기",
  "details.submitVerified": "계좌 확인",

  "check.required": "{field}을(를) 입력하세요.",
  "check.bankRequired": "은행을 선택하세요.",
  "check.birthDate": "생년월일 8자리를 올바르게 입력하세요 (예: 19900517).",
  "check.birthDateFuture": "생년월일이 미래 날짜입니다.",
  "check.businessNumber": "사업자등록번호 10자리를 입력하세요.",
  "check.phone": "휴대전화 번호를 올바르게 입력하세요 (예: 010-1234-5678).",
  "check.accountDigits": "계좌번호는 숫자만 입력하세요.",
  "check.accountLength": "{bank} 계좌번호는 {lengths}자리입니다 (지금 {count}자리).",
  "check.accountLengthDefault": "계좌번호는 10~16자리입니다 (지금 {count}자리).",
  "check.code": "인증번호 6자리를 입력하세요.",

  "otp.title": "휴대전화 인증",
  "otp.sentTo": "{phone}(으)로 인증번호 6자리를 보냈습니다.",
  "otp.toRegistered": "등록된 휴대전화 {phone}(으)로 인증번호를 보내 드립니다.",
  "otp.send": "인증번호 받기",
  "otp.code": "인증번호",
  "otp.remaining": "남은 시간 {time}",
  "otp.expired": "인증번호의 유효시간(3분)이 지났습니다. 인증번호를 다시 받으세요.",
  "otp.verify": "확인",
  "otp.resend": "인증번호 다시 받기",
  "otp.resent": "인증번호를 다시 보냈습니다.",
  "otp.changePhone": "전화번호 수정",
  "otp.again": "본인확인이 만료되었습니다. 인증번호를 다시 받아 주세요.",

  "checking.title": "계좌를 확인하고 있습니다",
  "checking.body": "은행에 예금주를 조회하는 중입니다. 잠시만 기다려 주세요.",
  "checking.failed": "계좌를 확인하지 못했습니다. 아래 표시된 항목을 고쳐 주세요.",

  "terms.title": "출금 내용과 약관 확인",
  "terms.verifiedAccount": "예금주 확인 완료",
  "terms.autoDebit": "자동이체(CMS) 출금 약관에 동의합니다.",
  "terms.privacy": "개인정보 수집·이용에 동의합니다.",
  "terms.read": "전문 보기",
  "terms.version": "버전 {version} · SHA-256 {hash}",
  "terms.mustAgree": "이 약관에 동의해야 신청할 수 있습니다.",
  "terms.changed": "약관 내용이 바뀌었습니다. 다시 읽고 동의해 주세요.",

  "sign.title": "서명",
  "sign.help": "아래 칸에 손가락이나 마우스로 서명하세요. 서명은 출금동의의 증빙으로 보관됩니다.",
  "sign.pad": "서명 입력란",
  "sign.placeholder": "여기에 서명하세요",
  "sign.clear": "지우기",
  "sign.empty": "서명을 해 주세요.",
  "sign.summary": "{name} 님은 {creditor}에 {bank} {account} 계좌의 자동이체 출금에 동의합니다.",
  "sign.submit": "동의하고 신청하기",
  "sign.submitting": "신청하는 중…",

  "done.title": "출금동의가 접수되었습니다",
  "done.titleChange": "계좌 변경이 접수되었습니다",
  "done.receipt": "접수번호",
  "done.payerCode": "납부자번호",
  "done.account": "출금 계좌",
  "done.agreedAt": "동의 일시",
  "done.status": "진행 상태",
  "done.next": "다음 절차",
  "done.next1": "수납기관이 은행(금융결제원 CMS)에 출금동의를 등록합니다. 보통 1~2 영업일이 걸립니다.",
  "done.next2": "등록 결과를 문자 메시지로 알려 드립니다.",
  "done.next3": "등록이 끝나면 자동으로 출금됩니다 (출금일: {schedule}).",
  "done.next3NoSchedule": "등록이 끝나면 청구서에 안내된 날짜에 자동으로 출금됩니다.",
  "done.next4": "출금 계좌 변경이나 해지는 문자로 받은 관리 링크에서 언제든지 할 수 있습니다.",
  "done.nextChange": "새 계좌가 등록되면 기존 계좌의 자동이체는 해지되고, 그 뒤로는 새 계좌에서 출금됩니다.",
  "done.manage": "출금동의 관리 페이지 열기",
  "done.close": "이 창은 닫아도 됩니다.",

  "status.pending": "은행 등록 대기",
  "status.submitted": "은행 심사 중",
  "status.registered": "등록 완료",
  "status.rejected": "등록 거절",
  "status.cancel_requested": "해지 요청됨",
  "status.cancelled": "해지됨",

  "link.title.invalid": "링크를 열 수 없습니다",
  "link.title.expired": "유효기간 만료",
  "link.title.used": "이미 사용한 링크",
  "link.title.revoked": "취소된 링크",
  "link.title.exhausted": "신청 마감",
  "link.title.missing": "링크 주소가 완전하지 않습니다",
  "link.title.unavailable": "지금은 페이지를 열 수 없습니다",
  "link.missing": "문자로 받은 링크를 다시 눌러 주세요. 주소 일부가 잘렸을 수 있습니다.",
  "link.help": "도움이 필요하면 요금을 청구한 기관에 문의하세요.",
  "link.invalidHelp": "문자로 받은 링크를 다시 눌러 보세요. 그래도 열리지 않으면 요금을 청구한 기관에 문의하세요.",
  "link.expiredHelp": "새 링크가 필요하면 요금을 청구한 기관에 요청하세요.",
  "link.usedHelp": "이미 출금동의를 마쳤다면 더 할 일은 없습니다. 계좌 변경이나 해지는 완료 문자에 있는 관리 링크를 이용하세요.",

  "manage.hello": "{name} 님",
  "manage.intro": "{creditor}에 등록된 자동이체 출금동의입니다.",
  "manage.phone": "인증번호 수신 번호: {phone}",
  "manage.consents": "등록된 출금 계좌",
  "manage.none": "유효한 출금동의가 없습니다.",
  "manage.agreedOn": "{date} 동의",
  "manage.change": "출금 계좌 변경",
  "manage.withdraw": "출금동의 해지",
  "manage.changePending": "진행 중인 등록이 끝난 뒤에 계좌를 변경할 수 있습니다.",
  "manage.back": "관리 화면으로",
  "withdraw.title": "출금동의 해지",
  "withdraw.warning": "해지하면 이후로는 자동이체로 출금되지 않습니다. 아직 내지 않은 요금은 다른 방법으로 납부해야 할 수 있습니다.",
  "withdraw.reason": "해지 사유",
  "withdraw.reasonHint": "적지 않아도 됩니다.",
  "withdraw.submit": "해지 신청하기",
  "withdraw.submitting": "해지 신청 중…",
  "withdraw.done": "출금동의 해지가 접수되었습니다",
  "withdraw.doneBody": "{date}부터 새 자동이체 출금은 요청되지 않습니다. 은행 등록이 해지되면 문자로 알려 드립니다.",
  "withdraw.result.cancel_requested": "해지 요청됨",
  "withdraw.result.cancelled": "해지됨",
  "withdraw.result.submitted": "등록 후 해지",
};

export type MessageKey = keyof typeof ko;

const en: Record<MessageKey, string> = {
  "page.title": "Automatic debit consent",
  "page.titleManage": "Manage your debit consent",
  "lang.switch": "한국어",
  "lang.switchLabel": "한국어로 보기",
  "common.loading": "Loading…",
  "common.next": "Next",
  "common.back": "Back",
  "common.retry": "Try again",
  "common.required": "Required",
  "common.optional": "Optional",
  "errors.network": "Could not reach the server. Check your connection and try again.",
  "errors.fixBelow": "Please check the fields marked below.",

  "steps.details": "Your details",
  "steps.otp": "Phone check",
  "steps.terms": "Terms",
  "steps.sign": "Signature",
  "steps.progress": "Step {n} of {total}",

  "intro.enroll": "Give {creditor} your consent to collect its charges from your bank account by automatic debit.",
  "intro.change": "Register a new account for automatic debits. Once the bank registers it, the debits from your old account stop.",
  "debit.creditor": "Collected by",
  "debit.amount": "Amount",
  "debit.schedule": "Debit date",
  "debit.amountUnset": "As invoiced",
  "debit.scheduleUnset": "As stated on each invoice",
  "debit.account": "Account",

  "details.kind": "You are",
  "details.kindIndividual": "An individual",
  "details.kindBusiness": "A business",
  "details.name": "Name",
  "details.nameBusiness": "Business name",
  "details.representative": "Representative",
  "details.birthDate": "Date of birth",
  "details.birthDateHint": "8 digits, year first (e.g. 19900517).",
  "details.businessNumber": "Business registration number",
  "details.businessNumberHint": "10 digits (hyphens optional).",
  "details.phone": "Mobile phone number",
  "details.phoneHint": "We send a verification code to this number.",
  "details.sectionPayer": "About you",
  "details.sectionAccount": "Account to debit",
  "details.bank": "Bank",
  "details.bankPlaceholder": "Choose your bank",
  "details.banksGroup": "Banks",
  "details.securitiesGroup": "Securities firms",
  "details.noCms": "no automatic debit",
  "details.accountNumber": "Account number",
  "details.accountRule": "{bank} account numbers have {lengths} digits. Digits only.",
  "details.accountRuleDefault": "Enter the account number, 10 to 16 digits only.",
  "details.accountRulePickBank": "Choose the bank first.",
  "details.accountCount": "{count} digits entered",
  "details.holderName": "Account holder",
  "details.holderHint": "Only an account in your own name can be used. The name must match the bank's records.",
  "details.registeredPhone": "We send the code to your registered phone {phone}.",
  "details.submit": "Send me a code",
  "details.submitVerified": "Check the account",

  "check.required": "Enter the {field}.",
  "check.bankRequired": "Choose a bank.",
  "check.birthDate": "Enter your date of birth as 8 digits (e.g. 19900517).",
  "check.birthDateFuture": "The date of birth is in the future.",
  "check.businessNumber": "Enter the 10-digit business registration number.",
  "check.phone": "Enter a valid mobile number (e.g. 010-1234-5678).",
  "check.accountDigits": "Enter the account number in digits only.",
  "check.accountLength": "{bank} account numbers have {lengths} digits (you entered {count}).",
  "check.accountLengthDefault": "Account numbers have 10 to 16 digits (you entered {count}).",
  "check.code": "Enter the 6-digit code.",

  "otp.title": "Confirm your phone",
  "otp.sentTo": "We sent a 6-digit code to {phone}.",
  "otp.toRegistered": "We send a code to your registered phone {phone}.",
  "otp.send": "Send me a code",
  "otp.code": "Verification code",
  "otp.remaining": "Time left {time}",
  "otp.expired": "The code has expired (valid 3 minutes). Request a new one.",
  "otp.verify": "Confirm",
  "otp.resend": "Send a new code",
  "otp.resent": "A new code is on its way.",
  "otp.changePhone": "Change the number",
  "otp.again": "Your phone check has expired. Please request a new code.",

  "checking.title": "Checking your account",
  "checking.body": "Asking the bank to confirm the account holder. This takes a moment.",
  "checking.failed": "The account could not be confirmed. Please correct the fields marked below.",

  "terms.title": "Review the debit and the terms",
  "terms.verifiedAccount": "Holder confirmed",
  "terms.autoDebit": "I agree to the automatic debit (CMS) terms.",
  "terms.privacy": "I agree to the collection and use of my personal data.",
  "terms.read": "Read the full text",
  "terms.version": "Version {version} · SHA-256 {hash}",
  "terms.mustAgree": "You need to agree to this to continue.",
  "terms.changed": "The terms have changed. Please read them and agree again.",

  "sign.title": "Signature",
  "sign.help": "Sign in the box below with your finger or mouse. Your signature is kept as evidence of this consent.",
  "sign.pad": "Signature pad",
  "sign.placeholder": "Sign here",
  "sign.clear": "Clear",
  "sign.empty": "Please sign.",
  "sign.summary": "{name} agrees that {creditor} collects by automatic debit from {bank} account {account}.",
  "sign.submit": "Agree and submit",
  "sign.submitting": "Submitting…",

  "done.title": "Your consent has been received",
  "done.titleChange": "Your account change has been received",
  "done.receipt": "Receipt number",
  "done.payerCode": "Payer number",
  "done.account": "Account",
  "done.agreedAt": "Agreed at",
  "done.status": "Status",
  "done.next": "What happens next",
  "done.next1": "The creditor registers your consent with the bank (KFTC CMS). This usually takes 1–2 banking days.",
  "done.next2": "We tell you the result by text message.",
  "done.next3": "Once registered, payments are debited automatically (debit date: {schedule}).",
  "done.next3NoSchedule": "Once registered, payments are debited automatically on the dates shown on each invoice.",
  "done.next4": "You can change the account or withdraw your consent at any time from the link in the confirmation message.",
  "done.nextChange": "Once the new account is registered, the old one's automatic debit is cancelled and payments come from the new account.",
  "done.manage": "Open the consent management page",
  "done.close": "You can close this window now.",

  "status.pending": "Waiting to be sent to the bank",
  "status.submitted": "With the bank",
  "status.registered": "Registered",
  "status.rejected": "Rejected",
  "status.cancel_requested": "Cancellation requested",
  "status.cancelled": "Cancelled",

  "link.title.invalid": "This link cannot be opened",
  "link.title.expired": "Link expired",
  "link.title.used": "Link already used",
  "link.title.revoked": "Link revoked",
  "link.title.exhausted": "Sign-up closed",
  "link.title.missing": "The link is incomplete",
  "link.title.unavailable": "The page cannot be opened right now",
  "link.missing": "Open the link from your text message again; part of the address may be missing.",
  "link.help": "If you need help, contact the organisation that bills you.",
  "link.invalidHelp": "Tap the link in your text message again. If it still does not open, contact the organisation that bills you.",
  "link.expiredHelp": "If you need a new link, ask the organisation that bills you.",
  "link.usedHelp": "If you already gave your consent, there is nothing more to do. To change the account or withdraw, use the link in the confirmation message.",

  "manage.hello": "Hello, {name}",
  "manage.intro": "Your automatic debit consent with {creditor}.",
  "manage.phone": "Codes are sent to {phone}",
  "manage.consents": "Registered accounts",
  "manage.none": "You have no consent in force.",
  "manage.agreedOn": "Agreed on {date}",
  "manage.change": "Change the account",
  "manage.withdraw": "Withdraw my consent",
  "manage.changePending": "You can change the account once the registration in progress is finished.",
  "manage.back": "Back to my consent",
  "withdraw.title": "Withdraw the consent",
  "withdraw.warning": "After this, nothing is debited automatically any more. Charges still open may have to be paid another way.",
  "withdraw.reason": "Reason",
  "withdraw.reasonHint": "You may leave this empty.",
  "withdraw.submit": "Withdraw my consent",
  "withdraw.submitting": "Withdrawing…",
  "withdraw.done": "Your consent has been withdrawn",
  "withdraw.doneBody": "From {date} no new automatic debit is requested. We send you a text message once the bank has cancelled the registration.",
  "withdraw.result.cancel_requested": "Cancellation requested",
  "withdraw.result.cancelled": "Cancelled",
  "withdraw.result.submitted": "Cancelled once registered",
};

const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { ko, en };

export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return CATALOGUES[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface LocaleState {
  locale: Locale;
  t: Translate;
  setLocale: (locale: Locale) => void;
}

export const LocaleContext = createContext<LocaleState>({ locale: "ko", t: (key, params) => translate("ko", key, params), setLocale: () => undefined });

export function useLocale(): LocaleState {
  return useContext(LocaleContext);
}

const STORAGE_KEY = "sunap.enroll.locale";

/** Korean unless the payer chose English on this browser. */
export function initialLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "ko";
  } catch {
    return "ko";
  }
}

export function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private windows may refuse storage: the choice then lasts for this page only.
  }
}
