import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { bookResource } from "~/features/bookings/book-resource.server";
import { bookSeries, type SeriesRequest } from "~/features/bookings/book-series.server";
import { RefusalMessage } from "~/features/bookings/components/refusal";
import { planBooking, type Booker, type BookingChoice, type Refusal } from "~/features/bookings/plan-booking.server";
import { getPersonByEmail } from "~/features/bookings/queries.server";
import { isStaffRole, statusFor } from "~/features/bookings/rules";
import { formatCalendarDate, formatDate, formatMoney, formatTime } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { forbidden } from "~/utils/http.server";

// The booking form's fields, the same in the query string (URL contract) and the POST body.
// Malformed values are left to the booking rules, which name what is wrong.
const optionalNumber = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? null : Number(v)));
const choiceSchema = z.object({
  resource: z.string().trim().default(""),
  date: z.string().trim().default(""),
  part: z.string().trim().optional(),
  start: z.string().trim().optional(),
  minutes: optionalNumber,
  people: optionalNumber,
});

function readChoice(entries: Iterable<[string, FormDataEntryValue]>): BookingChoice {
  const raw: Record<string, string> = {};
  for (const [key, value] of entries) if (typeof value === "string") raw[key] = value;
  const parsed = choiceSchema.parse(raw);
  return {
    resourceId: parsed.resource,
    date: parsed.date,
    part: parsed.part || null,
    start: parsed.start || null,
    minutes: parsed.minutes,
    people: parsed.people,
  };
}

type RefusalData = Pick<Refusal, "code" | "params" | "alternatives">;

/** A weekly repeat, when any weekday is ticked. */
function readSeries(formData: FormData): SeriesRequest | null {
  const weekdays = formData.getAll("weekday").map((v) => Number(v));
  if (weekdays.length === 0) return null;
  const until = String(formData.get("until") ?? "").trim();
  const occurrences = String(formData.get("occurrences") ?? "").trim();
  return { weekdays, until: until || null, occurrences: occurrences ? Number(occurrences) : null };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "bookings:book");
  const url = new URL(request.url);
  const choice = readChoice(url.searchParams.entries());
  const isStaff = isStaffRole(user.role);
  if (!choice.resourceId) return { choice, preview: null, refusal: null, isStaff };
  const planned = await planBooking(db(), user, choice, new Date());
  if (!planned.ok) {
    const refusal: RefusalData = { code: planned.code, params: planned.params };
    return data({ choice, preview: null, refusal, isStaff }, { status: statusFor(planned.code) });
  }
  const { plan } = planned;
  const preview = {
    code: plan.resource.code,
    name_vi: plan.resource.name_vi,
    name_en: plan.resource.name_en,
    kind: plan.resource.kind,
    date: formatDate(plan.period.start, plan.zone),
    time: `${formatTime(plan.period.start, plan.zone)}–${formatTime(plan.period.end, plan.zone)}`,
    part: plan.dayPart,
    attendees: plan.attendees,
    price: plan.price,
  };
  return { choice, preview, refusal: null, isStaff };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "bookings:book");
  const formData = await request.formData();
  const choice = readChoice(formData.entries());
  const series = readSeries(formData);
  if (series) {
    const result = await bookSeries(db(), user, choice, series, { bookFreeOnly: formData.get("bookFree") === "on" });
    if (result.ok) return redirect(`/bookings?notice=seriesBooked&count=${result.booked}`);
    const refusal: RefusalData = { code: result.code, params: result.params };
    return data({ refusal, occurrences: result.occurrences ?? null }, { status: statusFor(result.code) });
  }
  // Staff may book for someone else; the booking then follows that person's rules.
  const forEmail = String(formData.get("forEmail") ?? "").trim();
  let booker: Booker = user;
  if (forEmail) {
    if (!isStaffRole(user.role)) forbidden();
    const person = await getPersonByEmail(db(), user.centre_id, forEmail);
    if (!person)
      return data({ refusal: { code: "unknown_person" } as RefusalData, occurrences: null }, { status: 404 });
    booker = person;
  }
  const result = await bookResource(db(), booker, choice, new Date(), { bookedBy: user.id });
  if (result.ok) return redirect(forEmail ? "/bookings?notice=bookedFor" : "/bookings?notice=booked");
  const refusal: RefusalData = { code: result.code, params: result.params, alternatives: result.alternatives };
  return data({ refusal, occurrences: null }, { status: statusFor(result.code) });
}

