/** At least 10 characters with a letter and a digit, and not built on the e-mail's name. */
export function passwordProblems(password: string, email: string): string[] {
  const problems: string[] = [];
  if (password.length < 10) problems.push("password.too_short");
  if (password.length > 128) problems.push("password.too_long");
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) problems.push("password.needs_letter_and_digit");
  const local = email.split("@")[0]?.toLowerCase() ?? "";
  if (local.length >= 3 && password.toLowerCase().includes(local)) problems.push("password.contains_email");
  return problems;
}
