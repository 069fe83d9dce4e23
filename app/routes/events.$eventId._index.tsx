import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { buttonClass, dangerButtonClass } from "~/components/buttons";
import { cardClass } from "~/components/card";
import { FormErrorSummary, FormField, SelectField } from "~/components/form-field";
import { FormNotice } from "~/features/auth/components/auth-page";
import { titleMeta } from "~/features/auth/meta";
import { can } from "~/features/auth/permissions";
import { getSessionUser, requireUser } from "~/features/auth/session.server";
import { AddToCalendar } from "~/features/calendar/components/add-to-calendar";
import { eventCalendarLinks } from "~/features/calendar/google";
import { eventCalendarEvent } from "~/features/calendar/items.server";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { cancelRegistration } from "~/features/events/cancel-registration.server";
import {
  AudienceList,
  EventBadges,
  EventPlace,
  EventWhen,
  QrCode,
  eventTitle,
} from "~/features/events/components/event-parts";
import { guestSchema } from "~/features/events/forms";
import { takeGuestRegistration } from "~/features/events/guest-rate-limit.server";
import { registrationQr } from "~/features/events/qr.server";
import { getEvent, memberRegistration, waitlistPosition } from "~/features/events/queries.server";
import { registerForEvent } from "~/features/events/register.server";
import { checkOpen, isForAudience, mayHaveCertificate, memberAudience } from "~/features/events/rules";
import { runOutboxOnce } from "~/features/outbox/worker.server";
import { resolveLocale } from "~/i18n/locale.server";
import type { MessageKey } from "~/i18n/translate";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { parseForm, typedValues, type FieldErrors } from "~/utils/forms";
import { invariantResponse } from "~/utils/http.server";
import { requestTranslator } from "~/utils/request-locale.server";

type ActionResult = { errors: FieldErrors; values?: Record<string, string>; params?: Record<string, string | number> };

const DONE = ["registered", "waitlisted", "cancelled"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Public: visitors see the event and register as guests; members register in one click.
  const centre = await requireCurrentCentre();
  const user = await getSessionUser(request);
  const event = await getEvent(db(), centre.id, params.eventId ?? "");
  invariantResponse(event, "Event not found");
  const zone = centre.time_zone;
  const mine = user ? await memberRegistration(db(), event.id, user.id) : undefined;
  const live = mine && mine.status !== "cancelled" ? mine : undefined;
  const done = new URL(request.url).searchParams.get("done");
  const calendarItem = await eventCalendarEvent(
    db(),
    centre,
    event,
    user?.id ?? null,
    await resolveLocale(request, user?.locale ?? null),
  );
  return {
    event: {
      id: event.id,
      kind: event.kind,
      title_vi: event.title_vi,
      title_en: event.title_en,
      description_vi: event.description_vi,
      description_en: event.description_en,
      organiser: event.organiser,
      starts_at: event.starts_at,
      ends_at: event.ends_at,
      venue_text: event.venue_text,
      resource_code: event.resource_code,
      resource_name_vi: event.resource_name_vi,
      resource_name_en: event.resource_name_en,
      status: event.status,
      audiences: event.audiences,
      capacity: event.capacity,
      free: Math.max(0, event.capacity - (event.registered ?? 0)),
    },
    zone,
    open: checkOpen(event, new Date()) === null,
    signedIn: user !== null,
    mayManage: user ? can(user.role, "events:manage") : false,
    forMe: user ? isForAudience(event.audiences, memberAudience(user.role)) : true,
    mine: live
      ? {
          id: live.id,
          status: live.status,
          position: live.status === "waitlisted" ? await waitlistPosition(db(), event.id, live.queue_order) : null,
          qr: registrationQr(event.id, live.token),
          certificate: mayHaveCertificate(event, live),
        }
      : null,
    done: (DONE as readonly string[]).includes(done ?? "") ? (done as (typeof DONE)[number]) : null,
    calendar: eventCalendarLinks(calendarItem, zone, `/events/${event.id}/calendar.ics`),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const centre = await requireCurrentCentre();
  const eventId = params.eventId ?? "";
  const form = await request.formData();
  const intent = form.get("intent");

  if (intent === "register" || intent === "cancel") {
    const user = await requireUser(request);
    const result =
      intent === "register"
        ? await registerForEvent(db(), centre.id, eventId, { member: user })
        : await cancelRegistration(db(), centre.id, eventId, { userId: user.id });
    invariantResponse(result.ok || result.status !== 404, "Event not found");
    if (!result.ok) return data<ActionResult>({ errors: { _form: result.message } }, { status: result.status });
    void runOutboxOnce();
    return redirect(`/events/${eventId}?done=${"status" in result ? result.status : "cancelled"}`);
  }

  if (intent === "guest") {
    // Every attempt counts, valid or not: nothing is read or written once the address is over.
    const wait = takeGuestRegistration(context.clientIp);
    if (wait !== null) {
      return data<ActionResult>(
        { errors: { _form: "events.error.tooManyGuestRegistrations" }, values: typedValues(form) },
        { status: 429, headers: { "Retry-After": String(wait) } },
      );
    }
    const parsed = parseForm(guestSchema, form);
    if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors, values: parsed.values }, { status: 400 });
    const { locale } = await requestTranslator(request);
    const result = await registerForEvent(db(), centre.id, eventId, { guest: parsed.data, locale });
    invariantResponse(result.ok || result.status !== 404, "Event not found");
    if (!result.ok)
      return data<ActionResult>(
        { errors: { [result.field ?? "_form"]: result.message }, values: typedValues(form), params: result.params },
        { status: result.status },
      );
    void runOutboxOnce();
    return redirect(`/events/${eventId}/registration/${encodeURIComponent(result.token)}?done=${result.status}`);
  }

  throw new Response("Unknown action", { status: 400 });
}

