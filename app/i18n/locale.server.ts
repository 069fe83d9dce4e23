import { createCookie } from "@remix-run/node";
import type { Locale } from "#db/schema";
import { DEFAULT_LOCALE, isLocale, localeFromAcceptLanguage } from "./translate";

export const languageCookie = createCookie("lang", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  maxAge: 365 * 24 * 60 * 60,
});

/**
 * The language of a request: the account's setting, then the visitor's cookie, then the
 * browser's Accept-Language as a first guess, then Vietnamese.
 */
export async function resolveLocale(request: Request, accountLocale?: Locale | null): Promise<Locale> {
  if (accountLocale) return accountLocale;
  const fromCookie: unknown = await languageCookie.parse(request.headers.get("Cookie"));
  if (isLocale(fromCookie)) return fromCookie;
  return localeFromAcceptLanguage(request.headers.get("Accept-Language")) ?? DEFAULT_LOCALE;
}
