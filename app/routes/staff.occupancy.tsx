import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { DateTime } from "luxon";
import { buttonClass } from "~/components/buttons";
import { cardClass } from "~/components/card";
import { FormField } from "~/components/form-field";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { getCentreZone } from "~/features/bookings/queries.server";
import { PeriodSections } from "~/features/occupancy/components/period-sections";
import { TodaySection } from "~/features/occupancy/components/today-section";
import { readPeriod, readToday } from "~/features/occupancy/read-occupancy.server";
import { parsePeriod } from "~/features/occupancy/rules";
import { formatCalendarDate, formatDateTime, formatTime } from "~/i18n/format";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";

// Occupancy for staff and admins: today at the centre, and a chosen period (?from=&to=,
// dd/MM/yyyy; the last four weeks by default). A bad period answers 400 with the message
// beside its field and shows no period figures.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "staff-area:view");
  const zone = await getCentreZone(db(), user.centre_id);
  const now = new Date();
  const todayIso = DateTime.fromJSDate(now).setZone(zone).toISODate()!;
  const parsed = parsePeriod(new URL(request.url), todayIso);
  // Today and the chosen period are read side by side (no period to read when it is wrong).
  const [today, figures] = await Promise.all([
    readToday(db(), { centreId: user.centre_id, zone, now }),
    parsed.ok ? readPeriod(db(), { centreId: user.centre_id, zone, period: parsed.period, now }) : null,
  ]);
  const todayView = {
    date: formatCalendarDate(today.today),
    asOf: formatTime(now, zone),
    floors: today.floors,
    total: today.total,
    rooms: today.rooms.map((room) => ({
      ...room,
      until: room.until ? formatTime(room.until, zone) : null,
      next: room.next ? formatDateTime(room.next, zone) : null,
    })),
    people: today.people.map((p) => ({
      id: p.id,
      time: `${formatTime(p.starts_at, zone)}–${formatTime(p.ends_at, zone)}`,
      person: p.person,
      team: p.team,
      resourceCode: p.resource_code,
      resourceVi: p.resource_name_vi,
      resourceEn: p.resource_name_en,
      status: p.status,
    })),
  };
  if (!parsed.ok) {
    return data({ today: todayView, figures: null, errors: parsed.errors, values: parsed.values }, { status: 400 });
  }
  const values = { from: formatCalendarDate(parsed.period.from), to: formatCalendarDate(parsed.period.to) };
  return { today: todayView, figures, errors: null, values };
}

export default function StaffOccupancy() {
  const { today, figures, errors, values } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">{t("occupancy.title")}</h1>
        <p className="mt-2 max-w-3xl text-stone-700">{t("occupancy.lead")}</p>
      </div>

      <TodaySection today={today} />

      <section aria-labelledby="occupancy-period" className="space-y-6">
        <div className={cardClass}>
          <h2 id="occupancy-period" className="text-xl font-semibold">
            {t("occupancy.period.title")}
          </h2>
          {errors ? (
            <p role="alert" className="mt-2 font-medium text-red-800">
              {t("occupancy.period.invalid")}
            </p>
          ) : null}
          <Form method="get" className="mt-3 flex flex-wrap items-start gap-4">
            <div className="w-40">
              <FormField
                name="from"
                label="occupancy.period.from"
                defaultValue={values.from}
                errors={errors ?? undefined}
                placeholder="dd/MM/yyyy"
                inputMode="numeric"
              />
            </div>
            <div className="w-40">
              <FormField
                name="to"
                label="occupancy.period.to"
                defaultValue={values.to}
                errors={errors ?? undefined}
                placeholder="dd/MM/yyyy"
                inputMode="numeric"
              />
            </div>
            <button type="submit" className={`${buttonClass} mt-6`}>
              {t("occupancy.period.show")}
            </button>
          </Form>
          <p className="mt-2 text-sm text-stone-700">{t("occupancy.period.hint")}</p>
        </div>
        {figures ? <PeriodSections figures={figures} values={values} /> : null}
      </section>
    </div>
  );
}

export const meta = titleMeta("occupancy.meta.title");
