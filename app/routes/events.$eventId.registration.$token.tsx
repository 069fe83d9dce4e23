import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { dangerButtonClass } from "~/components/buttons";
import { cardClass } from "~/components/card";
import { FormNotice } from "~/features/auth/components/auth-page";
import { titleMeta } from "~/features/auth/meta";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { cancelRegistration } from "~/features/events/cancel-registration.server";
import { EventBadges, EventPlace, EventWhen, QrCode, eventTitle } from "~/features/events/components/event-parts";
import { registrationQr } from "~/features/events/qr.server";
import { getEvent, registrationByToken, waitlistPosition } from "~/features/events/queries.server";
import { checkOpen, mayHaveCertificate } from "~/features/events/rules";
import { runOutboxOnce } from "~/features/outbox/worker.server";
import type { MessageKey } from "~/i18n/translate";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { invariantResponse } from "~/utils/http.server";

const DONE = ["registered", "waitlisted", "cancelled"] as const;

// A guest's own registration, reached by the link in their messages: the token is the key.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const centre = await requireCurrentCentre();
  const event = await getEvent(db(), centre.id, params.eventId ?? "");
  invariantResponse(event, "Not found");
  const registration = await registrationByToken(db(), event.id, params.token ?? "");
  invariantResponse(registration, "Not found");
  const zone = centre.time_zone;
  const done = new URL(request.url).searchParams.get("done");
  const live = registration.status !== "cancelled";
  return {
    event: {
      id: event.id,
      kind: event.kind,
      title_vi: event.title_vi,
      title_en: event.title_en,
      starts_at: event.starts_at,
      ends_at: event.ends_at,
      venue_text: event.venue_text,
      resource_code: event.resource_code,
      resource_name_vi: event.resource_name_vi,
      resource_name_en: event.resource_name_en,
      status: event.status,
    },
    zone,
    registration: {
      id: registration.id,
      name: registration.person_name,
      status: registration.status,
      position:
        registration.status === "waitlisted" ? await waitlistPosition(db(), event.id, registration.queue_order) : null,
      token: registration.token,
    },
    qr: live && registration.status === "registered" ? registrationQr(event.id, registration.token) : null,
    open: live && checkOpen(event, new Date()) === null,
    certificate: mayHaveCertificate(event, registration),
    done: (DONE as readonly string[]).includes(done ?? "") ? (done as (typeof DONE)[number]) : null,
  };
}

export async function action({ params }: ActionFunctionArgs) {
  const centre = await requireCurrentCentre();
  const eventId = params.eventId ?? "";
  const token = params.token ?? "";
  const result = await cancelRegistration(db(), centre.id, eventId, { token });
  invariantResponse(result.ok || result.status !== 404, "Not found");
  if (!result.ok) return data({ error: result.message }, { status: result.status });
  void runOutboxOnce();
  return redirect(`/events/${eventId}/registration/${encodeURIComponent(token)}?done=cancelled`);
}

const DONE_NOTICE: Record<(typeof DONE)[number], MessageKey> = {
  registered: "events.done.registered",
  waitlisted: "events.done.waitlisted",
  cancelled: "events.done.cancelled",
};

export default function GuestRegistration() {
  const { event, zone, registration, qr, open, certificate, done } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Link to={`/events/${event.id}`} className="text-brand-800 underline">
          {eventTitle(event, locale)}
        </Link>
        <h1 className="text-2xl font-bold">{t("events.guest.pageTitle")}</h1>
      </div>
      {done ? <FormNotice tone="success">{t(DONE_NOTICE[done])}</FormNotice> : null}
      {result?.error ? <FormNotice tone="error">{t(result.error)}</FormNotice> : null}
      <section aria-labelledby="registration" className={`${cardClass} space-y-3`}>
        <EventBadges event={event} />
        <h2 id="registration" className="text-lg font-semibold">
          {eventTitle(event, locale)}
        </h2>
        <p>
          <EventWhen event={event} zone={zone} /> · <EventPlace event={event} locale={locale} />
        </p>
        <p>{t("events.guest.for", { name: registration.name })}</p>
        <p className="font-medium">
          {registration.status === "waitlisted"
            ? t("events.mine.waitlisted", { position: registration.position ?? 0 })
            : t(`events.registrationStatus.${registration.status}`)}
        </p>
        {qr ? (
          <>
            <p className="text-stone-800">{t("events.qr.hint")}</p>
            <QrCode {...qr} label={t("events.qr.label")} />
          </>
        ) : null}
        {certificate ? (
          <p>
            <Link
              to={`/events/${event.id}/certificate/${registration.id}?token=${encodeURIComponent(registration.token)}`}
              className="text-brand-800 underline"
            >
              {t("events.certificate.link")}
            </Link>
          </p>
        ) : null}
        {open ? (
          <Form method="post">
            <button type="submit" className={dangerButtonClass}>
              {t("events.mine.cancel")}
            </button>
          </Form>
        ) : null}
      </section>
    </div>
  );
}

export const meta = titleMeta("events.guest.pageTitle");