const DONE_NOTICE: Record<(typeof DONE)[number], MessageKey> = {
  registered: "events.done.registered",
  waitlisted: "events.done.waitlisted",
  cancelled: "events.done.cancelled",
};

export default function EventPage() {
  const { event, zone, open, signedIn, mayManage, forMe, mine, done, calendar } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const locale = useLocale();
  const description = locale === "vi" ? event.description_vi : event.description_en;
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Link to="/events" className="text-brand-800 underline">
          {t("events.back")}
        </Link>
        <EventBadges event={event} />
        <h1 className="text-2xl font-bold">{eventTitle(event, locale)}</h1>
      </div>

      {done ? <FormNotice tone="success">{t(DONE_NOTICE[done])}</FormNotice> : null}
      {result?.errors._form ? <FormNotice tone="error">{t(result.errors._form)}</FormNotice> : null}

      <section aria-labelledby="event-details" className={`${cardClass} space-y-3`}>
        <h2 id="event-details" className="sr-only">
          {t("events.details")}
        </h2>
        <dl className="grid gap-2 sm:grid-cols-[10rem_1fr]">
          <dt className="font-medium text-stone-700">{t("events.when")}</dt>
          <dd>
            <EventWhen event={event} zone={zone} />
          </dd>
          <dt className="font-medium text-stone-700">{t("events.where")}</dt>
          <dd>
            <EventPlace event={event} locale={locale} />
          </dd>
          {event.organiser ? (
            <>
              <dt className="font-medium text-stone-700">{t("events.organiser")}</dt>
              <dd>{event.organiser}</dd>
            </>
          ) : null}
          <dt className="font-medium text-stone-700">{t("events.for")}</dt>
          <dd>
            <AudienceList audiences={event.audiences} />
          </dd>
          <dt className="font-medium text-stone-700">{t("events.seats")}</dt>
          <dd>
            {event.free > 0 ? t("events.seatsLeft", { free: event.free, capacity: event.capacity }) : t("events.full")}
          </dd>
        </dl>
        {description ? <p className="whitespace-pre-line text-stone-800">{description}</p> : null}
        {mayManage ? (
          <p>
            <Link to={`/staff/events/${event.id}`} className="text-brand-800 underline">
              {t("events.manage")}
            </Link>
          </p>
        ) : null}
      </section>

      {mine ? (
        <section aria-labelledby="my-registration" className={`${cardClass} space-y-3`}>
          <h2 id="my-registration" className="text-lg font-semibold">
            {t("events.mine.title")}
          </h2>
          <p className="font-medium">
            {mine.status === "waitlisted"
              ? t("events.mine.waitlisted", { position: mine.position ?? 0 })
              : t("events.mine.registered")}
          </p>
          {mine.status === "registered" ? (
            <>
              <p className="text-stone-800">{t("events.qr.hint")}</p>
              <QrCode {...mine.qr} label={t("events.qr.label")} />
            </>
          ) : null}
          {mine.certificate ? (
            <p>
              <Link to={`/events/${event.id}/certificate/${mine.id}`} className="text-brand-800 underline">
                {t("events.certificate.link")}
              </Link>
            </p>
          ) : null}
          {open ? (
            <Form method="post">
              <button type="submit" name="intent" value="cancel" className={dangerButtonClass}>
                {t("events.mine.cancel")}
              </button>
            </Form>
          ) : null}
        </section>
      ) : open ? (
        signedIn ? (
          <section aria-labelledby="register" className={`${cardClass} space-y-3`}>
            <h2 id="register" className="text-lg font-semibold">
              {t("events.register.title")}
            </h2>
            {forMe ? (
              <>
                <p className="text-stone-800">
                  {event.free > 0 ? t("events.register.memberHint") : t("events.register.waitlistHint")}
                </p>
                <Form method="post">
                  <button type="submit" name="intent" value="register" className={buttonClass}>
                    {event.free > 0 ? t("events.register.button") : t("events.register.waitlistButton")}
                  </button>
                </Form>
              </>
            ) : (
              <p className="text-stone-800">{t("events.error.not_for_audience")}</p>
            )}
          </section>
        ) : (
          <GuestForm audiences={event.audiences} free={event.free} result={result} eventId={event.id} />
        )
      ) : event.status === "scheduled" ? (
        <p className="text-stone-800">{t("events.register.closed")}</p>
      ) : null}
      <AddToCalendar links={calendar} />
    </div>
  );
}