export default function NewBooking() {
  const { choice, preview, refusal, isStaff } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const shown = actionData?.refusal ?? refusal;
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">{t("bookings.new.title")}</h1>
      {!choice.resourceId ? (
        <p className="rounded-xl bg-white p-6 text-stone-700 shadow-sm ring-1 ring-stone-200">
          {t("bookings.new.chooseResource")}{" "}
          <Link to="/spaces" className="font-medium text-brand-800 underline">
            /spaces
          </Link>
        </p>
      ) : null}
      {shown ? (
        <div className="space-y-2">
          {!actionData ? <p className="text-stone-800">{t("bookings.new.invalid")}</p> : null}
          <RefusalMessage refusal={shown} />
          {actionData?.occurrences ? (
            <ul className="list-disc pl-5 text-stone-800">
              {actionData.occurrences.map((o) => (
                <li key={o.date}>
                  {formatCalendarDate(o.date)}: {o.ok ? t("bookings.series.free") : t(`bookings.error.${o.code}`)}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {preview ? (
        <section className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-stone-200">
          <dl className="grid gap-3 sm:grid-cols-2">
            <div>
              <dt className="text-sm text-stone-700">{t("bookings.field.resource")}</dt>
              <dd className="mt-1 font-medium">
                {preview.code} · {locale === "vi" ? preview.name_vi : preview.name_en}
                <span className="block text-sm font-normal text-stone-700">{t(`bookings.kind.${preview.kind}`)}</span>
              </dd>
            </div>
            <div>
              <dt className="text-sm text-stone-700">{t("bookings.field.date")}</dt>
              <dd className="mt-1 font-medium">{preview.date}</dd>
            </div>
            <div>
              <dt className="text-sm text-stone-700">{t("bookings.field.time")}</dt>
              <dd className="mt-1 font-medium">
                {preview.part ? `${t(`bookings.part.${preview.part}`)} · ` : null}
                {preview.time}
              </dd>
            </div>
            {preview.part ? null : (
              <div>
                <dt className="text-sm text-stone-700">{t("bookings.field.people")}</dt>
                <dd className="mt-1 font-medium">{preview.attendees}</dd>
              </div>
            )}
            <div>
              <dt className="text-sm text-stone-700">{t("bookings.field.price")}</dt>
              <dd className="mt-1 font-medium">
                {preview.price === 0 ? t("bookings.price.free") : formatMoney(preview.price, locale)}
              </dd>
            </div>
          </dl>
          <Form method="post" className="mt-6">
            <input type="hidden" name="resource" value={choice.resourceId} />
            <input type="hidden" name="date" value={choice.date} />
            {choice.part ? <input type="hidden" name="part" value={choice.part} /> : null}
            {choice.start ? <input type="hidden" name="start" value={choice.start} /> : null}
            {choice.minutes !== null ? <input type="hidden" name="minutes" value={String(choice.minutes)} /> : null}
            {choice.people !== null ? <input type="hidden" name="people" value={String(choice.people)} /> : null}
            {isStaff ? (
              <label className="mb-4 block text-sm font-medium text-stone-800">
                {t("bookings.field.forEmail")}
                <input
                  type="email"
                  name="forEmail"
                  autoComplete="off"
                  className="block w-full rounded-md border border-stone-400 px-3 py-2"
                />
              </label>
            ) : null}
            <fieldset className="mb-4 space-y-3 rounded-md border border-stone-300 p-3">
              <legend className="px-1 text-sm font-medium text-stone-800">{t("bookings.series.legend")}</legend>
              <p className="text-sm text-stone-700">{t("bookings.series.weekdays")}</p>
              <div className="flex flex-wrap gap-3">
                {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                  <label key={d} className="flex items-center gap-1 text-sm">
                    <input type="checkbox" name="weekday" value={d} />
                    {t(`bookings.weekday.${d as 1 | 2 | 3 | 4 | 5 | 6 | 7}`)}
                  </label>
                ))}
              </div>
              <div className="grid gap-3 sm:grid-cols-2">
                <label className="block text-sm font-medium text-stone-800">
                  {t("bookings.series.until")}
                  <input
                    type="date"
                    name="until"
                    className="block w-full rounded-md border border-stone-400 px-3 py-2"
                  />
                </label>
                <label className="block text-sm font-medium text-stone-800">
                  {t("bookings.series.occurrences")}
                  <input
                    type="number"
                    name="occurrences"
                    min={1}
                    max={53}
                    className="block w-full rounded-md border border-stone-400 px-3 py-2"
                  />
                </label>
              </div>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="bookFree" />
                {t("bookings.series.bookFree")}
              </label>
            </fieldset>
            <button
              type="submit"
              className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-800"
            >
              {t("bookings.new.confirm")}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}

export const meta = titleMeta("bookings.new.title");
