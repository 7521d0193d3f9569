import type { BusinessDate } from "@sunap/core";
import type { CmsFileType } from "../cms-files/layouts.ts";

/** What identifies a batch file: its type, the institution, its date and its number of the day. */
export interface FileIdentity {
  fileType: CmsFileType;
  orgCode: string;
  fileDate: BusinessDate;
  sequence: number;
}

const compactDate = (date: BusinessDate) => date.replaceAll("-", "");
const threeDigits = (sequence: number) => String(sequence).padStart(3, "0");

/** `EB13_9912345678_20261124_001.dat`: the name a file has in the exchange directories. */
export function exchangeFileName(file: FileIdentity): string {
  return `${file.fileType}_${file.orgCode}_${compactDate(file.fileDate)}_${threeDigits(file.sequence)}.dat`;
}

/** `EB13-9912345678-20261124-001`: the id the provider returns for a file (the sandbox bank's form). */
export function exchangeFileId(file: FileIdentity): string {
  return [file.fileType, file.orgCode, compactDate(file.fileDate), threeDigits(file.sequence)].join("-");
}

const NAME = /^(EB1[34]|EB2[12])_([A-Za-z0-9]+)_(\d{8})_(\d{3})\.dat$/;

/** Institution codes are letters and digits: anything else could not be a file name safely. */
export function isSafeOrgCode(orgCode: string): boolean {
  return /^[A-Za-z0-9]{1,10}$/.test(orgCode);
}

/** The file date written in an exchange file name, or undefined for a name of another form. */
export function fileDateOfName(name: string): BusinessDate | undefined {
  const match = NAME.exec(name);
  if (!match) return undefined;
  const digits = match[3]!;
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
}

/** The file type written in an exchange file name. */
export function fileTypeOfName(name: string): CmsFileType | undefined {
  return NAME.exec(name)?.[1] as CmsFileType | undefined;
}
