import type { ZodType } from "zod";
import { businessDateFromDb, businessDateToDb, decodeJson, DomainError, encodeJson, isBusinessDate, issueMessage, type BusinessDate, type ListInput } from "@sunap/core";
import type { Db, DbOrTx, Prisma, Tx } from "@sunap/db";
import { recordAudit, type Actor, type AuditEvent } from "../audit.ts";
import type { BillingRegistry } from "../billing-registry.ts";
import { prismaListArgs } from "../list-query.ts";
import type { AuditSink } from "../procedure-audit.ts";

export interface CreateContractInput {
  pluginId: string;
  payerId: number;
  /** Omitted: the payer's store. Null: no store. */
  storeId?: number | null;
  /** The plugin's terms, as its admin form sends them; parsed by the plugin's contract schema. */
  terms: unknown;
}

export interface UpdateContractTermsInput {
  id: number;
  /** The version the editor loaded: a change made meanwhile by someone else is refused. */
  version: number;
  terms: unknown;
  reason?: string;
}

export interface EndContractInput {
  id: number;
  endedOn: BusinessDate;
  reason?: string;
}

export interface ContractView<Terms = unknown> {
  id: number;
  pluginId: string;
  payerId: number;
  storeId: number | null;
  title: string;
  /** Parsed by the plugin's contract schema (bigints restored). */
  terms: Terms;
  /** Null when the stored terms parse; otherwise why not (the plugin's schema changed since): `terms` is then the raw decoded JSON. */
  termsProblem: string | null;
  status: "active" | "ended";
  startsOn: BusinessDate;
  endedOn: BusinessDate | null;
  nextIssueOn: BusinessDate | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  payer: { id: number; payerCode: string; name: string };
  store: { id: number; code: string; name: string } | null;
}

/** Filters the contract list understands besides the generic ones: `search` (title or payer name). */
export type ContractListInput = ListInput;

const include = { payer: { select: { id: true, payerCode: true, name: true } }, store: { select: { id: true, code: true, name: true } } } as const;
type ContractRow = Prisma.ContractGetPayload<{ include: typeof include }>;

const LIST_SPEC = { id: "int", pluginId: "string", payerId: "int", storeId: "int", status: "enum", title: "string", startsOn: "date", endedOn: "date", nextIssueOn: "date", version: "int", createdAt: "datetime", updatedAt: "datetime" } as const;

/**
 * Parses with a plugin's schema; bad input names its field under `prefix` (`terms.royalty.rateBp`),
 * so the admin's form shows the message beside the input.
 */
export function parseWithSchema<T>(schema: ZodType<T>, value: unknown, prefix: "terms" | "settings"): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = [prefix, ...issue.path.map(String)].join(".");
  // The detail is a catalogue code, said in the reader's language when the error is shown.
  const said = issueMessage(issue);
  throw new DomainError("INVALID", prefix === "terms" ? "contract.invalid_terms" : "plugin_settings.invalid", { field, ...said.params, detail: said.code }, field);
}

/**
 * Contracts of every plugin and the plugins' settings. The core knows only the contract's columns;
 * the terms are the plugin's, checked by its contract schema on every write and read, and stored
 * as bigint-safe JSON. Each write has a `…InTx` twin so a plugin can save its own rows in the same
 * transaction.
 */
export class ContractService {
  constructor(
    private readonly db: Db,
    private readonly registry: BillingRegistry,
    /** A procedure's sink (marks the request audited); without one, records are written for the actor given to each call. */
    private readonly auditSink?: AuditSink,
  ) {}

  /* ---------- contracts ---------- */

  create(input: CreateContractInput, actor: Actor): Promise<ContractView> {
    return this.db.$transaction((tx) => this.createInTx(tx, input, actor));
  }

  async createInTx(tx: Tx, input: CreateContractInput, actor: Actor): Promise<ContractView> {
    const { rules } = this.registry.requireBilling(input.pluginId);
    const terms = parseWithSchema(rules.contractSchema, input.terms, "terms");
    const payer = await tx.payer.findUnique({ where: { id: input.payerId } });
    if (!payer) throw new DomainError("INVALID", "contract.unknown_payer", { payerId: input.payerId }, "payerId");
    if (payer.status !== "active") throw new DomainError("INVALID", "contract.payer_inactive", { payerId: input.payerId }, "payerId");
    const storeId = input.storeId === undefined ? payer.storeId : input.storeId;
    await assertStoreOpen(tx, storeId);
    const startsOn = rules.startsOn(terms);
    const row = await tx.contract.create({
      data: {
        pluginId: input.pluginId,
        payerId: input.payerId,
        storeId,
        title: rules.describe(terms, "ko").slice(0, 200),
        terms: encodeJson(terms) as Prisma.InputJsonValue,
        startsOn: businessDateToDb(startsOn),
      },
      include,
    });
    const view = this.present(row);
    await this.audit(tx, actor, { action: "contract.create", entityType: "contract", entityId: row.id, before: null, after: auditView(view) });
    return view;
  }

