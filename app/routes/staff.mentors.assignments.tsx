import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { buttonClass, dangerButtonClass } from "~/components/buttons";
import { cardClass } from "~/components/card";
import { FormErrorSummary, FormField, SelectField } from "~/components/form-field";
import { FormNotice } from "~/features/auth/components/auth-page";
import { titleMeta } from "~/features/auth/meta";
import { auditActor } from "~/features/audit/record-audit.server";
import { requirePermission } from "~/features/auth/session.server";
import { assignMentor } from "~/features/assignments/assign-mentor.server";
import { AssignmentSummary } from "~/features/assignments/components/assignment-summary";
import { endAssignment } from "~/features/assignments/end-assignment.server";
import { assignFormSchema, assignmentIdSchema } from "~/features/assignments/forms";
import { findRequest, listIncubatingTeams } from "~/features/assignments/queries.server";
import { readAssignments } from "~/features/assignments/read-assignments.server";
import { MentorsNav } from "~/features/mentors/components/mentors-nav";
import { listAssignableMentors } from "~/features/mentors/queries.server";
import { runOutboxOnce } from "~/features/outbox/worker.server";
import { centreClock } from "~/features/teams/team-page.server";
import type { MessageKey } from "~/i18n/translate";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { parseForm, typedValues, type FieldErrors } from "~/utils/forms";
import { badRequest, invariantResponse } from "~/utils/http.server";

type ActionResult = {
  intent: "assign" | "end";
  errors?: FieldErrors;
  values?: Record<string, string>;
  notice?: MessageKey;
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "mentors:manage");
  const url = new URL(request.url);
  const clock = await centreClock();
  const [assignments, mentors, teams] = await Promise.all([
    readAssignments(db(), user.centre_id, clock),
    listAssignableMentors(db(), user.centre_id),
    listIncubatingTeams(db(), user.centre_id),
  ]);
  // Answering a request: the form starts with its team.
  const requestId = z.uuid().safeParse(url.searchParams.get("request"));
  const answering = requestId.success ? await findRequest(db(), user.centre_id, requestId.data) : undefined;
  return {
    assignments,
    mentors,
    teams,
    answering: answering?.status === "open" ? { id: answering.id, teamId: answering.team_id } : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = auditActor(context, await requirePermission(request, "mentors:manage"));
  const form = await request.formData();
  const intent = form.get("intent");

  if (intent === "assign") {
    const parsed = parseForm(assignFormSchema, form);
    if (!parsed.ok) return badRequest<ActionResult>({ intent, errors: parsed.errors, values: parsed.values });
    const result = await assignMentor(db(), {
      centreId: user.centre_id,
      staffId: user.id,
      form: parsed.data,
      actor: user,
    });
    invariantResponse(result);
    if (!result.ok) return badRequest<ActionResult>({ intent, errors: result.errors, values: typedValues(form) });
    void runOutboxOnce();
    return data<ActionResult>({ intent, notice: "assignments.created" });
  }

  if (intent === "end") {
    const parsed = parseForm(assignmentIdSchema, form);
    invariantResponse(parsed.ok);
    invariantResponse(await endAssignment(db(), user.centre_id, parsed.data.assignmentId, user));
    return data<ActionResult>({ intent, notice: "assignments.ended" });
  }

  throw new Response("Unknown action", { status: 400 });
}

