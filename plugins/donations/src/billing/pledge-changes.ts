import { DomainError, type BusinessDate, type Won } from "@sunap/core";
import { pledgeAmountOn } from "./pledge-billing.ts";
import type { Pledge } from "./pledge.ts";

/**
 * The changes a donor asks for, as pure functions from a pledge to the next one. Every change
 * takes effect on a day not before `today` (a month already collected is never rewritten), and
 * an impossible transition — pausing a cancelled pledge, resuming one that is not paused — is
 * refused with its own error. The caller stores the result through the contract's terms.
 */

export type PledgeStatus = Pledge["status"];

/** What the admin shows on a day: cancelled from its cancellation day, paused inside a pause. */
export function pledgeStatusOn(pledge: Pledge, day: BusinessDate): PledgeStatus {
  if (pledge.cancelledOn && pledge.cancelledOn <= day) return "cancelled";
  if (pledge.pauses.some((p) => p.from <= day && (!p.until || day < p.until))) return "paused";
  return "active";
}

function withStatus<P extends Pledge>(pledge: P, today: BusinessDate): P {
  return { ...pledge, status: pledgeStatusOn(pledge, today) };
}

function assertNotCancelled(pledge: Pledge): void {
  if (pledge.cancelledOn) throw new DomainError("CONFLICT", "donations.pledge.cancelled", { on: pledge.cancelledOn });
}

function assertFromToday(day: BusinessDate, today: BusinessDate, field: string): void {
  if (day < today) throw new DomainError("INVALID", "donations.pledge.date_in_past", { day, today }, field);
}

function assertAfterStart(pledge: Pledge, day: BusinessDate, field: string): void {
  if (day < pledge.startOn) throw new DomainError("INVALID", "donations.pledge.before_start", { day, startOn: pledge.startOn }, field);
}

/** Pauses from `from` until `until` (the day it resumes; open-ended without it). */
export function pausePledge<P extends Pledge>(pledge: P, change: { from: BusinessDate; until?: BusinessDate | null }, today: BusinessDate): P {
  assertNotCancelled(pledge);
  assertFromToday(change.from, today, "from");
  assertAfterStart(pledge, change.from, "from");
  if (change.until && change.until <= change.from) throw new DomainError("INVALID", "donations.pledge.resume_before_pause", { from: change.from, until: change.until }, "until");
  const clash = pledge.pauses.find((p) => (!change.until || p.from < change.until) && (!p.until || change.from < p.until));
  if (clash) throw new DomainError("CONFLICT", "donations.pledge.already_paused", { from: clash.from, until: clash.until ?? "-" }, "from");
  const pauses = [...pledge.pauses, { from: change.from, until: change.until ?? null }].sort((a, b) => (a.from < b.from ? -1 : 1));
  return withStatus({ ...pledge, pauses }, today);
}

/**
 * Resumes on `on`: the pause in force (or scheduled) on that day ends there; a pause that had
 * not begun by then is dropped. Refused when no pause covers the day.
 */
export function resumePledge<P extends Pledge>(pledge: P, change: { on: BusinessDate }, today: BusinessDate): P {
  assertNotCancelled(pledge);
  assertFromToday(change.on, today, "on");
  const covering = pledge.pauses.find((p) => p.from <= change.on && (!p.until || change.on < p.until));
  const scheduled = covering ? undefined : pledge.pauses.find((p) => p.from > change.on && p.from >= today);
  const target = covering ?? scheduled;
  if (!target) throw new DomainError("CONFLICT", "donations.pledge.not_paused", { on: change.on }, "on");
  const pauses = pledge.pauses.flatMap((p) => (p !== target ? [p] : p.from < change.on ? [{ ...p, until: change.on }] : []));
  return withStatus({ ...pledge, pauses }, today);
}

/** Cancels from `on`: nothing is collected on or after it. */
export function cancelPledge<P extends Pledge>(pledge: P, change: { on: BusinessDate }, today: BusinessDate): P {
  if (pledge.cancelledOn) throw new DomainError("CONFLICT", "donations.pledge.already_cancelled", { on: pledge.cancelledOn });
  assertFromToday(change.on, today, "on");
  assertAfterStart(pledge, change.on, "on");
  return withStatus({ ...pledge, cancelledOn: change.on }, today);
}

/**
 * A new monthly amount from `effectiveOn` (an upgrade, or a lower amount): it applies from the
 * first collection on or after that day. A change already set for the same day is replaced.
 */
export function changePledgeAmount<P extends Pledge>(pledge: P, change: { effectiveOn: BusinessDate; monthlyAmountWon: Won }, today: BusinessDate): P {
  assertNotCancelled(pledge);
  assertFromToday(change.effectiveOn, today, "effectiveOn");
  if (change.effectiveOn <= pledge.startOn) throw new DomainError("INVALID", "donations.pledge.change_before_start", { startOn: pledge.startOn }, "effectiveOn");
  if (change.monthlyAmountWon <= 0n) throw new DomainError("INVALID", "donations.pledge.amount_not_positive", {}, "monthlyAmountWon");
  const others = pledge.amountChanges.filter((c) => c.effectiveOn !== change.effectiveOn);
  if (pledgeAmountOn({ ...pledge, amountChanges: others }, change.effectiveOn) === change.monthlyAmountWon) {
    throw new DomainError("INVALID", "donations.pledge.same_amount", { amount: change.monthlyAmountWon.toLocaleString("en-US") }, "monthlyAmountWon");
  }
  const amountChanges = [...others, change].sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : 1));
  return withStatus({ ...pledge, amountChanges }, today);
}
