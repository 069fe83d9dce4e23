import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { BookingCard } from "~/features/bookings/components/booking-card";
import { getCentreZone } from "~/features/bookings/queries.server";
import { readBooking } from "~/features/bookings/read-bookings.server";
import { AddToCalendar } from "~/features/calendar/components/add-to-calendar";
import { eventCalendarLinks } from "~/features/calendar/google";
import { readBookingForCalendar } from "~/features/calendar/items.server";
import { resolveLocale } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { invariantResponse } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "bookings:book");
  // Someone else's booking answers exactly like a missing one.
  const booking = await readBooking(db(), user, params.bookingId ?? "");
  invariantResponse(booking, "Not found", { status: 404 });
  const event = await readBookingForCalendar(db(), user, booking.id, await resolveLocale(request, user.locale));
  invariantResponse(event);
  const zone = await getCentreZone(db(), user.centre_id);
  return { booking, calendar: eventCalendarLinks(event, zone, `/bookings/${booking.id}/calendar.ics`) };
}

export default function BookingDetail() {
  const { booking, calendar } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">{t("bookings.detail.title", { code: booking.code })}</h1>
      <BookingCard booking={booking} showLink={false} />
      <AddToCalendar links={calendar} />
      <Link to="/bookings" className="font-medium text-brand-800 underline">
        {t("bookings.detail.back")}
      </Link>
    </div>
  );
}

export const meta = titleMeta("bookings.list.title");
