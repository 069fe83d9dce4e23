import type { MetaFunction } from "@remix-run/node";
import type { Locale } from "#db/schema";
import { DEFAULT_LOCALE, isLocale, translate, type MessageKey } from "~/i18n/translate";

/** A page title in the reader's language, taken from the root loader's data. */
export function titleMeta(key: MessageKey): MetaFunction {
  return ({ matches }) => {
    const root = matches.find((match) => match.id === "root")?.data as
      { locale?: unknown; centre?: { shortName?: string } } | undefined;
    const locale: Locale = isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE;
    const centre = root?.centre?.shortName;
    return [{ title: centre ? `${translate(locale, key)} · ${centre}` : translate(locale, key) }];
  };
}
