import type { Kysely } from "kysely";
import type { Database, Locale } from "#db/schema";
import { renderCalendar } from "./ics.server";
import { singleEventCalendar } from "./items.server";
import type { CalendarEvent } from "./types";

/** A one-event calendar file, saved rather than shown; private, as it names people and rooms. */
export async function calendarDownload(
  db: Kysely<Database>,
  centreId: number,
  event: CalendarEvent,
  locale: Locale,
  fileName: string,
): Promise<Response> {
  const body = renderCalendar(await singleEventCalendar(db, centreId, event, locale));
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
