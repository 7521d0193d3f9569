import { randomBytes } from "node:crypto";
import { birthDateProblem, businessDateFromDb, DomainError, isKoreanPhone, isValidBusinessNumber, phoneDigits, type BusinessDate, type ListInput } from "@sunap/core";
import {
  accountLast4Index,
  decryptField,
  encryptField,
  maskAccountNumber,
  maskBirthDate,
  maskBusinessNumber,
  maskPhone,
  phoneSearchIndex,
  type Db,
  type Keyring,
  type Prisma,
  type Tx,
} from "@sunap/db";
import { prismaListArgs } from "../list-query.ts";
import type { AuditSink } from "../procedure-audit.ts";
import type { Actor } from "../audit.ts";

export interface PayerInput {
  payerCode: string;
  kind: "individual" | "business";
  name: string;
  birthDate: string | null;
  businessNumber: string | null;
  representative: string | null;
  phone: string;
  email: string | null;
  address: string | null;
  tags: string[];
  plugins: string[];
  storeId: number | null;
}

/** A new payer; `payerCode: null` has one assigned (see `assignedPayerCode`). */
export type NewPayerInput = Omit<PayerInput, "payerCode"> & { payerCode: string | null };

/** The business date the checks use (a birth date in the future, the minimum age) and, if given, the clock's time stamped on the row. */
export interface PayerWriteTime {
  today: BusinessDate;
  now?: Date;
}

/** An update: the encrypted fields left out (undefined) keep their stored values. */
export type PayerChanges = Omit<PayerInput, "birthDate" | "businessNumber" | "phone"> & { birthDate?: string | null; businessNumber?: string | null; phone?: string };

/** The encryption context of each personal column: a token copied to another column will not decrypt. */
export const PAYER_FIELD_CONTEXT = {
  birthDate: "payer.birth_date",
  businessNumber: "payer.business_number",
  phone: "payer.phone",
  accountNumber: "payer_account.account_number",
} as const;

type PayerRow = Prisma.PayerGetPayload<{ include: { accounts: true; store: { select: { id: true; code: true; name: true } } } }>;

const include = { accounts: true, store: { select: { id: true, code: true, name: true } } } as const;

function validate(input: PayerInput, today: BusinessDate, knownPlugins: readonly string[]): void {
  if (!isKoreanPhone(input.phone)) throw new DomainError("INVALID", "payer.bad_phone", {}, "phone");
  if (input.kind === "individual") {
    if (!input.birthDate) throw new DomainError("INVALID", "payer.birth_date_required", {}, "birthDate");
    const problem = birthDateProblem(input.birthDate, today);
    if (problem) throw new DomainError("INVALID", problem, {}, "birthDate");
  } else {
    if (!input.businessNumber || !input.representative) throw new DomainError("INVALID", "payer.business_number_required", {}, input.businessNumber ? "representative" : "businessNumber");
    if (!isValidBusinessNumber(input.businessNumber)) throw new DomainError("INVALID", "payer.bad_business_number", {}, "businessNumber");
  }
  const unknown = input.plugins.find((p) => !knownPlugins.includes(p));
  if (unknown) throw new DomainError("INVALID", "payer.unknown_plugin", { plugin: unknown }, "plugins");
}

function encryptedColumns(keyring: Keyring, input: PayerInput) {
  const individual = input.kind === "individual";
  return {
    payerCode: input.payerCode,
    kind: input.kind,
    name: input.name,
    birthDateEnc: individual && input.birthDate ? encryptField(keyring, input.birthDate, PAYER_FIELD_CONTEXT.birthDate) : null,
    businessNumberEnc: !individual && input.businessNumber ? encryptField(keyring, input.businessNumber.replace(/-/g, ""), PAYER_FIELD_CONTEXT.businessNumber) : null,
    representative: individual ? null : input.representative,
    phoneEnc: encryptField(keyring, phoneDigits(input.phone), PAYER_FIELD_CONTEXT.phone),
    phoneBidx: phoneSearchIndex(keyring, input.phone),
    email: input.email,
    address: input.address,
    tags: input.tags,
    plugins: input.plugins,
    storeId: input.storeId,
  };
}

