import { createHmac, hkdfSync } from "node:crypto";
import { businessDateFromDb, businessDateToDb, type BusinessDate } from "@sunap/core";
import type {
  SandboxBankStore,
  SandboxBankStoreTransaction,
  SandboxFileKind,
  SandboxRegistration,
  SandboxRegistrationKey,
  SandboxResultFile,
  SandboxSubmission,
} from "@sunap/rails";
import type { Db, Tx } from "./prisma-client.ts";
import { decryptField, encryptField } from "./pii/field-cipher.ts";
import type { Keyring } from "./pii/keyring.ts";

/** Encryption contexts of the sandbox bank's columns. */
export const SANDBOX_BANK_FIELD_CONTEXT = {
  file: "sandbox_bank.file",
  accountNumber: "sandbox_bank_registration.account_number",
  birthOrBusinessNumber: "sandbox_bank_registration.birth_or_business_number",
} as const;

/** Any fixed number: the advisory lock that makes the store's transactions run one at a time. */
const STORE_LOCK = 7_413_001;

/**
 * The sandbox bank's state in PostgreSQL, for demos and e2e runs. Files hold account numbers,
 * so their bytes are stored encrypted (base64 inside an AES-256-GCM field token); a
 * registration is found by an HMAC of its key, its account and birth numbers encrypted.
 * `transaction` takes an advisory lock so two workers never answer the same submission twice.
 */
export class PgSandboxBankStore implements SandboxBankStore {
  private readonly lookupKey: Buffer;

  constructor(
    private readonly db: Db,
    private readonly keyring: Keyring,
  ) {
    this.lookupKey = Buffer.from(hkdfSync("sha256", keyring.blindIndexKey, Buffer.alloc(0), "sunap.sandbox_bank.registration.v1", 32));
  }

  transaction<T>(work: (tx: SandboxBankStoreTransaction) => Promise<T>): Promise<T> {
    return this.db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${STORE_LOCK})`;
        return work(this.over(tx));
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
  }

  private encryptBytes(bytes: Uint8Array): string {
    return encryptField(this.keyring, Buffer.from(bytes).toString("base64"), SANDBOX_BANK_FIELD_CONTEXT.file);
  }

  private decryptBytes(token: string): Uint8Array {
    return new Uint8Array(Buffer.from(decryptField(this.keyring, token, SANDBOX_BANK_FIELD_CONTEXT.file), "base64"));
  }

  private keyOf(key: SandboxRegistrationKey): string {
    return createHmac("sha256", this.lookupKey).update([key.orgCode, key.payerNumber, key.bankCode, key.accountNumber].join("|"), "utf8").digest("base64url");
  }

  private over(tx: Tx): SandboxBankStoreTransaction {
    const submissionOf = (row: {
      id: string;
      kind: string;
      orgCode: string;
      fileDate: Date;
      sequence: number;
      contentSha256: string;
      contentEnc: string;
      submittedAt: Date;
      receivedOn: Date;
      availableOn: Date;
    }): SandboxSubmission => ({
      id: row.id,
      kind: row.kind as SandboxFileKind,
      orgCode: row.orgCode,
      fileDate: businessDateFromDb(row.fileDate),
      sequence: row.sequence,
      contentSha256: row.contentSha256,
      bytes: this.decryptBytes(row.contentEnc),
      submittedAt: row.submittedAt,
      receivedOn: businessDateFromDb(row.receivedOn),
      availableOn: businessDateFromDb(row.availableOn),
    });
    const resultOf = (row: { id: string; submissionId: string; kind: string; availableOn: Date; contentEnc: string }): SandboxResultFile => ({
      id: row.id,
      submissionId: row.submissionId,
      kind: row.kind as SandboxFileKind,
      availableOn: businessDateFromDb(row.availableOn),
      bytes: this.decryptBytes(row.contentEnc),
    });
    return {
      findSubmission: async (id) => {
        const row = await tx.sandboxBankSubmission.findUnique({ where: { id } });
        return row ? submissionOf(row) : undefined;
      },
      addSubmission: async (s) => {
        await tx.sandboxBankSubmission.create({
          data: {
            id: s.id,
            kind: s.kind,
            orgCode: s.orgCode,
            fileDate: businessDateToDb(s.fileDate),
            sequence: s.sequence,
            contentSha256: s.contentSha256,
            contentEnc: this.encryptBytes(s.bytes),
            submittedAt: s.submittedAt,
            receivedOn: businessDateToDb(s.receivedOn),
            availableOn: businessDateToDb(s.availableOn),
          },
        });
      },
      dueSubmissions: async (date: BusinessDate) => {
        const rows = await tx.sandboxBankSubmission.findMany({ where: { answered: false, availableOn: { lte: businessDateToDb(date) } }, orderBy: [{ submittedAt: "asc" }, { id: "asc" }] });
        return rows.map(submissionOf);
      },
      addResultFile: async (file) => {
        const { count } = await tx.sandboxBankResultFile.createMany({
          data: [{ id: file.id, submissionId: file.submissionId, kind: file.kind, availableOn: businessDateToDb(file.availableOn), contentEnc: this.encryptBytes(file.bytes) }],
          skipDuplicates: true,
        });
        if (count === 1) await tx.sandboxBankSubmission.update({ where: { id: file.submissionId }, data: { answered: true } });
      },
      resultFiles: async (kind, from, to) => {
        const rows = await tx.sandboxBankResultFile.findMany({
          where: { kind, availableOn: { lte: businessDateToDb(to), ...(from === undefined ? {} : { gte: businessDateToDb(from) }) } },
          orderBy: [{ availableOn: "asc" }, { id: "asc" }],
        });
        return rows.map(resultOf);
      },
      findRegistration: async (key) => {
        const row = await tx.sandboxBankRegistration.findUnique({ where: { lookupKey: this.keyOf(key) } });
        if (!row) return undefined;
        const registration: SandboxRegistration = {
          orgCode: row.orgCode,
          payerNumber: row.payerNumber,
          bankCode: row.bankCode,
          accountNumber: decryptField(this.keyring, row.accountNumberEnc, SANDBOX_BANK_FIELD_CONTEXT.accountNumber),
          birthOrBusinessNumber: decryptField(this.keyring, row.birthOrBusinessNumberEnc, SANDBOX_BANK_FIELD_CONTEXT.birthOrBusinessNumber),
          holderName: row.holderName,
          registeredOn: businessDateFromDb(row.registeredOn),
        };
        return registration;
      },
      saveRegistration: async (r) => {
        const data = {
          orgCode: r.orgCode,
          payerNumber: r.payerNumber,
          bankCode: r.bankCode,
          accountNumberEnc: encryptField(this.keyring, r.accountNumber, SANDBOX_BANK_FIELD_CONTEXT.accountNumber),
          birthOrBusinessNumberEnc: encryptField(this.keyring, r.birthOrBusinessNumber, SANDBOX_BANK_FIELD_CONTEXT.birthOrBusinessNumber),
          holderName: r.holderName,
          registeredOn: businessDateToDb(r.registeredOn),
        };
        const lookupKey = this.keyOf(r);
        await tx.sandboxBankRegistration.upsert({ where: { lookupKey }, create: { lookupKey, ...data }, update: data });
      },
      deleteRegistration: async (key) => {
        await tx.sandboxBankRegistration.deleteMany({ where: { lookupKey: this.keyOf(key) } });
      },
    };
  }
}
