import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { buttonClass } from "~/components/buttons";
import { FormErrorSummary, FormField, SelectField } from "~/components/form-field";
import { titleMeta } from "~/features/auth/meta";
import { auditActor } from "~/features/audit/record-audit.server";
import { requireUser } from "~/features/auth/session.server";
import { cardClass, linkClass, SessionsPage } from "~/features/sessions/components/session-parts";
import { proposeSchema } from "~/features/sessions/forms";
import { proposeSession } from "~/features/sessions/propose-session.server";
import { getAssignment, listMeetingRooms } from "~/features/sessions/queries.server";
import { sideOf, SESSION_LENGTHS } from "~/features/sessions/rules";
import { formatCalendarDate } from "~/i18n/format";
import { named } from "~/i18n/named";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { invariantResponse } from "~/utils/http.server";

type ActionResult = {
  errors: FieldErrors;
  values: Record<string, string>;
  params?: Record<string, string | number>;
};

/** Only the assignment's mentor, its team's founders and staff may propose; anyone else sees nothing. */
async function readAssignment(request: Request) {
  const user = await requireUser(request);
  const id = new URL(request.url).searchParams.get("assignment") ?? "";
  const assignment = await getAssignment(db(), user.centre_id, id);
  const side = assignment ? sideOf(user, assignment) : null;
  invariantResponse(assignment && side);
  return { user, assignment, side };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, assignment, side } = await readAssignment(request);
  const rooms = await listMeetingRooms(db(), user.centre_id);
  return {
    assignment: {
      id: assignment.id,
      mentorName: assignment.mentor_name,
      teamName: assignment.team_name,
      startsOn: assignment.starts_on,
      endsOn: assignment.ends_on,
      active: assignment.status === "active",
    },
    rooms,
    staff: side === "staff",
    back: side === "mentor" ? "/mentor" : side === "team" ? "/team/sessions" : "/staff/sessions",
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const found = await readAssignment(request);
  const { assignment } = found;
  const user = auditActor(context, found.user);
  const parsed = parseForm(proposeSchema, await request.formData());
  if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const input = parsed.data;
  const result = await proposeSession(db(), user, {
    assignmentId: assignment.id,
    date: input.date,
    start: input.start,
    minutes: input.minutes,
    topic: input.topic,
    mode: input.mode,
    resourceId: input.resourceId ?? null,
    onlineUrl: input.onlineUrl ?? null,
    override: input.override === "on",
  });
  if (!result.ok) {
    const values = Object.fromEntries(
      Object.entries(input).map(([k, v]) => [k, typeof v === "string" ? v : String(v ?? "")]),
    );
    return data<ActionResult>(
      { errors: { [result.field ?? "_form"]: result.message }, values, params: result.params },
      { status: result.status },
    );
  }
  return redirect(`/sessions/${result.sessionId}?notice=proposed`);
}

export default function ProposeSession() {
  const { assignment, rooms, staff, back } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const locale = useLocale();
  const values = result?.values ?? {};
  const errors = result?.errors;
  return (
    <SessionsPage title={t("sessions.propose.title")}>
      <p className="text-stone-800">
        {t("sessions.propose.intro", {
          mentor: assignment.mentorName,
          team: assignment.teamName,
          from: formatCalendarDate(assignment.startsOn),
          to: formatCalendarDate(assignment.endsOn),
        })}
      </p>
      {!assignment.active ? (
        <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
          {t("sessions.error.assignment_ended")}
        </p>
      ) : null}
      <Form method="post" noValidate className={`${cardClass} max-w-2xl space-y-4`}>
        <FormErrorSummary errors={errors} />
        <div className="grid gap-4 sm:grid-cols-3">
          <FormField
            name="date"
            label="sessions.field.date"
            hint="sessions.field.dateHint"
            inputMode="numeric"
            autoComplete="off"
            defaultValue={values.date ?? ""}
            errors={errors}
            errorParams={result?.params}
          />
          <FormField
            name="start"
            label="sessions.field.start"
            hint="sessions.field.startHint"
            type="time"
            defaultValue={values.start ?? ""}
            errors={errors}
          />
          <SelectField
            name="minutes"
            label="sessions.field.length"
            defaultValue={values.minutes ?? "60"}
            errors={errors}
            options={SESSION_LENGTHS.map((m) => ({ value: String(m), text: t("sessions.minutes", { minutes: m }) }))}
          />
        </div>
        <FormField name="topic" label="sessions.field.topic" defaultValue={values.topic ?? ""} errors={errors} />
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-stone-800">{t("sessions.field.mode")}</legend>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="mode"
              value="centre"
              defaultChecked={(values.mode ?? "centre") === "centre"}
              className="h-4 w-4"
            />
            {t("sessions.mode.centre")}
          </label>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="mode"
              value="online"
              defaultChecked={values.mode === "online"}
              className="h-4 w-4"
            />
            {t("sessions.mode.online")}
          </label>
          {errors?.mode ? <p className="text-sm text-red-800">{t(errors.mode)}</p> : null}
        </fieldset>
        <SelectField
          name="resourceId"
          label="sessions.field.room"
          hint="sessions.field.roomHint"
          defaultValue={values.resourceId ?? ""}
          errors={errors}
          errorParams={result?.params}
          options={[
            { value: "", label: "sessions.field.roomNone" },
            ...rooms.map((r) => ({
              value: r.id,
              text: `${r.code} · ${named(r, locale)} (${t("sessions.capacity", { capacity: r.capacity })})`,
            })),
          ]}
        />
        <FormField
          name="onlineUrl"
          label="sessions.field.onlineUrl"
          hint="sessions.field.onlineUrlHint"
          type="url"
          defaultValue={values.onlineUrl ?? ""}
          errors={errors}
        />
        {staff ? (
          <label className="flex items-center gap-2">
            <input type="checkbox" name="override" defaultChecked={values.override === "on"} className="h-4 w-4" />
            {t("sessions.field.override")}
          </label>
        ) : null}
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className={buttonClass}>
            {t("sessions.propose.submit")}
          </button>
          <Link to={back} className={linkClass}>
            {t("form.cancel")}
          </Link>
        </div>
      </Form>
    </SessionsPage>
  );
}

export const meta = titleMeta("sessions.propose.title");
