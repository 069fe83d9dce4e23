import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { buttonClass } from "~/components/buttons";
import { FormErrorSummary, FormField, TextAreaField } from "~/components/form-field";
import { FormNotice } from "~/features/auth/components/auth-page";
import { titleMeta } from "~/features/auth/meta";
import { auditActor } from "~/features/audit/record-audit.server";
import { requireUser } from "~/features/auth/session.server";
import { getCentreZone } from "~/features/bookings/queries.server";
import { AddToCalendar } from "~/features/calendar/components/add-to-calendar";
import { eventCalendarLinks } from "~/features/calendar/google";
import { readSessionForCalendar } from "~/features/calendar/items.server";
import { answerSession } from "~/features/sessions/answer-session.server";
import { cancelSession } from "~/features/sessions/cancel-session.server";
import {
  cardClass,
  linkClass,
  SessionPlace,
  SessionsPage,
  SessionStatusBadge,
  SessionWhen,
} from "~/features/sessions/components/session-parts";
import { cancelSchema, recordSchema } from "~/features/sessions/forms";
import { getSession, getSessionNotes, sessionSide } from "~/features/sessions/queries.server";
import { recordSession } from "~/features/sessions/record-session.server";
import { checkCancel, checkRecord, mayAnswer, mayReadNotes } from "~/features/sessions/rules";
import { resolveLocale } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { invariantResponse } from "~/utils/http.server";

type ActionResult = { intent: string; errors: FieldErrors; values: Record<string, string> };

const NOTICES = ["proposed", "confirmed", "declined", "cancelled", "recorded"] as const;

/** The notice shown after each intent succeeds. */
const NOTICE_OF: Record<"confirm" | "decline" | "cancel" | "record", (typeof NOTICES)[number]> = {
  confirm: "confirmed",
  decline: "declined",
  cancel: "cancelled",
  record: "recorded",
};

