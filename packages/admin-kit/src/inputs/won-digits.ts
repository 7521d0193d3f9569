import { MAX_WON } from "@sunap/core";

/** What a won input holds after a keystroke: its digits (no leading zeros) and the amount, or null when empty. */
export interface WonTyping {
  digits: string;
  amountWon: bigint | null;
}

/**
 * Keeps only the digits of what was typed or pasted (`1,200원`, `₩ 3 000`), drops leading zeros,
 * and refuses an amount above `max` by returning null (the input then keeps its previous value).
 */
export function readWonTyping(text: string, max: bigint = MAX_WON): WonTyping | null {
  const digits = text.replace(/\D/g, "").replace(/^0+(?=\d)/, "");
  if (digits === "") return { digits: "", amountWon: null };
  const amountWon = BigInt(digits);
  return amountWon > max ? null : { digits, amountWon };
}

/** `1234567` → `1,234,567`. */
export function groupWonDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** How many digits stand before a caret position in a text (separators and symbols do not count). */
export function digitsBefore(text: string, caret: number): number {
  return text.slice(0, caret).replace(/\D/g, "").length;
}

/** The caret position in the grouped text that has `count` digits before it, so typing mid-number keeps its place. */
export function caretAfterDigits(grouped: string, count: number): number {
  if (count <= 0) return 0;
  let seen = 0;
  for (let i = 0; i < grouped.length; i += 1) {
    if (/\d/.test(grouped[i]!)) seen += 1;
    if (seen === count) return i + 1;
  }
  return grouped.length;
}
