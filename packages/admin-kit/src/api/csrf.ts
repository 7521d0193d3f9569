/** The session's CSRF token, from sign-in or `auth.me`; kept in memory only (the cookie is httpOnly). */
let csrfToken: string | null = null;

export function getCsrfToken(): string | null {
  return csrfToken;
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
