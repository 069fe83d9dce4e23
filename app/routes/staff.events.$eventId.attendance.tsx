import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { cardClass } from "~/components/card";
import { FormNotice } from "~/features/auth/components/auth-page";
import { titleMeta } from "~/features/auth/meta";
import { auditActor } from "~/features/audit/record-audit.server";
import { requirePermission } from "~/features/auth/session.server";
import { getCentreZone } from "~/features/bookings/queries.server";
import { EventPlace, EventWhen, StaffEventsPage, eventTitle } from "~/features/events/components/event-parts";
import { attendanceSchema } from "~/features/events/forms";
import { markAttendance } from "~/features/events/mark-attendance.server";
import { checkInUrl } from "~/features/events/qr.server";
import { getEvent, listRegistrations } from "~/features/events/queries.server";
import { mayHaveCertificate } from "~/features/events/rules";
import type { MessageKey } from "~/i18n/translate";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { parseForm } from "~/utils/forms";
import { invariantResponse } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "events:manage");
  const event = await getEvent(db(), user.centre_id, params.eventId ?? "");
  invariantResponse(event, "Event not found");
  const [people, zone] = await Promise.all([listRegistrations(db(), event.id), getCentreZone(db(), user.centre_id)]);
  return {
    event,
    zone,
    scanUrl: `${checkInUrl(event.id, "")}…`,
    people: people.map((p) => ({
      id: p.id,
      name: p.person_name,
      organisation: p.guest_organisation,
      email: p.person_email,
      phone: p.person_phone,
      audience: p.audience,
      guest: p.user_id === null,
      status: p.status,
      attended: p.attended_at !== null,
      certificate: mayHaveCertificate(event, p),
    })),
  };
}

type ActionResult = { ok: boolean; message: MessageKey; name?: string };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = auditActor(context, await requirePermission(request, "events:manage"));
  const parsed = parseForm(attendanceSchema, await request.formData());
  invariantResponse(parsed.ok, "Bad request", { status: 400 });
  const present = parsed.data.present === "yes";
  const result = await markAttendance(
    db(),
    user,
    params.eventId ?? "",
    { registrationId: parsed.data.registrationId },
    present,
  );
  invariantResponse(result.ok || result.status !== 404, "Not found");
  if (!result.ok) return data<ActionResult>({ ok: false, message: result.message }, { status: result.status });
  return data<ActionResult>({
    ok: true,
    message: present ? "events.attendance.markedPresent" : "events.attendance.markedAbsent",
    name: result.name,
  });
}

export default function Attendance() {
  const { event, zone, scanUrl, people } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const locale = useLocale();
  const registered = people.filter((p) => p.status === "registered");
  const waiting = people.filter((p) => p.status === "waitlisted");
  const attended = registered.filter((p) => p.attended).length;
  return (
    <StaffEventsPage
      title={t("events.attendance.title", { title: eventTitle(event, locale) })}
      back={
        <Link to={`/staff/events/${event.id}`} className="text-brand-800 underline">
          {t("events.attendance.back")}
        </Link>
      }
    >
      <p className="text-stone-800">
        <EventWhen event={event} zone={zone} /> · <EventPlace event={event} locale={locale} />
      </p>
      {result ? (
        <FormNotice tone={result.ok ? "success" : "error"}>{t(result.message, { name: result.name ?? "" })}</FormNotice>
      ) : null}
      <p className="text-lg font-semibold" aria-live="polite">
        {t("events.attendance.counts", { registered: registered.length, attended, waitlisted: waiting.length })}
      </p>
      <p className="text-sm text-stone-700">
        {t("events.attendance.scanHint")} <span className="font-mono wrap-anywhere">{scanUrl}</span>
      </p>

      <section aria-labelledby="attendance-list" className={cardClass}>
        <h2 id="attendance-list" className="text-lg font-semibold">
          {t("events.attendance.registered")}
        </h2>
        {registered.length === 0 ? (
          <p className="mt-2 text-stone-700">{t("events.attendance.none")}</p>
        ) : (
          <ul className="divide-y divide-stone-200">
            {registered.map((p) => (
              <li key={p.id} className="flex items-center justify-between gap-3 py-3">
                <div className="min-w-0">
                  <p className="font-semibold">{p.name}</p>
                  <p className="text-sm text-stone-700">
                    {[t(`events.audience.${p.audience}`), p.organisation, p.phone].filter(Boolean).join(" · ")}
                  </p>
                  {p.certificate ? (
                    <Link to={`/events/${event.id}/certificate/${p.id}`} className="text-sm text-brand-800 underline">
                      {t("events.certificate.link")}
                    </Link>
                  ) : null}
                </div>
                <Form method="post" className="shrink-0">
                  <input type="hidden" name="registrationId" value={p.id} />
                  <input type="hidden" name="present" value={p.attended ? "no" : "yes"} />
                  <button
                    type="submit"
                    aria-pressed={p.attended}
                    aria-label={t("events.attendance.toggleLabel", { name: p.name })}
                    className={
                      p.attended
                        ? "min-h-11 rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-800"
                        : "min-h-11 rounded-md border border-brand-700 px-4 py-2 font-medium text-brand-800 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-800"
                    }
                  >
                    {p.attended ? `✓ ${t("events.attendance.present")}` : t("events.attendance.present")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>

      {waiting.length > 0 ? (
        <section aria-labelledby="waitlist" className={cardClass}>
          <h2 id="waitlist" className="text-lg font-semibold">
            {t("events.attendance.waitlist")}
          </h2>
          <ol className="list-decimal space-y-1 pl-6">
            {waiting.map((p) => (
              <li key={p.id}>
                {p.name} <span className="text-sm text-stone-700">· {t(`events.audience.${p.audience}`)}</span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </StaffEventsPage>
  );
}

export const meta = titleMeta("events.attendance.metaTitle");
