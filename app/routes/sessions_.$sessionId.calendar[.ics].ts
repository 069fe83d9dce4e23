import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/features/auth/session.server";
import { calendarDownload } from "~/features/calendar/download.server";
import { readSessionForCalendar } from "~/features/calendar/items.server";
import { resolveLocale } from "~/i18n/locale.server";
import { db } from "~/utils/database.server";
import { invariantResponse } from "~/utils/http.server";

// One mentoring session as an .ics file; 404 for anyone not party to it, as its page answers.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await resolveLocale(request, user.locale);
  const event = await readSessionForCalendar(db(), user, params.sessionId ?? "", locale);
  invariantResponse(event);
  return calendarDownload(db(), user.centre_id, event, locale, `session-${params.sessionId}.ics`);
}
