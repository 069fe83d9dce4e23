import type { Locale } from "#db/schema";
import { translator } from "~/i18n/translate";
import { db } from "~/utils/database.server";
import type { ReportScope } from "./figures.server";
import { currentYear, parseYear, type YearResult } from "./rules";

/** The staff member's centre and what the report needs of it (zone, names for the header). */
export async function reportCentre(centreId: number, now: Date = new Date()) {
  const centre = await db()
    .selectFrom("centre")
    .select(["id", "legal_name", "address_vi", "time_zone"])
    .where("id", "=", centreId)
    .executeTakeFirstOrThrow();
  const scope: ReportScope = { centreId: centre.id, zone: centre.time_zone, now };
  return { centre, scope, thisYear: currentYear(centre.time_zone, now) };
}

export type ReportCentre = Awaited<ReturnType<typeof reportCentre>>;

/** The ?year= of a request; `ahead` years after the current one are allowed (targets plan ahead). */
export function yearOf(request: Request, thisYear: number, ahead = 0): YearResult & { input: string } {
  const input = new URL(request.url).searchParams.get("year");
  return { ...parseYear(input, thisYear, thisYear + ahead), input: input ?? "" };
}

/** The ?year= of an export: a bad one is a 400 with the message in the reader's language. */
export function requireYear(request: Request, thisYear: number, locale: Locale): number {
  const year = yearOf(request, thisYear);
  if (year.ok) return year.year;
  throw new Response(translator(locale)(year.error), {
    status: 400,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}
