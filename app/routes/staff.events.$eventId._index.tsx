import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { buttonClass, dangerButtonClass } from "~/components/buttons";
import { cardClass } from "~/components/card";
import { FormErrorSummary, FormField } from "~/components/form-field";
import { FormNotice } from "~/features/auth/components/auth-page";
import { titleMeta } from "~/features/auth/meta";
import { auditActor } from "~/features/audit/record-audit.server";
import { requirePermission } from "~/features/auth/session.server";
import { getCentreZone } from "~/features/bookings/queries.server";
import { EventBadges, EventFormFields, StaffEventsPage, eventTitle } from "~/features/events/components/event-parts";
import { cancelEventSchema, eventSchema, formValues } from "~/features/events/forms";
import { getEvent, listEventRooms, listProgrammeChoices } from "~/features/events/queries.server";
import { eventFormTimes } from "~/features/events/rules";
import { cancelEvent, updateEvent } from "~/features/events/save-event.server";
import { runOutboxOnce } from "~/features/outbox/worker.server";
import type { MessageKey } from "~/i18n/translate";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { invariantResponse } from "~/utils/http.server";

type ActionResult = {
  intent: "save" | "cancel";
  errors: FieldErrors;
  values: Record<string, string | string[]>;
  params?: Record<string, string | number>;
};

const SAVED = ["created", "updated", "cancelled"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "events:manage");
  const event = await getEvent(db(), user.centre_id, params.eventId ?? "");
  invariantResponse(event, "Event not found");
  const [rooms, programmes, zone] = await Promise.all([
    listEventRooms(db(), user.centre_id),
    listProgrammeChoices(db(), user.centre_id),
    getCentreZone(db(), user.centre_id),
  ]);
  const times = eventFormTimes({ start: event.starts_at, end: event.ends_at }, zone);
  const saved = new URL(request.url).searchParams.get("saved");
  return {
    event,
    values: {
      kind: event.kind,
      titleVi: event.title_vi,
      titleEn: event.title_en,
      descriptionVi: event.description_vi,
      descriptionEn: event.description_en,
      organiser: event.organiser,
      ...times,
      resourceId: event.resource_id ?? "",
      venueText: event.venue_text,
      capacity: String(event.capacity),
      audiences: event.audiences as string[],
      countsAsTraining: event.counts_as_training ? "on" : "",
      programmeId: event.programme_id ?? "",
    },
    options: { rooms, programmes },
    saved: (SAVED as readonly string[]).includes(saved ?? "") ? (saved as (typeof SAVED)[number]) : null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = auditActor(context, await requirePermission(request, "events:manage"));
  const eventId = params.eventId ?? "";
  const form = await request.formData();
  const intent = form.get("intent");

  if (intent === "save") {
    const parsed = parseForm(eventSchema, form);
    if (!parsed.ok)
      return data<ActionResult>({ intent, errors: parsed.errors, values: formValues(form) }, { status: 400 });
    const result = await updateEvent(db(), user, eventId, parsed.data);
    invariantResponse(result.ok || result.status !== 404, "Event not found");
    if (!result.ok)
      return data<ActionResult>(
        {
          intent,
          errors: { [result.field ?? "_form"]: result.message },
          values: formValues(form),
          params: result.params,
        },
        { status: result.status },
      );
    void runOutboxOnce();
    return redirect(`/staff/events/${eventId}?saved=updated`);
  }

  if (intent === "cancel") {
    const parsed = parseForm(cancelEventSchema, form);
    if (!parsed.ok)
      return data<ActionResult>({ intent, errors: parsed.errors, values: formValues(form) }, { status: 400 });
    const result = await cancelEvent(db(), user, eventId, parsed.data.reason);
    invariantResponse(result.ok || result.status !== 404, "Event not found");
    if (!result.ok)
      return data<ActionResult>(
        { intent, errors: { _form: result.message }, values: formValues(form) },
        { status: result.status },
      );
    void runOutboxOnce();
    return redirect(`/staff/events/${eventId}?saved=cancelled`);
  }

  throw new Response("Unknown action", { status: 400 });
}

const SAVED_NOTICE: Record<(typeof SAVED)[number], MessageKey> = {
  created: "events.staff.created",
  updated: "events.staff.updated",
  cancelled: "events.staff.cancelled",
};

export default function StaffEvent() {
  const { event, values, options, saved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const locale = useLocale();
  const save = result?.intent === "save" ? result : undefined;
  const cancel = result?.intent === "cancel" ? result : undefined;
  return (
    <StaffEventsPage
      title={eventTitle(event, locale)}
      back={
        <Link to="/staff/events" className="text-brand-800 underline">
          {t("events.staff.back")}
        </Link>
      }
    >
      <EventBadges event={event} />
      {saved ? <FormNotice tone="success">{t(SAVED_NOTICE[saved])}</FormNotice> : null}
      <p className="flex flex-wrap gap-4">
        <Link to={`/staff/events/${event.id}/attendance`} className="text-brand-800 underline">
          {t("events.attendance.link")}
        </Link>
        <Link to={`/events/${event.id}`} className="text-brand-800 underline">
          {t("events.staff.publicPage")}
        </Link>
      </p>
      <p className="text-stone-800">
        {t("events.staff.counts", {
          registered: event.registered ?? 0,
          capacity: event.capacity,
          waitlisted: event.waitlisted ?? 0,
          attended: event.attended ?? 0,
        })}
      </p>

      {event.status === "scheduled" ? (
        <>
          <section aria-labelledby="edit-event" className={`${cardClass} max-w-2xl space-y-4`}>
            <h2 id="edit-event" className="text-lg font-semibold">
              {t("events.staff.edit")}
            </h2>
            <Form method="post" noValidate className="space-y-4">
              <FormErrorSummary errors={save?.errors} />
              <EventFormFields
                values={save?.values ?? values}
                errors={save?.errors}
                errorParams={save?.params}
                options={options}
                locale={locale}
              />
              <button type="submit" name="intent" value="save" className={buttonClass}>
                {t("events.staff.save")}
              </button>
            </Form>
          </section>
          <section aria-labelledby="cancel-event" className={`${cardClass} max-w-2xl space-y-4`}>
            <h2 id="cancel-event" className="text-lg font-semibold">
              {t("events.staff.cancelTitle")}
            </h2>
            <p className="text-stone-800">{t("events.staff.cancelHint")}</p>
            <Form method="post" noValidate className="space-y-4">
              <FormErrorSummary errors={cancel?.errors} />
              <FormField
                name="reason"
                id="cancel-reason"
                label="events.staff.cancelReason"
                errors={cancel?.errors}
                defaultValue={typeof cancel?.values.reason === "string" ? cancel.values.reason : ""}
                required
              />
              <button type="submit" name="intent" value="cancel" className={dangerButtonClass}>
                {t("events.staff.cancelButton")}
              </button>
            </Form>
          </section>
        </>
      ) : (
        <p className="text-stone-800">{t("events.staff.isCancelled")}</p>
      )}
    </StaffEventsPage>
  );
}

export const meta = titleMeta("events.staff.editTitle");
