import { useRouteLoaderData } from "@remix-run/react";
import type { Locale } from "#db/schema";
import { DEFAULT_LOCALE, translator, type Translate } from "./translate";

/** The language chosen for this request (set by the root loader). */
export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale: Locale }>("root");
  return data?.locale ?? DEFAULT_LOCALE;
}

export function useT(): Translate {
  return translator(useLocale());
}
