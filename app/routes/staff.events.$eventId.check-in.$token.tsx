import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { buttonClass } from "~/components/buttons";
import { cardClass } from "~/components/card";
import { FormNotice } from "~/features/auth/components/auth-page";
import { titleMeta } from "~/features/auth/meta";
import { auditActor } from "~/features/audit/record-audit.server";
import { requirePermission } from "~/features/auth/session.server";
import { getCentreZone } from "~/features/bookings/queries.server";
import { EventPlace, EventWhen, StaffEventsPage, eventTitle } from "~/features/events/components/event-parts";
import { markAttendance } from "~/features/events/mark-attendance.server";
import { getEvent, registrationByToken } from "~/features/events/queries.server";
import type { MessageKey } from "~/i18n/translate";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { invariantResponse } from "~/utils/http.server";

// Where a registration's QR code leads: staff, signed in on their phone, confirm the person is here.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "events:manage");
  const event = await getEvent(db(), user.centre_id, params.eventId ?? "");
  invariantResponse(event, "Not found");
  const registration = await registrationByToken(db(), event.id, params.token ?? "");
  invariantResponse(registration, "Not found");
  return {
    event,
    zone: await getCentreZone(db(), user.centre_id),
    person: {
      name: registration.person_name,
      organisation: registration.guest_organisation,
      audience: registration.audience,
      status: registration.status,
      attended: registration.attended_at !== null,
    },
  };
}

type ActionResult = { ok: boolean; message: MessageKey; name?: string };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = auditActor(context, await requirePermission(request, "events:manage"));
  const result = await markAttendance(db(), user, params.eventId ?? "", { token: params.token ?? "" }, true);
  invariantResponse(result.ok || result.status !== 404, "Not found");
  if (!result.ok) return data<ActionResult>({ ok: false, message: result.message }, { status: result.status });
  return data<ActionResult>({ ok: true, message: "events.attendance.markedPresent", name: result.name });
}

export default function CheckIn() {
  const { event, zone, person } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const locale = useLocale();
  return (
    <StaffEventsPage
      title={t("events.checkIn.title")}
      back={
        <Link to={`/staff/events/${event.id}/attendance`} className="text-brand-800 underline">
          {t("events.attendance.back")}
        </Link>
      }
    >
      {result ? (
        <FormNotice tone={result.ok ? "success" : "error"}>{t(result.message, { name: result.name ?? "" })}</FormNotice>
      ) : null}
      <section aria-labelledby="check-in-person" className={`${cardClass} space-y-3`}>
        <h2 id="check-in-person" className="text-2xl font-semibold">
          {person.name}
        </h2>
        <p className="text-stone-800">
          {[t(`events.audience.${person.audience}`), person.organisation].filter(Boolean).join(" · ")}
        </p>
        <p className="text-stone-800">
          {eventTitle(event, locale)} · <EventWhen event={event} zone={zone} /> ·{" "}
          <EventPlace event={event} locale={locale} />
        </p>
        {person.status !== "registered" ? (
          <p className="font-medium text-red-900">{t(`events.error.not_registered_${person.status}`)}</p>
        ) : person.attended ? (
          <p className="text-lg font-semibold text-brand-800">{t("events.checkIn.already")}</p>
        ) : (
          <Form method="post">
            <button type="submit" className={`${buttonClass} min-h-12 w-full text-lg sm:w-auto`}>
              {t("events.attendance.present")}
            </button>
          </Form>
        )}
      </section>
    </StaffEventsPage>
  );
}

export const meta = titleMeta("events.checkIn.title");