export default function StaffAssignments() {
  const { assignments, mentors, teams, answering } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const assign = result?.intent === "assign" ? result : undefined;
  const values = assign?.errors ? assign.values : undefined;
  const active = assignments.filter((a) => a.status === "active");
  const ended = assignments.filter((a) => a.status === "ended");
  const stalled = active.filter((a) => a.stalled.length > 0);
  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <h1 className="text-2xl font-bold">{t("assignments.title")}</h1>
        <MentorsNav />
      </div>
      {result?.intent === "end" && result.notice ? <FormNotice tone="success">{t(result.notice)}</FormNotice> : null}

      <section aria-labelledby="assign-form" className={`${cardClass} max-w-2xl`}>
        <h2 id="assign-form" className="text-lg font-semibold">
          {t(answering ? "assignments.form.answering" : "assignments.form.title")}
        </h2>
        <Form method="post" noValidate className="mt-4 grid gap-4 sm:grid-cols-2" key={assign?.notice ?? "assign"}>
          <input type="hidden" name="intent" value="assign" />
          {answering ? <input type="hidden" name="requestId" value={answering.id} /> : null}
          <div className="sm:col-span-2">
            {assign?.notice ? <FormNotice tone="success">{t(assign.notice)}</FormNotice> : null}
            <FormErrorSummary errors={assign?.errors} />
          </div>
          <SelectField
            name="mentorId"
            label="assignments.field.mentor"
            errors={assign?.errors}
            defaultValue={values?.mentorId ?? ""}
            options={[
              { value: "", label: "assignments.field.choose" },
              ...mentors.map((m) => ({ value: m.id, text: m.name })),
            ]}
          />
          <SelectField
            name="teamId"
            label="assignments.field.team"
            errors={assign?.errors}
            defaultValue={values?.teamId ?? answering?.teamId ?? ""}
            options={[
              { value: "", label: "assignments.field.choose" },
              ...teams.map((team) => ({ value: team.id, text: team.name })),
            ]}
          />
          <FormField
            name="startsOn"
            label="assignments.field.startsOn"
            hint="mentors.field.dateHint"
            placeholder="dd/mm/yyyy"
            errors={assign?.errors}
            defaultValue={values?.startsOn ?? ""}
          />
          <FormField
            name="endsOn"
            label="assignments.field.endsOn"
            hint="mentors.field.dateHint"
            placeholder="dd/mm/yyyy"
            errors={assign?.errors}
            defaultValue={values?.endsOn ?? ""}
          />
          <div className="sm:col-span-2">
            <FormField
              name="focus"
              label="assignments.field.focus"
              errors={assign?.errors}
              defaultValue={values?.focus ?? ""}
            />
          </div>
          <FormField
            name="plannedHours"
            inputMode="decimal"
            label="assignments.field.plannedHours"
            hint="assignments.field.plannedHoursHint"
            errors={assign?.errors}
            defaultValue={values?.plannedHours ?? ""}
          />
          <div className="sm:col-span-2">
            <button type="submit" className={buttonClass}>
              {t("assignments.form.submit")}
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="stalled" className={cardClass}>
        <h2 id="stalled" className="text-lg font-semibold">
          {t("assignments.stalled.title", { count: stalled.length })}
        </h2>
        <p className="mt-1 text-sm text-stone-700">{t("assignments.stalled.rule")}</p>
        {stalled.length === 0 ? (
          <p className="mt-3 text-stone-700">{t("assignments.stalled.none")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200">
            {stalled.map((a) => (
              <li key={a.id} className="py-3">
                <AssignmentSummary assignment={a} heading={`${a.mentor_name} → ${a.team_name}`} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="active-assignments" className={cardClass}>
        <h2 id="active-assignments" className="text-lg font-semibold">
          {t("assignments.active", { count: active.length })}
        </h2>
        <ul className="mt-3 divide-y divide-stone-200">
          {active.map((a) => (
            <li key={a.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
              <AssignmentSummary assignment={a} heading={`${a.mentor_name} → ${a.team_name}`} />
              <Form method="post">
                <input type="hidden" name="intent" value="end" />
                <input type="hidden" name="assignmentId" value={a.id} />
                <button
                  type="submit"
                  aria-label={t("assignments.endLabel", { mentor: a.mentor_name, team: a.team_name })}
                  className={dangerButtonClass}
                >
                  {t("assignments.end")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </section>

      {ended.length > 0 ? (
        <section aria-labelledby="ended-assignments" className={cardClass}>
          <h2 id="ended-assignments" className="text-lg font-semibold">
            {t("assignments.endedList", { count: ended.length })}
          </h2>
          <ul className="mt-3 divide-y divide-stone-200">
            {ended.map((a) => (
              <li key={a.id} className="py-3">
                <AssignmentSummary assignment={a} heading={`${a.mentor_name} → ${a.team_name}`} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export const meta = titleMeta("assignments.title");
