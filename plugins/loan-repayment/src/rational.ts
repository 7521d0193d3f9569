/**
 * An exact fraction of two bigints with a positive denominator. Loan arithmetic uses it where a
 * formula has powers and divisions (the equal-installment payment), so no binary float ever
 * touches an amount or a rate. Results of arithmetic are not reduced — a gcd of the
 * thousand-digit powers of a 50-year loan costs more than the whole formula — so compare with
 * `equals`/`compare`, and `reduce` when lowest terms matter.
 */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function fraction(num: bigint, den: bigint): Rational {
  if (den === 0n) throw new RangeError("Division by zero");
  return den < 0n ? { num: -num, den: -den } : { num, den };
}

/** The fraction num/den in lowest terms. */
export function rational(num: bigint, den: bigint = 1n): Rational {
  return reduce(fraction(num, den));
}

export function reduce(a: Rational): Rational {
  const divisor = gcd(a.num, a.den) || 1n;
  return { num: a.num / divisor, den: a.den / divisor };
}

export const ZERO = rational(0n);
export const ONE = rational(1n);

export function add(a: Rational, b: Rational): Rational {
  return fraction(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function sub(a: Rational, b: Rational): Rational {
  return fraction(a.num * b.den - b.num * a.den, a.den * b.den);
}

export function mul(a: Rational, b: Rational): Rational {
  return fraction(a.num * b.num, a.den * b.den);
}

export function div(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new RangeError("Division by zero");
  return fraction(a.num * b.den, a.den * b.num);
}

/** `a` to an integer power, negative powers included: (p/q)^-n = (q/p)^n. */
export function pow(a: Rational, exponent: number): Rational {
  if (!Number.isSafeInteger(exponent)) throw new RangeError("The exponent must be an integer");
  if (exponent < 0) return pow(div(ONE, a), -exponent);
  const e = BigInt(exponent);
  return { num: a.num ** e, den: a.den ** e };
}

/** Rounds toward zero to a whole number: the rounding rule for won amounts ("truncated"). */
export function truncate(a: Rational): bigint {
  return a.num / a.den;
}

export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function equals(a: Rational, b: Rational): boolean {
  return compare(a, b) === 0;
}
