import type { Locale } from "#db/schema";

/** A name kept in both languages, in the reader's. */
export function named(row: { name_vi: string; name_en: string }, locale: Locale): string {
  return locale === "vi" ? row.name_vi : row.name_en;
}
