import type { Locale } from "#db/schema";
import { getSessionUser } from "~/features/auth/session.server";
import { resolveLocale } from "~/i18n/locale.server";
import { translator, type Translate } from "~/i18n/translate";

/** Language and translator for an action or loader that must answer in the reader's language. */
export async function requestTranslator(request: Request): Promise<{ locale: Locale; t: Translate }> {
  const user = await getSessionUser(request);
  const locale = await resolveLocale(request, user?.locale);
  return { locale, t: translator(locale) };
}