/** What every screen and export shows: personal numbers masked to their last digits. */
export function presentPayer(keyring: Keyring, payer: PayerRow) {
  const open = (token: string | null, context: string) => (token ? decryptField(keyring, token, context) : null);
  const birthDate = open(payer.birthDateEnc, PAYER_FIELD_CONTEXT.birthDate);
  const businessNumber = open(payer.businessNumberEnc, PAYER_FIELD_CONTEXT.businessNumber);
  return {
    id: payer.id,
    payerCode: payer.payerCode,
    kind: payer.kind,
    name: payer.name,
    birthDateMasked: birthDate ? maskBirthDate(birthDate) : null,
    businessNumberMasked: businessNumber ? maskBusinessNumber(businessNumber) : null,
    representative: payer.representative,
    phoneMasked: maskPhone(decryptField(keyring, payer.phoneEnc, PAYER_FIELD_CONTEXT.phone)),
    email: payer.email,
    address: payer.address,
    tags: payer.tags,
    plugins: payer.plugins,
    store: payer.store,
    status: payer.status,
    leftOn: payer.leftOn ? businessDateFromDb(payer.leftOn) : null,
    createdAt: payer.createdAt,
    accounts: payer.accounts.map((a) => ({
      id: a.id,
      bankCode: a.bankCode,
      holderName: a.holderName,
      accountNumberMasked: maskAccountNumber(decryptField(keyring, a.accountNumberEnc, PAYER_FIELD_CONTEXT.accountNumber)),
      createdAt: a.createdAt,
    })),
  };
}

export type PresentedPayer = ReturnType<typeof presentPayer>;

export class PayerService {
  constructor(
    private readonly db: Db,
    private readonly keyring: Keyring,
    private readonly knownPlugins: readonly string[],
  ) {}

  async create(input: PayerInput, today: BusinessDate, audit: AuditSink): Promise<PresentedPayer> {
    return this.db.$transaction((tx) => this.createInTx(tx, input, { today }, audit));
  }

  /**
   * The one place a payer row is created, inside the caller's transaction (the public consent
   * page creates its payer with the consent): validation, encryption contexts, blind index, a
   * free payer code (`null`: one is assigned), the store, and the audit record.
   */
  async createInTx(tx: Tx, input: NewPayerInput, at: PayerWriteTime, audit: AuditSink): Promise<PresentedPayer> {
    validate({ ...input, payerCode: input.payerCode ?? "" }, at.today, this.knownPlugins);
    const payerCode = input.payerCode ?? (await assignedPayerCode(tx));
    await assertCodeFree(tx, payerCode, null);
    await assertStoreExists(tx, input.storeId);
    const payer = await tx.payer.create({ data: { ...encryptedColumns(this.keyring, { ...input, payerCode }), ...(at.now ? { createdAt: at.now, updatedAt: at.now } : {}) }, include });
    const shown = presentPayer(this.keyring, payer);
    await audit(tx, { action: "payer.create", entityType: "payer", entityId: payer.id, after: shown });
    return shown;
  }

  /** `changes` may leave out birth date, business number and phone (undefined): their stored values are kept. */
  async update(id: number, changes: PayerChanges, today: BusinessDate, audit: AuditSink): Promise<PresentedPayer> {
    return this.db.$transaction((tx) => this.updateInTx(tx, id, changes, { today }, audit));
  }

  /** The one place a payer row is changed, inside the caller's transaction; the same rules as creating, with the before and after audited. */
  async updateInTx(tx: Tx, id: number, changes: PayerChanges, at: PayerWriteTime, audit: AuditSink): Promise<PresentedPayer> {
    const before = await tx.payer.findUnique({ where: { id }, include });
    if (!before) throw new DomainError("NOT_FOUND", "not_found", { entity: `payer ${id}` });
    const stored = (token: string | null, context: string) => (token ? decryptField(this.keyring, token, context) : null);
    const input: PayerInput = {
      ...changes,
      birthDate: changes.birthDate === undefined ? stored(before.birthDateEnc, PAYER_FIELD_CONTEXT.birthDate) : changes.birthDate,
      businessNumber: changes.businessNumber === undefined ? stored(before.businessNumberEnc, PAYER_FIELD_CONTEXT.businessNumber) : changes.businessNumber,
      phone: changes.phone ?? stored(before.phoneEnc, PAYER_FIELD_CONTEXT.phone) ?? "",
    };
    validate(input, at.today, this.knownPlugins);
    await assertCodeFree(tx, input.payerCode, id);
    await assertStoreExists(tx, input.storeId);
    const payer = await tx.payer.update({ where: { id }, data: { ...encryptedColumns(this.keyring, input), ...(at.now ? { updatedAt: at.now } : {}) }, include });
    const shown = presentPayer(this.keyring, payer);
    await audit(tx, { action: "payer.update", entityType: "payer", entityId: id, before: presentPayer(this.keyring, before), after: shown });
    return shown;
  }

  async get(id: number, storeScope: readonly number[] | null): Promise<PresentedPayer> {
    const payer = await this.db.payer.findUnique({ where: { id }, include });
    if (!payer) throw new DomainError("NOT_FOUND", "not_found", { entity: `payer ${id}` });
    if (storeScope && (payer.storeId === null || !storeScope.includes(payer.storeId))) throw new DomainError("FORBIDDEN", "auth.store_forbidden", { storeId: payer.storeId ?? "-" });
    return presentPayer(this.keyring, payer);
  }

