/**
 * Korean and English text for every code this package throws or returns, in the shape of the
 * core catalogue (`{name}` placeholders take the error's params) so the two can be merged.
 */
export const RAIL_MESSAGES = {
  "calendar.bad_date": { ko: "날짜 {value}가 올바르지 않습니다.", en: "The date {value} is not valid." },
  "calendar.year_not_covered": {
    ko: "{year}년 영업일 달력이 없습니다. 관리자가 그 해의 공휴일을 등록해야 합니다.",
    en: "There is no banking calendar for {year}: an administrator needs to add that year's holidays.",
  },
  "calendar.bad_day_count": { ko: "영업일 수 {value}가 정수가 아닙니다.", en: "The number of banking days {value} is not a whole number." },
  "calendar.not_a_banking_day": { ko: "{date}는 은행 영업일이 아닙니다.", en: "{date} is not a banking day." },
  "calendar.bad_cutoff": { ko: "마감 시각 {value}가 올바르지 않습니다 (예: 17:00).", en: "The cut-off time {value} is not valid (e.g. 17:00)." },
  "calendar.bad_time_zone": { ko: "시간대 {value}를 알 수 없습니다.", en: "The time zone {value} is not known." },

  "account.unknown_bank": { ko: "은행 코드 {bankCode}를 알 수 없습니다.", en: "The bank code {bankCode} is not known." },
  "account.cms_not_accepted": { ko: "{bankName}은(는) CMS 자동이체를 받지 않습니다.", en: "{bankName} does not accept CMS direct debits." },
  "account.empty": { ko: "계좌번호를 입력하세요.", en: "Enter the account number." },
  "account.not_digits": { ko: "계좌번호는 숫자만 입력하세요.", en: "Enter the account number in digits only." },
  "account.too_short": { ko: "계좌번호가 너무 짧습니다 ({min}자리 이상).", en: "The account number is too short (at least {min} digits)." },
  "account.too_long": { ko: "계좌번호가 너무 깁니다 ({max}자리 이하).", en: "The account number is too long (at most {max} digits)." },
  "account.length_not_allowed": {
    ko: "{bankName} 계좌번호는 {lengths}자리입니다.",
    en: "{bankName} account numbers have {lengths} digits.",
  },
  "account.repeated_digit": { ko: "같은 숫자만 반복된 계좌번호는 사용할 수 없습니다.", en: "An account number of one repeated digit is not valid." },

  "cms_file.empty_file": { ko: "파일이 비어 있습니다.", en: "The file is empty." },
  "cms_file.utf8_file": {
    ko: "{record}번째 레코드: 파일이 UTF-8로 저장되어 있습니다. CP949(EUC-KR)여야 합니다. 파일 전체를 거부합니다.",
    en: "Record {record}: the file is in UTF-8; it must be CP949 (EUC-KR). The whole file is rejected.",
  },
  "cms_file.not_cp949": {
    ko: "{record}번째 레코드: CP949로 읽을 수 없는 바이트가 있습니다. 파일 전체를 거부합니다.",
    en: "Record {record}: contains bytes that are not valid CP949. The whole file is rejected.",
  },
  "cms_file.unterminated_record": {
    ko: "{record}번째 레코드가 줄바꿈(CRLF)으로 끝나지 않습니다. 파일이 잘렸을 수 있습니다.",
    en: "Record {record} does not end with CRLF: the file may be cut short.",
  },
  "cms_file.wrong_line_ending": {
    ko: "{record}번째 레코드가 CRLF가 아닌 줄바꿈으로 끝납니다. 레코드는 CRLF로 구분해야 합니다.",
    en: "Record {record} ends with a line break other than CRLF: records must be separated by CRLF.",
  },
  "cms_file.record_too_short": {
    ko: "{record}번째 레코드가 {actual}바이트입니다 ({expected}바이트여야 함). 레코드가 잘렸습니다.",
    en: "Record {record} is {actual} bytes instead of {expected}: it is truncated.",
  },
  "cms_file.record_too_long": {
    ko: "{record}번째 레코드가 {actual}바이트입니다 ({expected}바이트여야 함).",
    en: "Record {record} is {actual} bytes instead of {expected}: it is too long.",
  },
  "cms_file.record_order": {
    ko: "{record}번째 레코드: {expected} 레코드가 와야 하는데 '{found}'입니다.",
    en: "Record {record}: expected {expected}, found '{found}'.",
  },
  "cms_file.wrong_file_type": {
    ko: "{record}번째 레코드: 파일 종류가 {found}입니다 ({expected} 파일이어야 함).",
    en: "Record {record}: the file type is {found}; expected {expected}.",
  },
  "cms_file.not_numeric": { ko: "{record}번째 레코드의 {field} 항목이 숫자가 아닙니다.", en: "Record {record}: {field} is not numeric." },
  "cms_file.invalid_date": { ko: "{record}번째 레코드의 {field} 항목이 올바른 날짜가 아닙니다.", en: "Record {record}: {field} is not a valid date." },
  "cms_file.invalid_code": {
    ko: "{record}번째 레코드의 {field} 항목 값 '{value}'를 알 수 없습니다.",
    en: "Record {record}: '{value}' is not a known value for {field}.",
  },
  "cms_file.invalid_identity_number": {
    ko: "{record}번째 레코드의 {field} 항목은 생년월일 6자리 또는 사업자등록번호 10자리여야 합니다.",
    en: "Record {record}: {field} must be a birth date (6 digits) or a business number (10 digits).",
  },
  "cms_file.blank_required": { ko: "{record}번째 레코드의 {field} 항목이 비어 있습니다.", en: "Record {record}: {field} is blank." },
  "cms_file.filler_not_blank": {
    ko: "{record}번째 레코드의 예비 영역({field})이 공백이 아닙니다. 레코드 위치가 어긋났을 수 있습니다.",
    en: "Record {record}: the filler ({field}) is not blank; the record may be misaligned.",
  },
  "cms_file.invalid_character": {
    ko: "{record}번째 레코드의 {field} 항목에 쓸 수 없는 문자가 있습니다.",
    en: "Record {record}: {field} contains a character that is not allowed.",
  },
  "cms_file.org_code_mismatch": {
    ko: "{record}번째 레코드의 이용기관코드가 헤더와 다릅니다.",
    en: "Record {record}: the institution code differs from the header's.",
  },
  "cms_file.serial_out_of_sequence": {
    ko: "{record}번째 레코드의 일련번호가 {actual}입니다 ({expected}이어야 함).",
    en: "Record {record}: serial number {actual}, expected {expected}.",
  },
  "cms_file.record_count_mismatch": {
    ko: "{record}번째 레코드(트레일러)의 건수 {declared}가 실제 데이터 레코드 수 {actual}와 다릅니다. 파일 전체를 거부합니다.",
    en: "Record {record} (trailer) declares {declared} records but the file has {actual}. The whole file is rejected.",
  },
  "cms_file.amount_total_mismatch": {
    ko: "{record}번째 레코드(트레일러)의 {field} 합계 {declared}원이 실제 합계 {actual}원과 다릅니다. 파일 전체를 거부합니다.",
    en: "Record {record} (trailer): {field} total {declared} won differs from the records' {actual} won. The whole file is rejected.",
  },
  "cms_file.inconsistent_result": {
    ko: "{record}번째 레코드의 처리결과(결과구분·출금액·불능코드)가 서로 맞지 않습니다.",
    en: "Record {record}: the result is inconsistent: {detail}.",
  },
  "cms_file.value_too_long": {
    ko: "{record}번째 레코드의 {field} 항목이 {max}바이트를 넘습니다.",
    en: "Record {record}: {field} is longer than {max} bytes.",
  },
  "cms_file.unencodable": {
    ko: "{record}번째 레코드의 {field} 항목에 CP949로 쓸 수 없는 문자가 있습니다.",
    en: "Record {record}: {field} contains a character CP949 cannot represent.",
  },
  "cms_file.amount_out_of_range": {
    ko: "{record}번째 레코드의 {field} 금액이 허용 범위를 벗어났습니다.",
    en: "Record {record}: the amount in {field} is out of range.",
  },
  "cms_file.too_many_records": { ko: "한 파일에는 {max}건까지 넣을 수 있습니다.", en: "A file holds at most {max} records." },

  "file_exchange.submission_conflict": {
    ko: "같은 파일 번호({submissionId})로 내용이 다른 파일이 이미 전송 대기열에 들어갔습니다.",
    en: "A different file with the same file number ({submissionId}) was already handed over for transfer.",
  },
  "file_exchange.bad_org_code": {
    ko: "이용기관코드 '{value}'는 영문자와 숫자로만 이루어져야 합니다.",
    en: "The institution code '{value}' must be letters and digits only.",
  },
  "file_exchange.unmatched_result": {
    ko: "결과 파일 {fileId}에 해당하는, 이 설치본이 보낸 요청 파일이 없습니다 (이용기관코드·파일번호·레코드가 맞는 파일).",
    en: "The result file {fileId} answers no file this installation sent (same institution code, file number and records).",
  },
  "file_exchange.result_conflict": {
    ko: "결과 파일 {fileId}는 이미 내용이 다른 파일로 처리되었습니다.",
    en: "The result file {fileId} was already processed with different content.",
  },

  "sandbox_bank.submission_conflict": {
    ko: "같은 파일 번호({submissionId})로 내용이 다른 파일이 이미 접수되었습니다.",
    en: "A different file with the same file number ({submissionId}) was already received.",
  },
} as const satisfies Record<string, { ko: string; en: string }>;

export type RailMessageCode = keyof typeof RAIL_MESSAGES;
