import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { DateTime } from "luxon";
import { z } from "zod";
import { FormField, SelectField } from "~/components/form-field";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import {
  SpacesTabs,
  StateBadge,
  StateLegend,
  StatePatterns,
  STATE_STYLE,
  STATE_VARIANTS,
} from "~/features/availability/components/spaces-views";
import { availabilityBasis, dayAvailability } from "~/features/availability/queries.server";
import { parseLocalDate } from "~/features/bookings/rules";
import { formatCalendarDate } from "~/i18n/format";
import { resolveLocale } from "~/i18n/locale.server";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import type { FieldErrors } from "~/utils/forms";

// The plan's GET form; a missing value falls back to today, the whole day, the first floor.
const querySchema = z.object({
  date: z.string().trim().optional(),
  part: z.enum(["morning", "afternoon", "day"]).catch("day"),
  floor: z.string().trim().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "spaces:view");
  // Names in the reader's language only: the page data is embedded in the HTML too.
  const locale = await resolveLocale(request, user.locale);
  const url = new URL(request.url);
  const query = querySchema.parse(Object.fromEntries(url.searchParams));
  // One read of what does not depend on the day, the centre's zone among it.
  const basis = await availabilityBasis(db(), user);
  const { zone } = basis;
  const today = DateTime.now().setZone(zone).toISODate()!;
  const date = query.date || today;
  const errors: FieldErrors = {};
  if (!parseLocalDate(date, zone)) errors.date = "spaces.error.date";
  const availability = errors.date
    ? null
    : await dayAvailability(db(), user, date, { part: query.part }, undefined, { floor: query.floor ?? null }, basis);
  const floors = availability?.floors ?? [];
  const floor = floors.find((f) => f.id === query.floor) ?? floors[0] ?? null;
  const resources = (availability?.resources ?? [])
    .filter((r) => r.floor_id === floor?.id)
    .map((r) => ({
      id: r.id,
      code: r.code,
      kind: r.kind,
      name: locale === "vi" ? r.name_vi : r.name_en,
      capacity: r.capacity,
      state: r.state,
      // Free desks open the booking form; free rooms open the day's timeline to pick a time.
      href:
        !r.free || !r.bookable
          ? null
          : r.room
            ? `/spaces/rooms?date=${date}`
            : `/bookings/new?resource=${r.id}&date=${date}&part=${query.part}`,
      free: r.free,
      notBookable: r.free && !r.bookable,
      teamDesk: r.teamDesk,
      otherTeamDesk: r.otherTeamDesk,
      x: r.plan_x,
      y: r.plan_y,
      width: r.plan_width,
      height: r.plan_height,
    }));
  const body = {
    date,
    part: query.part,
    floors,
    floor,
    resources,
    closed: availability ? availability.period === null : false,
    // The half day has started (or is over): nothing in it can be booked any more.
    past: availability?.period ? availability.period.start.getTime() < Date.now() : false,
    errors,
  };
  return errors.date ? data(body, { status: 400 }) : body;
}

