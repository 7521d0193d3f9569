import { DomainError, type Role } from "@sunap/core";
import type { Db } from "@sunap/db";
import { assertPasswordAcceptable } from "../auth/session-service.ts";
import { hashPassword } from "../auth/password-hash.ts";
import type { AuditSink } from "../procedure-audit.ts";

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
  storeIds: number[];
  locale?: "ko" | "en";
}

async function checkStores(db: Db, role: Role, storeIds: number[]): Promise<void> {
  if (role !== "store_owner") return;
  if (storeIds.length === 0) throw new DomainError("INVALID", "user.store_owner_needs_store", {}, "storeIds");
  // An unknown store would fail the foreign key as a server error; say which one instead.
  const known = new Set((await db.store.findMany({ where: { id: { in: storeIds } }, select: { id: true } })).map((s) => s.id));
  const unknown = storeIds.find((id) => !known.has(id));
  if (unknown !== undefined) throw new DomainError("INVALID", "not_found", { entity: `store ${unknown}` }, "storeIds");
}

/** Creates a user; used by the admin's users page, the `create-admin` command and the demo seed. */
export async function createUser(db: Db, input: NewUser, audit: AuditSink) {
  const email = input.email.trim().toLowerCase();
  await checkStores(db, input.role, input.storeIds);
  assertPasswordAcceptable(input.password, email, "password");
  if (await db.user.findUnique({ where: { email } })) throw new DomainError("CONFLICT", "user.email_taken", { email }, "email");
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email, name: input.name.trim(), role: input.role, passwordHash, locale: input.locale ?? "ko", stores: { create: input.role === "store_owner" ? input.storeIds.map((storeId) => ({ storeId })) : [] } },
    });
    await audit(tx, { action: "user.create", entityType: "user", entityId: user.id, after: { email, name: user.name, role: user.role, storeIds: input.storeIds } });
    return user;
  });
}

export interface UserChanges {
  name: string;
  role: Role;
  storeIds: number[];
  disabled: boolean;
}

export async function updateUser(db: Db, id: number, changes: UserChanges, actingUserId: number, audit: AuditSink) {
  await checkStores(db, changes.role, changes.storeIds);
  if (id === actingUserId && (changes.role !== "admin" || changes.disabled)) throw new DomainError("INVALID", "user.cannot_demote_self", {}, "role");
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, include: { stores: true } });
    if (!before) throw new DomainError("NOT_FOUND", "not_found", { entity: `user ${id}` });
    await tx.userStore.deleteMany({ where: { userId: id } });
    const user = await tx.user.update({
      where: { id },
      data: {
        name: changes.name.trim(),
        role: changes.role,
        disabledAt: changes.disabled ? (before.disabledAt ?? new Date()) : null,
        stores: { create: changes.role === "store_owner" ? changes.storeIds.map((storeId) => ({ storeId })) : [] },
      },
    });
    if (changes.disabled) await tx.session.deleteMany({ where: { userId: id } });
    await audit(tx, {
      action: "user.update",
      entityType: "user",
      entityId: id,
      before: { name: before.name, role: before.role, storeIds: before.stores.map((s) => s.storeId), disabled: before.disabledAt !== null },
      after: changes,
    });
    return user;
  });
}

export async function resetPassword(db: Db, id: number, password: string, audit: AuditSink): Promise<void> {
  const user = await db.user.findUnique({ where: { id } });
  if (!user) throw new DomainError("NOT_FOUND", "not_found", { entity: `user ${id}` });
  assertPasswordAcceptable(password, user.email, "password");
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id }, data: { passwordHash, passwordChangedAt: new Date(), failedLogins: 0, lockedUntil: null } });
    await tx.session.deleteMany({ where: { userId: id } });
    await audit(tx, { action: "user.reset_password", entityType: "user", entityId: id });
  });
}