function GuestForm({
  audiences,
  free,
  result,
  eventId,
}: {
  audiences: readonly ("founders" | "tourism_cooperatives" | "mentors" | "public")[];
  free: number;
  result: ActionResult | undefined;
  eventId: string;
}) {
  const t = useT();
  const values = result?.values ?? {};
  const errors = result?.errors;
  // The public can register in any group; otherwise only in the groups the event is for.
  const groups = audiences.includes("public")
    ? (["founders", "tourism_cooperatives", "mentors", "public"] as const)
    : audiences;
  return (
    <section aria-labelledby="register" className={`${cardClass} space-y-4`}>
      <h2 id="register" className="text-lg font-semibold">
        {t("events.guest.title")}
      </h2>
      <p className="text-stone-800">
        {t("events.guest.signInHint")}{" "}
        <Link
          to={`/sign-in?redirectTo=${encodeURIComponent(`/events/${eventId}`)}`}
          className="text-brand-800 underline"
        >
          {t("events.guest.signIn")}
        </Link>
      </p>
      {free === 0 ? <p className="font-medium text-stone-800">{t("events.register.waitlistHint")}</p> : null}
      <Form method="post" noValidate className="space-y-4">
        <FormErrorSummary errors={errors && !errors._form ? errors : undefined} />
        <input type="hidden" name="intent" value="guest" />
        <FormField
          name="name"
          label="events.guest.name"
          autoComplete="name"
          errors={errors}
          defaultValue={values.name}
          required
        />
        <FormField
          name="organisation"
          label="events.guest.organisation"
          autoComplete="organization"
          errors={errors}
          defaultValue={values.organisation}
        />
        <FormField
          name="email"
          type="email"
          label="events.guest.email"
          autoComplete="email"
          errors={errors}
          defaultValue={values.email}
          required
        />
        <FormField
          name="phone"
          type="tel"
          label="events.guest.phone"
          autoComplete="tel"
          errors={errors}
          defaultValue={values.phone}
          required
        />
        <SelectField
          name="audience"
          label="events.guest.audience"
          errors={errors}
          defaultValue={values.audience ?? groups[0]}
          options={groups.map((a) => ({ value: a, label: `events.audience.${a}` as const }))}
        />
        <button type="submit" className={buttonClass}>
          {free > 0 ? t("events.register.button") : t("events.register.waitlistButton")}
        </button>
      </Form>
    </section>
  );
}

export const meta = titleMeta("events.page.metaTitle");
