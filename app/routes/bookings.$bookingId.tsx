import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { BookingCard } from "~/features/bookings/components/booking-card";
import { readBooking } from "~/features/bookings/read-bookings.server";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { invariantResponse } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "bookings:book");
  // Someone else's booking answers exactly like a missing one.
  const booking = await readBooking(db(), user, params.bookingId ?? "");
  invariantResponse(booking, "Not found", { status: 404 });
  return { booking };
}

export default function BookingDetail() {
  const { booking } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">{t("bookings.detail.title", { code: booking.code })}</h1>
      <BookingCard booking={booking} showLink={false} />
      <Link to="/bookings" className="font-medium text-brand-800 underline">
        {t("bookings.detail.back")}
      </Link>
    </div>
  );
}

export const meta = titleMeta("bookings.list.title");
