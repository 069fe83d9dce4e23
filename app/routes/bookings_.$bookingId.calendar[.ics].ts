import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/features/auth/session.server";
import { calendarDownload } from "~/features/calendar/download.server";
import { readBookingForCalendar } from "~/features/calendar/items.server";
import { resolveLocale } from "~/i18n/locale.server";
import { db } from "~/utils/database.server";
import { invariantResponse } from "~/utils/http.server";

// One booking as an .ics file, for calendars that do not subscribe. Someone else's booking
// answers exactly like a missing one, as the booking's page does.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "bookings:book");
  const locale = await resolveLocale(request, user.locale);
  const event = await readBookingForCalendar(db(), user, params.bookingId ?? "", locale);
  invariantResponse(event);
  return calendarDownload(db(), user.centre_id, event, locale, `booking-${params.bookingId}.ics`);
}
