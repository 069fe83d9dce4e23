import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DateTime } from "luxon";
import { z } from "zod";
import { FormErrorSummary, FormField } from "~/components/form-field";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { SpacesTabs } from "~/features/availability/components/spaces-views";
import { searchRooms, type RoomMatch } from "~/features/availability/search-rooms.server";
import { getCentreZone } from "~/features/bookings/queries.server";
import { parseLocalDate } from "~/features/bookings/rules";
import { formatCalendarDate, formatMoney } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/use-translation";
import type { MessageKey } from "~/i18n/translate";
import { db } from "~/utils/database.server";
import { parseForm, type FieldErrors } from "~/utils/forms";

const DURATIONS = [30, 60, 90, 120, 180, 240, 300, 360, 420, 480] as const;
// A select, not <input type="time">: it shows 24-hour times in every browser and only slot starts.
const START_TIMES = Array.from({ length: 32 }, (_, i) => {
  const minutes = 6 * 60 + i * 30;
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${minutes % 60 === 0 ? "00" : "30"}`;
});

const searchSchema = z.object({
  people: z.coerce
    .number({ error: "spaces.error.people" })
    .int({ error: "spaces.error.people" })
    .min(1, { error: "spaces.error.people" })
    .max(200, { error: "spaces.error.people" }),
  date: z
    .string({ error: "spaces.error.date" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "spaces.error.date" })
    .refine((d) => DateTime.fromISO(d).isValid, { error: "spaces.error.date" }),
  start: z.string({ error: "spaces.error.start" }).regex(/^([01]\d|2[0-3]):(00|30)$/, { error: "spaces.error.start" }),
  duration: z.coerce
    .number({ error: "spaces.error.duration" })
    .refine((n) => (DURATIONS as readonly number[]).includes(n), { error: "spaces.error.duration" }),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "spaces:view");
  const params = new URL(request.url).searchParams;
  const zone = await getCentreZone(db(), user.centre_id);
  const today = DateTime.now().setZone(zone).toISODate()!;
  const defaults = { people: "1", date: today, start: "09:00", duration: "60" };
  // An empty form shows the fields with sensible defaults; any submitted field means a search.
  if (![...params.keys()].some((k) => k in defaults)) {
    return { values: defaults, errors: {} as FieldErrors, result: null };
  }
  const formData = new FormData();
  for (const [key, value] of params) formData.append(key, value.trim());
  const values = { ...defaults, ...Object.fromEntries(params) };
  const parsed = parseForm(searchSchema, formData);
  if (!parsed.ok) return data({ values, errors: parsed.errors as FieldErrors, result: null }, { status: 400 });
  const search = parsed.data;
  const day = parseLocalDate(search.date, zone);
  if (!day)
    return data({ values, errors: { date: "spaces.error.date" } as FieldErrors, result: null }, { status: 400 });
  if (search.date < today) {
    return data({ values, errors: { date: "spaces.error.past" } as FieldErrors, result: null }, { status: 400 });
  }
  const found = await searchRooms(
    db(),
    user,
    { people: search.people, date: search.date, start: search.start, minutes: search.duration },
    zone,
  );
  return { values, errors: {} as FieldErrors, result: { ...search, ...found } };
}

function bookingHref(match: RoomMatch, minutes: number, people: number): string {
  return `/bookings/new?resource=${match.id}&date=${match.date}&start=${match.start}&minutes=${minutes}&people=${people}`;
}

function durationKey(minutes: number): { key: MessageKey; params: Record<string, number> } {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return { key: "spaces.duration.minutes", params: { n: m } };
  if (m === 0) return { key: "spaces.duration.hours", params: { n: h } };
  return { key: "spaces.duration.hoursMinutes", params: { h, m } };
}

function RoomCard({ match, minutes, people }: { match: RoomMatch; minutes: number; people: number }) {
  const t = useT();
  const locale = useLocale();
  return (
    <li className="space-y-2 rounded-xl bg-white p-4 shadow-sm ring-1 ring-stone-200">
      <h3 className="font-semibold">
        {match.code} · {locale === "vi" ? match.name_vi : match.name_en}
      </h3>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-stone-700">{t("spaces.search.capacity")}</dt>
        <dd>{t("spaces.capacity", { n: match.capacity })}</dd>
        <dt className="text-stone-700">{t("spaces.search.amenities")}</dt>
        <dd>
          {match.amenities.length > 0
            ? match.amenities.map((a) => t(`spacesAdmin.amenity.${a}` as MessageKey)).join(", ")
            : t("spaces.search.noAmenities")}
        </dd>
        <dt className="text-stone-700">{t("spaces.search.price")}</dt>
        <dd>
          {match.price === null
            ? t("spaces.search.notSold")
            : match.price === 0
              ? t("spaces.search.free")
              : formatMoney(match.price, locale)}
        </dd>
      </dl>
      <Link
        to={bookingHref(match, minutes, people)}
        className="inline-block rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800"
      >
        {t("spaces.search.bookAt", { code: match.code, time: match.start, date: formatCalendarDate(match.date) })}
      </Link>
    </li>
  );
}

export default function RoomSearch() {
  const { values, errors, result } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("spaces.search.title")}</h1>
      <SpacesTabs />
      <p className="text-stone-700">{t("spaces.search.intro")}</p>
      <Form method="get" noValidate className="space-y-4 rounded-xl bg-white p-4 shadow-sm ring-1 ring-stone-200">
        <FormErrorSummary errors={errors} />
        <div className="grid gap-3 sm:grid-cols-4">
          <FormField
            name="people"
            label="spaces.field.people"
            type="number"
            min={1}
            max={200}
            inputMode="numeric"
            defaultValue={values.people}
            errors={errors}
          />
          <FormField name="date" label="spaces.field.date" type="date" defaultValue={values.date} errors={errors} />
          <div className="space-y-1">
            <label htmlFor="field-start" className="block text-sm font-medium text-stone-800">
              {t("spaces.field.start")}
            </label>
            <select
              id="field-start"
              name="start"
              defaultValue={values.start}
              aria-invalid={errors.start ? true : undefined}
              aria-describedby={errors.start ? "field-start-error" : undefined}
              className="block w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base"
            >
              {!START_TIMES.includes(values.start) ? <option value={values.start}>{values.start}</option> : null}
              {START_TIMES.map((time) => (
                <option key={time} value={time}>
                  {time}
                </option>
              ))}
            </select>
            {errors.start ? (
              <p id="field-start-error" className="text-sm font-medium text-red-800">
                {t(errors.start)}
              </p>
            ) : null}
          </div>
          <div className="space-y-1">
            <label htmlFor="field-duration" className="block text-sm font-medium text-stone-800">
              {t("spaces.field.duration")}
            </label>
            <select
              id="field-duration"
              name="duration"
              defaultValue={values.duration}
              aria-invalid={errors.duration ? true : undefined}
              aria-describedby={errors.duration ? "field-duration-error" : undefined}
              className="block w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base"
            >
              {DURATIONS.map((n) => (
                <option key={n} value={n}>
                  {t(durationKey(n).key, durationKey(n).params)}
                </option>
              ))}
            </select>
            {errors.duration ? (
              <p id="field-duration-error" className="text-sm font-medium text-red-800">
                {t(errors.duration)}
              </p>
            ) : null}
          </div>
        </div>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
          {t("spaces.search.submit")}
        </button>
      </Form>

      {result ? (
        <section aria-labelledby="search-results" className="space-y-3">
          <h2 id="search-results" className="text-lg font-semibold">
            {t("spaces.search.results", {
              start: result.start,
              date: formatCalendarDate(result.date),
              duration: t(durationKey(result.duration).key, durationKey(result.duration).params),
            })}
          </h2>
          {result.matches.length > 0 ? (
            <ul className="grid gap-3 sm:grid-cols-2">
              {result.matches.map((m) => (
                <RoomCard key={m.id} match={m} minutes={result.duration} people={result.people} />
              ))}
            </ul>
          ) : (
            <>
              <p className="font-medium text-stone-800">{t("spaces.search.none")}</p>
              <h2 className="text-lg font-semibold">{t("spaces.search.alternatives")}</h2>
              {result.alternatives.length > 0 ? (
                <ul className="grid gap-3 sm:grid-cols-2">
                  {result.alternatives.map((m) => (
                    <RoomCard
                      key={`${m.id}-${m.date}-${m.start}`}
                      match={m}
                      minutes={result.duration}
                      people={result.people}
                    />
                  ))}
                </ul>
              ) : (
                <p>{t("spaces.search.noAlternatives")}</p>
              )}
            </>
          )}
        </section>
      ) : null}
    </div>
  );
}

export const meta = titleMeta("spaces.search.title");
