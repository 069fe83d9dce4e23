import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { cardClass } from "~/components/card";
import { titleMeta } from "~/features/auth/meta";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { AudienceList, EventBadges, EventPlace, EventWhen, eventTitle } from "~/features/events/components/event-parts";
import { listPastEvents, listUpcomingEvents, type EventView } from "~/features/events/queries.server";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";

/** What the public list shows of an event: nothing about the people registered. */
function listed(e: EventView) {
  return {
    id: e.id,
    kind: e.kind,
    title_vi: e.title_vi,
    title_en: e.title_en,
    starts_at: e.starts_at,
    ends_at: e.ends_at,
    venue_text: e.venue_text,
    resource_code: e.resource_code,
    resource_name_vi: e.resource_name_vi,
    resource_name_en: e.resource_name_en,
    status: e.status,
    audiences: e.audiences,
    capacity: e.capacity,
    free: Math.max(0, e.capacity - (e.registered ?? 0)),
  };
}

export async function loader(_: LoaderFunctionArgs) {
  // Public: anyone may see the centre's events and register.
  const centre = await requireCurrentCentre();
  const now = new Date();
  const [upcoming, past] = await Promise.all([
    listUpcomingEvents(db(), centre.id, now),
    listPastEvents(db(), centre.id, now, 10),
  ]);
  return { upcoming: upcoming.map(listed), past: past.map(listed), zone: centre.time_zone };
}

type Listed = ReturnType<typeof listed>;

function EventCard({ event, zone, past }: { event: Listed; zone: string; past?: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <li className={`${cardClass} space-y-2`}>
      <EventBadges event={event} />
      <h3 className="text-lg font-semibold">
        <Link to={`/events/${event.id}`} className="text-brand-800 underline">
          {eventTitle(event, locale)}
        </Link>
      </h3>
      <p className="text-stone-800">
        <EventWhen event={event} zone={zone} /> · <EventPlace event={event} locale={locale} />
      </p>
      <p className="text-sm text-stone-700">
        {t("events.for")} <AudienceList audiences={event.audiences} />
      </p>
      {!past && event.status === "scheduled" ? (
        <p className="text-sm font-medium text-stone-800">
          {event.free > 0 ? t("events.seatsLeft", { free: event.free, capacity: event.capacity }) : t("events.full")}
        </p>
      ) : null}
    </li>
  );
}

export default function EventsList() {
  const { upcoming, past, zone } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{t("events.list.title")}</h1>
        <p className="text-stone-800">{t("events.list.intro")}</p>
      </div>
      <section aria-labelledby="events-upcoming" className="space-y-3">
        <h2 id="events-upcoming" className="text-xl font-semibold">
          {t("events.list.upcoming")}
        </h2>
        {upcoming.length === 0 ? (
          <p className="text-stone-700">{t("events.list.none")}</p>
        ) : (
          <ul className="space-y-3">
            {upcoming.map((event) => (
              <EventCard key={event.id} event={event} zone={zone} />
            ))}
          </ul>
        )}
      </section>
      {past.length > 0 ? (
        <section aria-labelledby="events-past" className="space-y-3">
          <h2 id="events-past" className="text-xl font-semibold">
            {t("events.list.past")}
          </h2>
          <ul className="space-y-3">
            {past.map((event) => (
              <EventCard key={event.id} event={event} zone={zone} past />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export const meta = titleMeta("events.list.title");
