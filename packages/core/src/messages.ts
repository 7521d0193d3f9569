/**
 * The error catalogue: every DomainError code has a Korean and an English message.
 * `{name}` placeholders take the error's params. A test checks both languages are complete.
 */
export const MESSAGES = {
  "auth.invalid_credentials": { ko: "이메일 또는 비밀번호가 올바르지 않습니다.", en: "The e-mail or password is not correct." },
  "auth.locked": { ko: "로그인 실패가 반복되어 {until}까지 잠겼습니다.", en: "Too many failed sign-ins: locked until {until}." },
  "auth.rate_limited": { ko: "요청이 너무 많습니다. {seconds}초 후 다시 시도하세요.", en: "Too many attempts. Try again in {seconds} seconds." },
  "auth.disabled": { ko: "사용이 중지된 계정입니다.", en: "This account is disabled." },
  "auth.not_signed_in": { ko: "로그인이 필요합니다. 세션이 만료되었을 수 있습니다.", en: "Please sign in. Your session may have expired." },
  "auth.csrf": { ko: "보안 토큰이 없거나 맞지 않습니다. 페이지를 새로 고치세요.", en: "The security token is missing or wrong. Reload the page." },
  "auth.forbidden": { ko: "이 작업({permission})을 할 권한이 없습니다.", en: "You do not have permission for this ({permission})." },
  "auth.store_forbidden": { ko: "다른 가맹점({storeId})의 자료는 볼 수 없습니다.", en: "You cannot see another store's data (store {storeId})." },
  "auth.wrong_current_password": { ko: "현재 비밀번호가 올바르지 않습니다.", en: "The current password is not correct." },
  "password.too_short": { ko: "비밀번호는 10자 이상이어야 합니다.", en: "The password needs at least 10 characters." },
  "password.too_long": { ko: "비밀번호는 128자 이하여야 합니다.", en: "The password may have at most 128 characters." },
  "password.needs_letter_and_digit": { ko: "비밀번호에는 영문자와 숫자가 모두 있어야 합니다.", en: "The password needs both a letter and a digit." },
  "password.contains_email": { ko: "비밀번호에 이메일 아이디를 넣을 수 없습니다.", en: "The password may not contain the e-mail's name." },
  "money.empty": { ko: "금액을 입력하세요.", en: "Enter an amount." },
  "money.not_a_number": { ko: "금액은 숫자로 입력하세요.", en: "Enter the amount in digits." },
  "money.fraction": { ko: "원 단위 미만은 입력할 수 없습니다.", en: "Amounts below one won are not possible." },
  "money.negative": { ko: "음수는 입력할 수 없습니다.", en: "The amount cannot be negative." },
  "money.overflow": { ko: "금액이 너무 큽니다.", en: "The amount is too large." },
  "ledger.bad_date": { ko: "날짜 {value}가 올바르지 않습니다.", en: "The date {value} is not valid." },
  "ledger.no_idempotency_key": { ko: "멱등키가 없습니다.", en: "The idempotency key is missing." },
  "ledger.too_few_lines": { ko: "분개에는 두 줄 이상이 필요합니다.", en: "An entry needs at least two lines." },
  "ledger.unknown_account": { ko: "{line}번째 줄의 계정 {account}이(가) 계정과목표에 없습니다.", en: "Line {line}: account {account} is not in the chart of accounts." },
  "ledger.zero_line": { ko: "{line}번째 줄의 금액이 0입니다.", en: "Line {line} has a zero amount." },
  "ledger.unbalanced": { ko: "차변과 대변이 일치하지 않습니다 (차이 {difference}원).", en: "Debits and credits differ (by {difference} won)." },
  "ledger.period_closed": { ko: "{month} 회계기간은 마감되어 전표를 입력할 수 없습니다.", en: "The accounting period {month} is closed: no entries can be dated in it." },
  "ledger.append_only": { ko: "원장은 수정하거나 삭제할 수 없습니다. 역분개로 정정하세요.", en: "The ledger cannot be changed or deleted; correct it with a reversing entry." },
  "ledger.already_reversed": { ko: "이미 역분개된 전표입니다.", en: "This entry has already been reversed." },
  "period.already_closed": { ko: "{month}은(는) 이미 마감되었습니다.", en: "{month} is already closed." },
  "period.not_closed": { ko: "{month}은(는) 마감되지 않았습니다.", en: "{month} is not closed." },
  "period.future": { ko: "아직 끝나지 않은 달({month})은 마감할 수 없습니다.", en: "{month} has not ended yet and cannot be closed." },
  "store.code_taken": { ko: "가맹점 코드 {code}는 이미 사용 중입니다.", en: "The store code {code} is already used." },
  "store.closed_before_opened": { ko: "폐점일은 개점일보다 빠를 수 없습니다.", en: "A store cannot close before it opened." },
  "user.email_taken": { ko: "이메일 {email}은 이미 등록되어 있습니다.", en: "The e-mail {email} is already registered." },
  "user.store_owner_needs_store": { ko: "가맹점주에게는 가맹점을 하나 이상 지정해야 합니다.", en: "A store owner needs at least one store." },
  "user.cannot_demote_self": { ko: "자기 자신의 관리자 권한은 바꿀 수 없습니다.", en: "You cannot change or disable your own admin account." },
  "clock.demo_only": { ko: "업무일자 변경은 데모 모드에서만 가능합니다.", en: "The business date can only be changed in demo mode." },
  "org.bad_business_number": { ko: "사업자등록번호의 검증번호가 맞지 않습니다.", en: "The business registration number's check digit is wrong." },
  "payer.birth_date_invalid": { ko: "생년월일이 올바른 날짜가 아닙니다.", en: "The birth date is not a valid date." },
  "payer.birth_date_future": { ko: "생년월일이 미래 날짜입니다.", en: "The birth date is in the future." },
  "payer.under_minimum_age": { ko: "만 14세 미만은 법정대리인의 동의가 필요하여 직접 등록할 수 없습니다.", en: "Payers under 14 need a guardian's consent and cannot be registered on their own." },
  "payer.bad_phone": { ko: "전화번호 형식이 올바르지 않습니다 (예: 010-1234-5678).", en: "The phone number is not valid (e.g. 010-1234-5678)." },
  "payer.bad_business_number": { ko: "사업자등록번호의 검증번호가 맞지 않습니다.", en: "The business registration number's check digit is wrong." },
  "payer.code_taken": { ko: "납부자 번호 {payerCode}는 이미 사용 중입니다.", en: "The payer code {payerCode} is already used." },
  "payer.birth_date_required": { ko: "개인 납부자는 생년월일이 필요합니다.", en: "An individual payer needs a birth date." },
  "payer.business_number_required": { ko: "사업자 납부자는 사업자등록번호와 대표자가 필요합니다.", en: "A business payer needs a business number and a representative." },
  "payer.unknown_plugin": { ko: "알 수 없는 업종 플러그인입니다: {plugin}", en: "Unknown industry plugin: {plugin}" },
  "payer.unknown_store": { ko: "가맹점 {storeId}가 없습니다.", en: "Store {storeId} does not exist." },
  "payer.reason_required": { ko: "개인정보 열람 사유를 입력하세요.", en: "Give a reason for viewing personal data." },
  "not_found": { ko: "{entity}을(를) 찾을 수 없습니다.", en: "{entity} was not found." },
  "input.invalid": { ko: "입력값이 올바르지 않습니다: {detail}", en: "The input is not valid: {detail}" },
  "internal": { ko: "서버 오류가 발생했습니다. 잠시 후 다시 시도하세요.", en: "Something went wrong on the server. Please try again shortly." },
} as const satisfies Record<string, { ko: string; en: string }>;

export type MessageCode = keyof typeof MESSAGES;

export function translate(code: string, locale: "ko" | "en", params: Record<string, string | number> = {}): string {
  const entry = (MESSAGES as Record<string, { ko: string; en: string } | undefined>)[code];
  const template = entry ? entry[locale] : code;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