export default function FloorPlan() {
  const { date, part, floors, floor, resources, closed, past, errors } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const floorName = floor ? (locale === "vi" ? floor.name_vi : floor.name_en) : "";
  const partLabel = t(`bookings.part.${part}`);
  // A team's fixed desk says whose it is, beside its state.
  const stateLabel = (r: (typeof resources)[number]) =>
    r.teamDesk
      ? `${t("spaces.state.teamDesk")} · ${t(`spaces.state.${r.free ? "free" : r.state}`)}`
      : r.otherTeamDesk && r.state === "taken"
        ? t("spaces.state.otherTeamDesk")
        : t(`spaces.state.${r.state}`);
  return (
    <div className={`space-y-6 ${STATE_VARIANTS}`}>
      <h1 className="text-2xl font-bold">{t("spaces.plan.title")}</h1>
      <SpacesTabs date={errors.date ? undefined : date} />
      <p className="text-stone-700">{t("spaces.plan.intro")}</p>
      <Form method="get" className="grid gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-stone-200 sm:grid-cols-4">
        <FormField name="date" type="date" label="spaces.field.date" errors={errors} defaultValue={date} />
        <SelectField
          name="part"
          label="spaces.field.part"
          defaultValue={part}
          options={[
            { value: "morning", label: "bookings.part.morning" },
            { value: "afternoon", label: "bookings.part.afternoon" },
            { value: "day", label: "bookings.part.day" },
          ]}
        />
        {floors.length > 1 ? (
          <div className="space-y-1">
            <label htmlFor="field-floor" className="block text-sm font-medium text-stone-800">
              {t("spaces.field.floor")}
            </label>
            <select
              id="field-floor"
              name="floor"
              defaultValue={floor?.id}
              className="block w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base"
            >
              {floors.map((f) => (
                <option key={f.id} value={f.id}>
                  {locale === "vi" ? f.name_vi : f.name_en}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="flex items-end">
          <button
            type="submit"
            className="w-full rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
          >
            {t("spaces.show")}
          </button>
        </div>
      </Form>

      {!errors.date && !floor ? <p className="text-stone-700">{t("spaces.plan.noFloors")}</p> : null}
      {closed ? (
        <p className="rounded-md bg-red-50 p-3 font-medium text-red-900 ring-1 ring-red-800">
          {t("spaces.plan.closedDay")}
        </p>
      ) : past ? (
        <p className="rounded-md bg-amber-50 p-3 font-medium text-stone-900 ring-1 ring-amber-700">
          {t("spaces.plan.past")}
        </p>
      ) : null}

      {floor ? (
        <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
          <figure className="min-w-0 space-y-3 rounded-xl bg-white p-3 shadow-sm ring-1 ring-stone-200">
            <figcaption className="font-semibold">
              {floorName} · {formatCalendarDate(date)} · {partLabel}
            </figcaption>
            {/* On a phone the plan keeps a readable size and scrolls sideways; the list below has it all. */}
            <div
              className="overflow-x-auto"
              tabIndex={0}
              role="region"
              aria-label={t("spaces.plan.svgTitle", {
                floor: floorName,
                date: formatCalendarDate(date),
                part: partLabel,
              })}
            >
              <svg
                viewBox={`0 0 ${floor.plan_width} ${floor.plan_height}`}
                className="h-auto w-full min-w-[640px] lg:min-w-0 [&_a:focus]:outline-none [&_a:focus>rect]:stroke-[6]"
                aria-labelledby="plan-title"
              >
                <title id="plan-title">
                  {t("spaces.plan.svgTitle", { floor: floorName, date: formatCalendarDate(date), part: partLabel })}
                </title>
                <StatePatterns />
                <rect x="0" y="0" width={floor.plan_width} height={floor.plan_height} fill="#fafaf9" stroke="#a8a29e" />
                {/* Text settings shared by every label, set once on the group. */}
                <g textAnchor="middle" fontWeight="600" fill="#1c1917">
                  {resources.map((r) => {
                    const style = STATE_STYLE[r.state];
                    const label = `${r.code} · ${r.name} · ${stateLabel(r)}`;
                    const fontSize = Math.round(Math.max(12, Math.min(22, r.width / 4.5)));
                    const shape = (
                      <>
                        <rect
                          x={r.x}
                          y={r.y}
                          width={r.width}
                          height={r.height}
                          rx="4"
                          fill={style.pattern || style.fill}
                          stroke={style.stroke}
                          strokeWidth={r.state === "mine" ? 4 : 2}
                        />
                        <text
                          x={r.x + r.width / 2}
                          y={r.y + r.height / 2}
                          dominantBaseline="middle"
                          fontSize={fontSize}
                          aria-hidden="true"
                        >
                          <tspan x={r.x + r.width / 2} dy="-0.5em">
                            {r.code}
                          </tspan>
                          <tspan x={r.x + r.width / 2} dy="1.2em">
                            {style.symbol}
                          </tspan>
                        </text>
                      </>
                    );
                    return r.href ? (
                      <a key={r.id} href={r.href} aria-label={label}>
                        <title>{label}</title>
                        {shape}
                      </a>
                    ) : (
                      <g key={r.id} aria-label={label} role="img">
                        <title>{label}</title>
                        {shape}
                      </g>
                    );
                  })}
                </g>
              </svg>
            </div>
            <StateLegend />
          </figure>

          <section aria-labelledby="plan-list" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-stone-200">
            <h2 id="plan-list" className="font-semibold">
              {t("spaces.plan.listTitle", { floor: floorName })}
            </h2>
            <ul className="mt-3 divide-y divide-stone-200 *:flex *:flex-wrap *:items-center *:justify-between *:gap-2 *:py-2">
              {resources.map((r) => (
                <li key={r.id}>
                  {/* One text node per line where it can: each piece is work for every desk. */}
                  <div>
                    <span className="font-medium">{r.code}</span>
                    {` · ${r.name}`}
                    <span className="block text-sm text-stone-700">
                      {`${t(`bookings.kind.${r.kind}`)} · ${t("spaces.capacity", { n: r.capacity })}`}
                    </span>
                  </div>
                  <div className="flex items-center gap-2">
                    <StateBadge state={r.state} label={stateLabel(r)} />
                    {/* A plain link: the booking form is a full page load, with or without JavaScript. */}
                    {r.href ? (
                      <a
                        href={r.href}
                        aria-label={t("spaces.bookLabel", { code: r.code })}
                        className="rounded-md bg-brand-700 px-3 py-1 text-sm font-medium text-white hover:bg-brand-800"
                      >
                        {t("spaces.book")}
                      </a>
                    ) : r.notBookable ? (
                      <span className="text-sm text-stone-700">{t("spaces.state.notBookable")}</span>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          </section>
        </div>
      ) : null}
    </div>
  );
}

export const meta = titleMeta("spaces.plan.title");