/** The session and who the person is to it; anyone not party to it (nor staff) gets a 404. */
async function readSession(request: Request, sessionId: string) {
  const user = await requireUser(request);
  const session = await getSession(db(), user.centre_id, sessionId);
  const side = session ? await sessionSide(db(), user, session) : null;
  invariantResponse(session && side);
  return { user, session, side };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, session, side } = await readSession(request, params.sessionId ?? "");
  const now = new Date();
  const notes = mayReadNotes(side) ? await getSessionNotes(db(), session.id) : null;
  const zone = await getCentreZone(db(), user.centre_id);
  const event = await readSessionForCalendar(db(), user, session.id, await resolveLocale(request, user.locale));
  invariantResponse(event);
  return {
    session,
    notes,
    side,
    zone,
    calendar: eventCalendarLinks(event, zone, `/sessions/${session.id}/calendar.ics`),
    may: {
      answer: session.status === "proposed" && mayAnswer(session.proposed_side, side) && session.starts_at > now,
      cancel: checkCancel(session, now) === null,
      record: side === "mentor" && checkRecord(session, now) === null,
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const found = await readSession(request, params.sessionId ?? "");
  const { session } = found;
  const user = auditActor(context, found.user);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const fail = (status: number, errors: FieldErrors, values: Record<string, string> = {}) =>
    data<ActionResult>({ intent, errors, values }, { status });
  let result;
  if (intent === "confirm" || intent === "decline") {
    result = await answerSession(db(), user, session.id, intent);
  } else if (intent === "cancel") {
    const parsed = parseForm(cancelSchema, form);
    if (!parsed.ok) return fail(400, parsed.errors, parsed.values);
    result = await cancelSession(db(), user, session.id, parsed.data.reason);
  } else if (intent === "record") {
    const parsed = parseForm(recordSchema, form);
    if (!parsed.ok) return fail(400, parsed.errors, parsed.values);
    result = await recordSession(db(), user, session.id, parsed.data);
  } else {
    return fail(400, { _form: "sessions.error.unknown_action" });
  }
  if (!result.ok) {
    const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
    return fail(result.status, { _form: result.message }, values);
  }
  return redirect(`/sessions/${session.id}?notice=${NOTICE_OF[intent]}`);
}

export default function SessionPage() {
  const { session, notes, zone, may, calendar } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const [search] = useSearchParams();
  const t = useT();
  const notice = NOTICES.find((n) => n === search.get("notice"));
  const errorsFor = (intent: string) => (result?.intent === intent ? result.errors : undefined);
  return (
    <SessionsPage title={t("sessions.page.title", { team: session.team_name, mentor: session.mentor_name })}>
      {notice && !result ? <FormNotice tone="success">{t(`sessions.notice.${notice}`)}</FormNotice> : null}
      <FormErrorSummary errors={result?.errors} />
      <section className={cardClass} aria-labelledby="session-details">
        <h2 id="session-details" className="sr-only">
          {t("sessions.page.details")}
        </h2>
        <dl className="grid gap-3 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-stone-700">{t("sessions.field.status")}</dt>
            <dd className="mt-1">
              <SessionStatusBadge status={session.status} />
            </dd>
          </div>
          <div>
            <dt className="text-sm text-stone-700">{t("sessions.field.when")}</dt>
            <dd className="mt-1 font-medium">
              <SessionWhen session={session} zone={zone} />
            </dd>
          </div>
          <div>
            <dt className="text-sm text-stone-700">{t("sessions.field.place")}</dt>
            <dd className="mt-1">
              <SessionPlace session={session} />
              {session.mode === "online" && session.online_url ? (
                <>
                  {" · "}
                  <a href={session.online_url} className={linkClass} rel="noopener noreferrer">
                    {t("sessions.page.join")}
                  </a>
                </>
              ) : null}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-stone-700">{t("sessions.field.topic")}</dt>
            <dd className="mt-1">{session.topic}</dd>
          </div>
          <div>
            <dt className="text-sm text-stone-700">{t("sessions.field.proposedBy")}</dt>
            <dd className="mt-1">{t(`sessions.side.${session.proposed_side}`)}</dd>
          </div>
          {session.cancel_reason ? (
            <div>
              <dt className="text-sm text-stone-700">{t("sessions.field.reason")}</dt>
              <dd className="mt-1">{session.cancel_reason}</dd>
            </div>
          ) : null}
        </dl>
      </section>

      <AddToCalendar links={calendar} />

      {notes && (session.status === "done" || session.status === "no_show") ? (
        <section className={cardClass} aria-labelledby="session-notes">
          <h2 id="session-notes" className="text-lg font-semibold">
            {t("sessions.page.notes")}
          </h2>
          <p className="mt-1 text-sm text-stone-700">{t("sessions.page.notesPrivacy")}</p>
          <h3 className="mt-3 font-semibold">{t("sessions.field.notes")}</h3>
          <p className="whitespace-pre-line">{notes.notes || t("sessions.page.noNotes")}</p>
          <h3 className="mt-3 font-semibold">{t("sessions.field.actionItems")}</h3>
          <p className="whitespace-pre-line">{notes.action_items || t("sessions.page.noNotes")}</p>
        </section>
      ) : null}

      {may.answer ? (
        <section className={cardClass} aria-labelledby="session-answer">
          <h2 id="session-answer" className="text-lg font-semibold">
            {t("sessions.page.answer")}
          </h2>
          <div className="mt-3 flex flex-wrap gap-3">
            <Form method="post">
              <input type="hidden" name="intent" value="confirm" />
              <button type="submit" className={buttonClass}>
                {t("sessions.page.confirm")}
              </button>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value="decline" />
              <button
                type="submit"
                className="rounded-md border border-stone-400 bg-white px-4 py-2 font-medium text-stone-800 hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-800"
              >
                {t("sessions.page.decline")}
              </button>
            </Form>
          </div>
        </section>
      ) : null}

      {may.record ? (
        <section className={cardClass} aria-labelledby="session-record">
          <h2 id="session-record" className="text-lg font-semibold">
            {t("sessions.page.record")}
          </h2>
          <Form method="post" noValidate className="mt-3 max-w-2xl space-y-4">
            <input type="hidden" name="intent" value="record" />
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium text-stone-800">{t("sessions.field.outcome")}</legend>
              <label className="flex items-center gap-2">
                <input type="radio" name="outcome" value="done" defaultChecked className="h-4 w-4" />
                {t("sessions.status.done")}
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name="outcome" value="no_show" className="h-4 w-4" />
                {t("sessions.status.no_show")}
              </label>
            </fieldset>
            <TextAreaField
              name="notes"
              label="sessions.field.notes"
              rows={5}
              defaultValue={result?.intent === "record" ? result.values.notes : ""}
              errors={errorsFor("record")}
            />
            <TextAreaField
              name="actionItems"
              label="sessions.field.actionItems"
              hint="sessions.field.actionItemsHint"
              rows={4}
              defaultValue={result?.intent === "record" ? result.values.actionItems : ""}
              errors={errorsFor("record")}
            />
            <button type="submit" className={buttonClass}>
              {t("sessions.page.recordSubmit")}
            </button>
          </Form>
        </section>
      ) : null}

      {may.cancel ? (
        <section className={cardClass} aria-labelledby="session-cancel">
          <h2 id="session-cancel" className="text-lg font-semibold">
            {t("sessions.page.cancel")}
          </h2>
          <Form method="post" noValidate className="mt-3 max-w-2xl space-y-4">
            <input type="hidden" name="intent" value="cancel" />
            <FormField
              name="reason"
              label="sessions.field.reason"
              defaultValue={result?.intent === "cancel" ? result.values.reason : ""}
              errors={errorsFor("cancel")}
            />
            <button
              type="submit"
              className="rounded-md bg-red-800 px-4 py-2 font-medium text-white hover:bg-red-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-900"
            >
              {t("sessions.page.cancelSubmit")}
            </button>
          </Form>
        </section>
      ) : null}
    </SessionsPage>
  );
}

export const meta = titleMeta("sessions.page.metaTitle");
