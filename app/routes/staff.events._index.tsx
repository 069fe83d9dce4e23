import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { buttonClass } from "~/components/buttons";
import { cardClass } from "~/components/card";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { getCentreZone } from "~/features/bookings/queries.server";
import {
  EventBadges,
  EventPlace,
  EventWhen,
  StaffEventsPage,
  eventTitle,
} from "~/features/events/components/event-parts";
import { listPastEvents, listUpcomingEvents, type EventView } from "~/features/events/queries.server";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "events:manage");
  const now = new Date();
  const [upcoming, past, zone] = await Promise.all([
    listUpcomingEvents(db(), user.centre_id, now),
    listPastEvents(db(), user.centre_id, now, 50),
    getCentreZone(db(), user.centre_id),
  ]);
  return { upcoming, past, zone };
}

function EventRows({ events, zone }: { events: EventView[]; zone: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ul className="divide-y divide-stone-200">
      {events.map((event) => (
        <li key={event.id} className="space-y-1 py-3">
          <EventBadges event={event} />
          <p className="font-semibold">
            <Link to={`/staff/events/${event.id}`} className="text-brand-800 underline">
              {eventTitle(event, locale)}
            </Link>
          </p>
          <p className="text-sm text-stone-800">
            <EventWhen event={event} zone={zone} /> · <EventPlace event={event} locale={locale} />
          </p>
          <p className="text-sm text-stone-700">
            {t("events.staff.counts", {
              registered: event.registered ?? 0,
              capacity: event.capacity,
              waitlisted: event.waitlisted ?? 0,
              attended: event.attended ?? 0,
            })}{" "}
            ·{" "}
            <Link to={`/staff/events/${event.id}/attendance`} className="text-brand-800 underline">
              {t("events.attendance.link")}
            </Link>
          </p>
        </li>
      ))}
    </ul>
  );
}

export default function StaffEvents() {
  const { upcoming, past, zone } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <StaffEventsPage title={t("events.staff.title")}>
      <p>
        <Link to="/staff/events/new" className={`${buttonClass} inline-block`}>
          {t("events.staff.new")}
        </Link>
      </p>
      <section aria-labelledby="staff-upcoming" className={cardClass}>
        <h2 id="staff-upcoming" className="text-lg font-semibold">
          {t("events.list.upcoming")}
        </h2>
        {upcoming.length === 0 ? (
          <p className="mt-2 text-stone-700">{t("events.list.none")}</p>
        ) : (
          <EventRows events={upcoming} zone={zone} />
        )}
      </section>
      {past.length > 0 ? (
        <section aria-labelledby="staff-past" className={cardClass}>
          <h2 id="staff-past" className="text-lg font-semibold">
            {t("events.list.past")}
          </h2>
          <EventRows events={past} zone={zone} />
        </section>
      ) : null}
    </StaffEventsPage>
  );
}

export const meta = titleMeta("events.staff.title");