  /**
   * Lists with the usual filters; `phone` and `accountLast4` filters search through the blind
   * indexes, so nothing is decrypted to find a payer.
   */
  async list(input: ListInput, storeScope: readonly number[] | null) {
    const SPECIAL = new Set(["phone", "accountLast4", "tags", "plugins"]);
    const special = new Map(input.filters.filter((f) => SPECIAL.has(f.field)).map((f) => [f.field, f.value]));
    const ordinary = { ...input, filters: input.filters.filter((f) => !SPECIAL.has(f.field)) };
    const args = prismaListArgs(ordinary, { id: "int", payerCode: "string", name: "string", kind: "enum", status: "enum", storeId: "int", email: "string", createdAt: "datetime" }, { id: "desc" });
    const extra: Prisma.PayerWhereInput[] = [];
    const listOf = (value: unknown) => (Array.isArray(value) ? value : value === undefined || value === null || value === "" ? [] : [value]).map(String);
    const tags = listOf(special.get("tags"));
    if (tags.length) extra.push({ tags: { hasSome: tags } });
    const plugins = listOf(special.get("plugins"));
    if (plugins.length) extra.push({ plugins: { hasSome: plugins } });
    const phone = listOf(special.get("phone"))[0];
    if (phone) extra.push({ phoneBidx: safeIndex(() => phoneSearchIndex(this.keyring, phone)) });
    const last4 = listOf(special.get("accountLast4"))[0];
    if (last4) extra.push({ accounts: { some: { last4Bidx: safeIndex(() => accountLast4Index(this.keyring, last4)) } } });
    if (storeScope) extra.push({ storeId: { in: [...storeScope] } });
    const where: Prisma.PayerWhereInput = { AND: [args.where as Prisma.PayerWhereInput, ...extra] };
    const [rows, total] = await Promise.all([this.db.payer.findMany({ ...args, where, include }), this.db.payer.count({ where })]);
    return { data: rows.map((row) => presentPayer(this.keyring, row)), total };
  }

  /** Unmasked personal data, for a stated reason; the access log (PIPA 접속기록) and the audit log are written in the same transaction. */
  async reveal(id: number, reason: string, actor: Actor, storeScope: readonly number[] | null, audit: AuditSink) {
    if (reason.trim().length < 2) throw new DomainError("INVALID", "payer.reason_required", {}, "reason");
    await this.get(id, storeScope);
    return this.db.$transaction(async (tx) => {
      const payer = await tx.payer.findUniqueOrThrow({ where: { id }, include: { accounts: true } });
      await tx.personalDataAccess.create({ data: { userId: actor.id, email: actor.email, ip: actor.ip, action: "payer.reveal", payerId: id, reason: reason.trim() } });
      await audit(tx, { action: "payer.reveal", entityType: "payer", entityId: id, after: { reason: reason.trim() } });
      const open = (token: string | null, context: string) => (token ? decryptField(this.keyring, token, context) : null);
      return {
        birthDate: open(payer.birthDateEnc, PAYER_FIELD_CONTEXT.birthDate),
        businessNumber: open(payer.businessNumberEnc, PAYER_FIELD_CONTEXT.businessNumber),
        phone: decryptField(this.keyring, payer.phoneEnc, PAYER_FIELD_CONTEXT.phone),
        accounts: payer.accounts.map((a) => ({ id: a.id, bankCode: a.bankCode, accountNumber: decryptField(this.keyring, a.accountNumberEnc, PAYER_FIELD_CONTEXT.accountNumber) })),
      };
    });
  }
}

async function assertCodeFree(tx: Tx, payerCode: string, exceptId: number | null): Promise<void> {
  const clash = await tx.payer.findUnique({ where: { payerCode } });
  if (clash && clash.id !== exceptId) throw new DomainError("CONFLICT", "payer.code_taken", { payerCode }, "payerCode");
}

async function assertStoreExists(tx: Tx, storeId: number | null): Promise<void> {
  if (storeId !== null && !(await tx.store.findUnique({ where: { id: storeId } }))) throw new DomainError("INVALID", "payer.unknown_store", { storeId }, "storeId");
}

/** A code for a payer nobody numbered (one who enrolled on the public page): `W-` and eight random letters or digits, unused. */
async function assignedPayerCode(tx: Tx): Promise<string> {
  for (;;) {
    const code = `W-${randomBytes(6).toString("base64url").replace(/[^A-Za-z0-9]/g, "X").toUpperCase().slice(0, 8)}`;
    if (!(await tx.payer.findUnique({ where: { payerCode: code } }))) return code;
  }
}

/** A search term that cannot be a phone or last four digits simply matches nothing. */
function safeIndex(compute: () => string): string {
  try {
    return compute();
  } catch {
    return "no-match";
  }
}
