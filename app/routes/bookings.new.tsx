import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { titleMeta } from "~/features/auth/meta";
import { can } from "~/features/auth/permissions";
import { auditActor } from "~/features/audit/record-audit.server";
import { requirePermission } from "~/features/auth/session.server";
import { bookResource } from "~/features/bookings/book-resource.server";
import { bookSeries, type SeriesRequest } from "~/features/bookings/book-series.server";
import { RefusalMessage } from "~/features/bookings/components/refusal";
import { choiceFields } from "~/features/bookings/forms";
import { personToBookFor } from "~/features/bookings/person-to-book-for.server";
import { planBooking, type Booker, type BookingChoice, type Refusal } from "~/features/bookings/plan-booking.server";
import { listPeopleToBookFor, listTeamsToBookFor } from "~/features/bookings/queries.server";
import { statusFor } from "~/features/bookings/rules";
import { formatCalendarDate, formatDate, formatMoney, formatTime } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { forbidden } from "~/utils/http.server";

const selectClass = "block w-full rounded-md border border-stone-400 bg-white px-3 py-2";

// The booking form's fields, the same in the query string (URL contract) and the POST body.
const choiceSchema = z.object({ resource: z.string().trim().default(""), ...choiceFields });

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
  // Staff may book for a person or a team: they get the lists to choose from.
  const isStaff = can(user.role, "spaces:manage");
  const [people, teams] = isStaff
    ? await Promise.all([listPeopleToBookFor(db(), user.centre_id), listTeamsToBookFor(db(), user.centre_id)])
    : [[], []];
  if (!choice.resourceId) return { choice, preview: null, refusal: null, isStaff, people, teams };
  // A team's fixed desk is checked once staff have said whom the booking is for.
  const planned = await planBooking(db(), user, choice, new Date(), { checkFixedDesk: !isStaff });
  if (!planned.ok) {
    const refusal: RefusalData = { code: planned.code, params: planned.params };
    return data({ choice, preview: null, refusal, isStaff, people, teams }, { status: statusFor(planned.code) });
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
    // How it is paid for: the team's free allowance, a pass, or money (decision 015).
    coverage: plan.coverage.kind,
  };
  return { choice, preview, refusal: null, isStaff, people, teams };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = auditActor(context, await requirePermission(request, "bookings:book"));
  const formData = await request.formData();
  const choice = readChoice(formData.entries());
  const series = readSeries(formData);
  // Staff may book for someone else (a person, a team, or both); the booking then follows
  // that person's and team's rules, and the person gets the confirmation.
  const wanted = {
    userId: String(formData.get("forUser") ?? "").trim() || null,
    email: String(formData.get("forEmail") ?? "").trim() || null,
    teamId: String(formData.get("forTeam") ?? "").trim() || null,
  };
  const forSomeone = Boolean(wanted.userId || wanted.email || wanted.teamId);
  let booker: Booker = user;
  let teamId: string | null = null;
  if (forSomeone) {
    if (!can(user.role, "spaces:manage")) forbidden();
    const found = await personToBookFor(db(), user.centre_id, wanted);
    if (!found.ok) {
      const refusal: RefusalData = { code: found.code };
      return data({ refusal, occurrences: null }, { status: statusFor(found.code) });
    }
    booker = found.person;
    teamId = found.teamId;
  }
  const options = { bookedBy: user.id, teamId, auditActor: user };
  if (series) {
    const result = await bookSeries(db(), booker, choice, series, {
      ...options,
      bookFreeOnly: formData.get("bookFree") === "on",
    });
    if (result.ok) return redirect(`/bookings?notice=seriesBooked&count=${result.booked}`);
    const refusal: RefusalData = { code: result.code, params: result.params };
    return data({ refusal, occurrences: result.occurrences ?? null }, { status: statusFor(result.code) });
  }
  const result = await bookResource(db(), booker, choice, new Date(), options);
  // A booking that costs money is held: the person pays on its pay page (staff record it there too).
  if (result.ok && result.paymentId) return redirect(`/bookings/${result.bookingId}/pay`);
  if (result.ok) return redirect(forSomeone ? "/bookings?notice=bookedFor" : "/bookings?notice=booked");
  const refusal: RefusalData = { code: result.code, params: result.params, alternatives: result.alternatives };
  return data({ refusal, occurrences: null }, { status: statusFor(result.code) });
}

export default function NewBooking() {
  const { choice, preview, refusal, isStaff, people, teams } = useLoaderData<typeof loader>();
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
            {t("spaces.plan.title")}
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
                {preview.coverage !== "free" ? (
                  <span className="block text-sm font-normal text-stone-700">
                    {t(`payments.coverage.${preview.coverage}`)}
                  </span>
                ) : null}
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
              <fieldset className="mb-4 space-y-3 rounded-md border border-stone-300 p-3">
                <legend className="px-1 text-sm font-medium text-stone-800">{t("bookings.staff.legend")}</legend>
                <p className="text-sm text-stone-700">{t("bookings.staff.hint")}</p>
                <div className="grid gap-3 sm:grid-cols-2">
                  <label className="block text-sm font-medium text-stone-800">
                    {t("bookings.field.forUser")}
                    <select name="forUser" defaultValue="" className={selectClass}>
                      <option value="">{t("bookings.field.nobody")}</option>
                      {people.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.name} ({p.email})
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className="block text-sm font-medium text-stone-800">
                    {t("bookings.field.forEmail")}
                    <input type="email" name="forEmail" autoComplete="off" className={selectClass} />
                  </label>
                  <label className="block text-sm font-medium text-stone-800">
                    {t("bookings.field.forTeam")}
                    <select name="forTeam" defaultValue="" className={selectClass}>
                      <option value="">{t("bookings.field.nobody")}</option>
                      {teams.map((team) => (
                        <option key={team.id} value={team.id}>
                          {team.name}
                        </option>
                      ))}
                    </select>
                  </label>
                </div>
              </fieldset>
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
