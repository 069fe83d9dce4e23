import type { LoaderFunctionArgs } from "@remix-run/node";
import { getSessionUser } from "~/features/auth/session.server";
import { calendarDownload } from "~/features/calendar/download.server";
import { readEventForCalendar } from "~/features/calendar/items.server";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { resolveLocale } from "~/i18n/locale.server";
import { db } from "~/utils/database.server";
import { invariantResponse } from "~/utils/http.server";

// One event as an .ics file. Events are public; a registered member gets the item their
// feed shows, so the two never appear twice in one calendar.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const centre = await requireCurrentCentre();
  const user = await getSessionUser(request);
  const locale = await resolveLocale(request, user?.locale ?? null);
  const event = await readEventForCalendar(db(), centre.id, params.eventId ?? "", user?.id ?? null, locale);
  invariantResponse(event);
  return calendarDownload(db(), centre.id, event, locale, `event-${params.eventId}.ics`);
}
