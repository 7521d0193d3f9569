import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { add, compare, div, equals, mul, ONE, pow, rational, reduce, sub, truncate, ZERO } from "./rational.ts";

describe("Rational", () => {
  it.each([
    [6n, 8n, 3n, 4n],
    [-6n, 8n, -3n, 4n],
    [6n, -8n, -3n, 4n],
    [0n, 5n, 0n, 1n],
  ])("keeps %i/%i in lowest terms with a positive denominator", (num, den, expectedNum, expectedDen) => {
    expect(rational(num, den)).toEqual({ num: expectedNum, den: expectedDen });
  });

  it("adds, subtracts, multiplies and divides exactly; reduce gives lowest terms", () => {
    const third = rational(1n, 3n);
    const sixth = rational(1n, 6n);
    expect(reduce(add(third, sixth))).toEqual(rational(1n, 2n));
    expect(reduce(sub(third, sixth))).toEqual(sixth);
    expect(reduce(mul(third, sixth))).toEqual(rational(1n, 18n));
    expect(reduce(div(third, sixth))).toEqual(rational(2n));
    expect(div(third, rational(-1n, 2n))).toMatchObject({ den: 3n }); // the sign moves to the numerator
    expect(equals(div(third, rational(-1n, 2n)), rational(-2n, 3n))).toBe(true);
  });

  it("raises to positive, zero and negative integer powers", () => {
    const monthlyFactor = rational(2411n, 2400n); // 1 + 5.5% ÷ 12
    expect(pow(monthlyFactor, 2)).toEqual({ num: 2411n ** 2n, den: 2400n ** 2n });
    expect(pow(monthlyFactor, 0)).toEqual(ONE);
    expect(pow(monthlyFactor, -3)).toEqual({ num: 2400n ** 3n, den: 2411n ** 3n });
    expect(pow(rational(-2n, 3n), -3)).toEqual({ num: -27n, den: 8n });
  });

  it("truncates toward zero, the rounding rule for won", () => {
    expect(truncate(rational(7n, 2n))).toBe(3n);
    expect(truncate(rational(-7n, 2n))).toBe(-3n);
    expect(truncate(rational(6n, 3n))).toBe(2n);
  });

  it("refuses division by zero", () => {
    expect(() => rational(1n, 0n)).toThrow(RangeError);
    expect(() => div(ONE, ZERO)).toThrow(RangeError);
  });

  it("compares by value", () => {
    expect(compare(rational(1n, 3n), rational(2n, 6n))).toBe(0);
    expect(compare(rational(1n, 3n), rational(1n, 2n))).toBe(-1);
    expect(compare(rational(-1n, 3n), rational(-1n, 2n))).toBe(1);
    expect(equals(rational(2n, 4n), rational(1n, 2n))).toBe(true);
  });

  it("obeys the field laws for any fractions (property)", () => {
    const arbitraryRational = fc.tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 9n })).map(([n, d]) => rational(n, d));
    fc.assert(
      fc.property(arbitraryRational, arbitraryRational, arbitraryRational, (a, b, c) => {
        expect(equals(sub(add(a, b), b), a)).toBe(true);
        expect(equals(mul(a, add(b, c)), add(mul(a, b), mul(a, c)))).toBe(true);
        if (b.num !== 0n) expect(equals(mul(div(a, b), b), a)).toBe(true);
      }),
    );
  });
});
