import { Link } from "@remix-run/react";
import { useLocale, useT } from "~/i18n/use-translation";
import { formatDate, formatTime } from "~/i18n/format";
import type { Alternative, Refusal } from "../plan-booking.server";

/** The link of the booking form for an alternative (the URL contract other pages use too). */
export function bookingFormUrl(a: Pick<Alternative, "resourceId" | "date" | "part" | "start" | "minutes" | "people">) {
  const query = new URLSearchParams({ resource: a.resourceId, date: a.date });
  if (a.part) query.set("part", a.part);
  else {
    if (a.start) query.set("start", a.start);
    if (a.minutes) query.set("minutes", String(a.minutes));
    query.set("people", String(a.people));
  }
  return `/bookings/new?${query.toString()}`;
}

/** Why a booking was refused, and the nearest free choices when someone just took it. */
export function RefusalMessage({ refusal }: { refusal: Pick<Refusal, "code" | "params" | "alternatives"> }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div role="alert" className="space-y-2 rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
      <p className="font-medium">{t(`bookings.error.${refusal.code}`, refusal.params)}</p>
      {refusal.code === "held_by_event" && refusal.params?.eventId ? (
        <p>
          <Link to={`/staff/events/${refusal.params.eventId}`} className="font-medium text-brand-800 underline">
            {t("bookings.error.heldByEventLink")}
          </Link>
        </p>
      ) : null}
      {refusal.alternatives ? (
        refusal.alternatives.length > 0 ? (
          <>
            <p>{t("bookings.alternatives.title")}</p>
            <ul className="list-disc space-y-1 pl-5">
              {refusal.alternatives.map((a) => (
                <li key={`${a.resourceId}-${a.startsAt}`}>
                  <Link to={bookingFormUrl(a)} className="font-medium text-brand-800 underline">
                    {a.code} · {locale === "vi" ? a.name_vi : a.name_en} · {formatDate(a.startsAt, a.zone)}{" "}
                    {a.part ? t(`bookings.part.${a.part}`) : null} {formatTime(a.startsAt, a.zone)}–
                    {formatTime(a.endsAt, a.zone)}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t("bookings.alternatives.none")}</p>
        )
      ) : null}
    </div>
  );
}
