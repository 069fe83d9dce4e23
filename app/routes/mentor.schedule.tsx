import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DateTime } from "luxon";
import { buttonClass } from "~/components/buttons";
import { FormField, SelectField } from "~/components/form-field";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { getCentreZone } from "~/features/bookings/queries.server";
import { SubscribeLink } from "~/features/calendar/components/add-to-calendar";
import { parseCalendarDate } from "~/features/programmes/rules";
import { cardClass, linkClass, SessionList, SessionsPage } from "~/features/sessions/components/session-parts";
import { listMentorSessions } from "~/features/sessions/queries.server";
import { viewPeriod } from "~/features/sessions/rules";
import { formatCalendarDate } from "~/i18n/format";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { zoneOf } from "~/utils/zones";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "mentoring:schedule");
  const zone = await getCentreZone(db(), user.centre_id);
  const search = new URL(request.url).searchParams;
  const view = search.get("view") === "day" ? "day" : "week";
  const today = DateTime.now().setZone(zoneOf(zone)).toISODate()!;
  // A date that is not one shows this week (or today) rather than an error: it is only a view.
  const day = parseCalendarDate(search.get("date") ?? "") ?? today;
  const period = viewPeriod(view, day, zone);
  const sessions = await listMentorSessions(db(), user.centre_id, user.id, period);
  const first = DateTime.fromJSDate(period.start, { zone: zoneOf(zone) });
  const days = Array.from({ length: view === "day" ? 1 : 7 }, (_, i) => first.plus({ days: i }).toISODate()!);
  const step = view === "day" ? { days: 1 } : { weeks: 1 };
  return {
    zone,
    view,
    day,
    today,
    days: days.map((d) => ({
      date: d,
      weekday: DateTime.fromISO(d).weekday,
      sessions: sessions.filter((s) => DateTime.fromJSDate(s.starts_at, { zone: zoneOf(zone) }).toISODate() === d),
    })),
    previous: first.minus(step).toISODate()!,
    next: first.plus(step).toISODate()!,
  };
}

export default function MentorSchedule() {
  const { zone, view, day, days, previous, next, today } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <SessionsPage title={t("sessions.schedule.title")}>
      <SubscribeLink />
      <nav aria-label={t("sessions.schedule.navigation")} className="flex flex-wrap items-center gap-4">
        <Link to={`?view=${view}&date=${previous}`} className={linkClass}>
          {t(view === "day" ? "sessions.schedule.previousDay" : "sessions.schedule.previousWeek")}
        </Link>
        <Link to={`?view=${view}&date=${today}`} className={linkClass}>
          {t("sessions.schedule.today")}
        </Link>
        <Link to={`?view=${view}&date=${next}`} className={linkClass}>
          {t(view === "day" ? "sessions.schedule.nextDay" : "sessions.schedule.nextWeek")}
        </Link>
        <Link to={`?view=${view === "day" ? "week" : "day"}&date=${day}`} className={linkClass}>
          {t(view === "day" ? "sessions.schedule.weekView" : "sessions.schedule.dayView")}
        </Link>
      </nav>
      <Form method="get" className={`${cardClass} grid items-end gap-3 sm:grid-cols-3`}>
        <FormField name="date" label="sessions.field.date" defaultValue={formatCalendarDate(day)} inputMode="numeric" />
        <SelectField
          name="view"
          label="sessions.schedule.view"
          defaultValue={view}
          options={[
            { value: "day", label: "sessions.schedule.dayView" },
            { value: "week", label: "sessions.schedule.weekView" },
          ]}
        />
        <button type="submit" className={buttonClass}>
          {t("sessions.schedule.show")}
        </button>
      </Form>
      {days.map((d) => (
        <section key={d.date} aria-labelledby={`day-${d.date}`} className="space-y-2">
          <h2 id={`day-${d.date}`} className="text-lg font-semibold">
            {t("sessions.schedule.dayHeading", {
              weekday: t(`sessions.weekday.${d.weekday}` as "sessions.weekday.1"),
              date: formatCalendarDate(d.date),
            })}
          </h2>
          <SessionList
            sessions={d.sessions}
            zone={zone}
            show="team"
            withDate={false}
            empty={t("sessions.schedule.free")}
          />
        </section>
      ))}
    </SessionsPage>
  );
}

export const meta = titleMeta("sessions.schedule.title");