  updateTerms(input: UpdateContractTermsInput, actor: Actor): Promise<ContractView> {
    return this.db.$transaction((tx) => this.updateTermsInTx(tx, input, actor));
  }

  async updateTermsInTx(tx: Tx, input: UpdateContractTermsInput, actor: Actor): Promise<ContractView> {
    const before = await this.findRow(tx, input.id);
    if (before.status !== "active") throw new DomainError("CONFLICT", "contract.ended", { id: input.id });
    const { rules } = this.registry.requireBilling(before.pluginId);
    const terms = parseWithSchema(rules.contractSchema, input.terms, "terms");
    // Optimistic lock: the row changes only if nobody bumped the version since the editor loaded it.
    const { count } = await tx.contract.updateMany({
      where: { id: input.id, version: input.version },
      data: {
        title: rules.describe(terms, "ko").slice(0, 200),
        terms: encodeJson(terms) as Prisma.InputJsonValue,
        startsOn: businessDateToDb(rules.startsOn(terms)),
        // New terms may move the next invoice: the engine asks the plugin again on its next run.
        nextIssueOn: null,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw new DomainError("CONFLICT", "contract.version_conflict", { id: input.id, version: before.version }, "version");
    const view = this.present(await this.findRow(tx, input.id));
    await this.audit(tx, actor, { action: "contract.update_terms", entityType: "contract", entityId: input.id, before: auditView(this.present(before)), after: { ...auditView(view), reason: input.reason ?? null } });
    return view;
  }

  end(input: EndContractInput, actor: Actor): Promise<ContractView> {
    return this.db.$transaction((tx) => this.endInTx(tx, input, actor));
  }

  /** Ends billing: the engine issues nothing more for an ended contract; its issued invoices stay. */
  async endInTx(tx: Tx, input: EndContractInput, actor: Actor): Promise<ContractView> {
    if (!isBusinessDate(input.endedOn)) throw new DomainError("INVALID", "input.invalid", { detail: `endedOn: ${input.endedOn}` }, "endedOn");
    const before = await this.findRow(tx, input.id);
    if (before.status !== "active") throw new DomainError("CONFLICT", "contract.ended", { id: input.id });
    if (input.endedOn < businessDateFromDb(before.startsOn)) throw new DomainError("INVALID", "contract.end_before_start", { startsOn: businessDateFromDb(before.startsOn) }, "endedOn");
    const row = await tx.contract.update({ where: { id: input.id }, data: { status: "ended", endedOn: businessDateToDb(input.endedOn), nextIssueOn: null, version: { increment: 1 } }, include });
    const view = this.present(row);
    await this.audit(tx, actor, { action: "contract.end", entityType: "contract", entityId: input.id, before: { status: before.status, endedOn: null }, after: { status: "ended", endedOn: input.endedOn, reason: input.reason ?? null } });
    return view;
  }

  /** One contract with its parsed terms; a store-scoped caller sees only their stores' contracts. */
  async get(id: number, storeScope: readonly number[] | null = null, db: DbOrTx = this.db): Promise<ContractView> {
    const row = await this.findRow(db, id);
    if (storeScope && (row.storeId === null || !storeScope.includes(row.storeId))) throw new DomainError("FORBIDDEN", "auth.store_forbidden", { storeId: row.storeId ?? "-" });
    return this.present(row);
  }

  /**
   * Lists with server-side filters (pluginId, payerId, storeId, status, title, dates) and sorting;
   * the `search` filter matches the title or the payer's name or code.
   */
  async list(input: ContractListInput, storeScope: readonly number[] | null = null): Promise<{ data: ContractView[]; total: number }> {
    const search = input.filters.find((f) => f.field === "search");
    const args = prismaListArgs({ ...input, filters: input.filters.filter((f) => f.field !== "search") }, LIST_SPEC, { id: "desc" });
    const and: Prisma.ContractWhereInput[] = [args.where as Prisma.ContractWhereInput];
    const term = typeof search?.value === "string" ? search.value.trim() : "";
    if (term) {
      and.push({ OR: [{ title: { contains: term, mode: "insensitive" } }, { payer: { name: { contains: term, mode: "insensitive" } } }, { payer: { payerCode: { contains: term, mode: "insensitive" } } }] });
    }
    if (storeScope) and.push({ storeId: { in: [...storeScope] } });
    const where: Prisma.ContractWhereInput = { AND: and };
    const [rows, total] = await Promise.all([this.db.contract.findMany({ ...args, where, include }), this.db.contract.count({ where })]);
    return { data: rows.map((row) => this.present(row)), total };
  }

  /**
   * Makes the engine ask the plugin about these contracts again on its next run: for a plugin whose
   * inputs changed outside the terms (a sales report arrived, a store's opening date moved).
   */
  async markForBilling(db: DbOrTx, contractIds: readonly number[]): Promise<void> {
    if (contractIds.length > 0) await db.contract.updateMany({ where: { id: { in: [...contractIds] }, status: "active" }, data: { nextIssueOn: null } });
  }

  /* ---------- plugin settings ---------- */

  /** The plugin's settings; never saved: its schema's defaults (`settingsSchema.parse({})`). */
  async getSettings(pluginId: string, db: DbOrTx = this.db): Promise<unknown> {
    const { rules } = this.registry.requireBilling(pluginId);
    const row = await db.pluginSettings.findUnique({ where: { pluginId } });
    return rules.settingsSchema.parse(row ? decodeJson(row.settings) : {});
  }

  updateSettings(pluginId: string, settings: unknown, actor: Actor): Promise<unknown> {
    return this.db.$transaction((tx) => this.updateSettingsInTx(tx, pluginId, settings, actor));
  }

  async updateSettingsInTx(tx: Tx, pluginId: string, settings: unknown, actor: Actor): Promise<unknown> {
    const { rules } = this.registry.requireBilling(pluginId);
    const parsed = parseWithSchema(rules.settingsSchema, settings, "settings");
    const before = await this.getSettings(pluginId, tx);
    const stored = encodeJson(parsed) as Prisma.InputJsonValue;
    await tx.pluginSettings.upsert({ where: { pluginId }, create: { pluginId, settings: stored }, update: { settings: stored } });
    // Settings change what is billed: every active contract of the plugin is looked at again.
    await tx.contract.updateMany({ where: { pluginId, status: "active" }, data: { nextIssueOn: null } });
    await this.audit(tx, actor, { action: "plugin_settings.update", entityType: "plugin_settings", entityId: pluginId, before: encodeJson(before), after: encodeJson(parsed) });
    return parsed;
  }

  /* ---------- helpers ---------- */

  private async findRow(db: DbOrTx, id: number): Promise<ContractRow> {
    const row = await db.contract.findUnique({ where: { id }, include });
    if (!row) throw new DomainError("NOT_FOUND", "not_found", { entity: `contract ${id}` });
    return row;
  }

  private present(row: ContractRow): ContractView {
    const decoded = decodeJson(row.terms);
    const billing = this.registry.billingOf(row.pluginId);
    let terms: unknown = decoded;
    let termsProblem: string | null = billing ? null : `plugin ${row.pluginId} is not installed`;
    if (billing) {
      const parsed = billing.rules.contractSchema.safeParse(decoded);
      if (parsed.success) terms = parsed.data;
      else termsProblem = parsed.error.issues.map((i) => `${["terms", ...i.path.map(String)].join(".")}: ${i.message}`).join("; ");
    }
    return {
      id: row.id,
      pluginId: row.pluginId,
      payerId: row.payerId,
      storeId: row.storeId,
      title: row.title,
      terms,
      termsProblem,
      status: row.status,
      startsOn: businessDateFromDb(row.startsOn),
      endedOn: row.endedOn ? businessDateFromDb(row.endedOn) : null,
      nextIssueOn: row.nextIssueOn ? businessDateFromDb(row.nextIssueOn) : null,
      version: row.version,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      payer: row.payer,
      store: row.store,
    };
  }

  private async audit(tx: DbOrTx, actor: Actor, event: AuditEvent): Promise<void> {
    if (this.auditSink) await this.auditSink(tx, event);
    else await recordAudit(tx, actor, event);
  }
}

/** What the audit log keeps of a contract: its facts and terms, not the payer's name. */
function auditView(view: ContractView) {
  return { pluginId: view.pluginId, payerId: view.payerId, storeId: view.storeId, title: view.title, terms: encodeJson(view.terms), status: view.status, startsOn: view.startsOn, version: view.version };
}

async function assertStoreOpen(db: DbOrTx, storeId: number | null): Promise<void> {
  if (storeId === null) return;
  const store = await db.store.findUnique({ where: { id: storeId } });
  if (!store) throw new DomainError("INVALID", "contract.unknown_store", { storeId }, "storeId");
  if (store.closedOn) throw new DomainError("INVALID", "contract.store_closed", { storeId, closedOn: businessDateFromDb(store.closedOn) }, "storeId");
}
