/**
 * A Korean business registration number (사업자등록번호) carries a check digit: the first nine
 * digits weighted 1,3,7,1,3,7,1,3,5, plus the tens of (9th digit × 5), mod 10, give it.
 */
export function isValidBusinessNumber(value: string): boolean {
  const digits = value.replace(/-/g, "");
  if (!/^\d{10}$/.test(digits)) return false;
  const d = [...digits].map(Number);
  const weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
  let sum = weights.reduce((acc, w, i) => acc + w * d[i]!, 0);
  sum += Math.floor((d[8]! * 5) / 10);
  return (10 - (sum % 10)) % 10 === d[9];
}
