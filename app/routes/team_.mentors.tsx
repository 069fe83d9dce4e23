import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { buttonClass } from "~/components/buttons";
import { cardClass } from "~/components/card";
import { FormErrorSummary, SelectField, TextAreaField } from "~/components/form-field";
import { FormNotice } from "~/features/auth/components/auth-page";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { AssignmentSummary } from "~/features/assignments/components/assignment-summary";
import { requestFormSchema } from "~/features/assignments/forms";
import { readTeamMentors } from "~/features/assignments/read-team-mentors.server";
import { requestMentor } from "~/features/assignments/request-mentor.server";
import { MentorCard } from "~/features/mentors/components/mentor-card";
import { listTags } from "~/features/mentors/queries.server";
import { listMemberIds, listTeamsOfMember } from "~/features/teams/queries.server";
import { formatDateTime } from "~/i18n/format";
import type { MessageKey } from "~/i18n/translate";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { parseForm, typedValues, type FieldErrors } from "~/utils/forms";
import { badRequest, invariantResponse } from "~/utils/http.server";

// A team's mentors (profile and contacts while the assignment is active) and its requests for one.

type ActionResult = { teamId?: string; errors?: FieldErrors; values?: Record<string, string>; notice?: MessageKey };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "team:view-own");
  const [teams, tags] = await Promise.all([listTeamsOfMember(db(), user.id), listTags(db(), user.centre_id)]);
  const pages = await Promise.all(
    teams.map(async (team) => ({
      id: team.id,
      name: team.name,
      ...(await readTeamMentors(db(), user.centre_id, team.id)),
    })),
  );
  return { teams: pages, tags };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "team:view-own");
  const form = await request.formData();
  const parsed = parseForm(requestFormSchema, form);
  const teamId = z.uuid().safeParse(form.get("teamId"));
  // Another team's id (or a malformed one) is answered like an unknown one.
  invariantResponse(teamId.success && (await listMemberIds(db(), teamId.data)).includes(user.id));
  if (!parsed.ok)
    return badRequest<ActionResult>({ teamId: teamId.data, errors: parsed.errors, values: parsed.values });
  const result = await requestMentor(db(), { centreId: user.centre_id, userId: user.id, ...parsed.data });
  if (!result.ok)
    return badRequest<ActionResult>({ teamId: teamId.data, errors: result.errors, values: typedValues(form) });
  return data<ActionResult>({ teamId: teamId.data, notice: "assignments.request.sent" });
}

export default function TeamMentors() {
  const { teams, tags } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const locale = useLocale();
  const tagName = (tag: { name_vi: string | null; name_en: string | null }) =>
    (locale === "en" ? tag.name_en : tag.name_vi) ?? "—";
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">{t("mentors.team.title")}</h1>
      {teams.length === 0 ? <p className="text-stone-700">{t("teams.mine.none")}</p> : null}
      {teams.map((team) => {
        const mine = result?.teamId === team.id ? result : undefined;
        return (
          <article key={team.id} aria-labelledby={`team-${team.id}`} className="space-y-4">
            <h2 id={`team-${team.id}`} className="text-xl font-semibold">
              {team.name}
            </h2>
            <section aria-labelledby={`mentors-${team.id}`} className={cardClass}>
              <h3 id={`mentors-${team.id}`} className="text-lg font-semibold">
                {t("mentors.team.mentors")}
              </h3>
              {team.assignments.length === 0 ? <p className="mt-2 text-stone-700">{t("mentors.team.none")}</p> : null}
              <ul className="mt-3 divide-y divide-stone-200">
                {team.assignments.map((a) => (
                  <li key={a.id} className="space-y-3 py-3">
                    <AssignmentSummary assignment={a} heading={a.mentor_name} />
                    {a.mentor ? <MentorCard mentor={a.mentor} /> : null}
                    {a.status === "active" ? (
                      <Link
                        to={`/sessions/new?assignment=${a.id}`}
                        className="inline-block font-medium text-brand-800 underline"
                      >
                        {t("mentors.proposeSession", { name: a.mentor_name })}
                      </Link>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>

            <section aria-labelledby={`requests-${team.id}`} className={cardClass}>
              <h3 id={`requests-${team.id}`} className="text-lg font-semibold">
                {t("assignments.request.title")}
              </h3>
              {team.requests.length > 0 ? (
                <ul className="mt-3 divide-y divide-stone-200">
                  {team.requests.map((r) => (
                    <li key={r.id} className="py-2 text-sm">
                      <p className="font-medium">
                        {tagName({ name_vi: r.tag_name_vi, name_en: r.tag_name_en })} ·{" "}
                        {t(`assignments.requestStatus.${r.status}`)} · {formatDateTime(r.created_at)}
                      </p>
                      <p className="whitespace-pre-line text-stone-800">{r.note}</p>
                      {r.answer ? (
                        <p className="mt-1 whitespace-pre-line">
                          {t("assignments.request.answer")} {r.answer}
                        </p>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : null}
              <Form method="post" noValidate className="mt-4 max-w-xl space-y-3" key={mine?.notice ?? "request"}>
                <input type="hidden" name="teamId" value={team.id} />
                {mine?.notice ? <FormNotice tone="success">{t(mine.notice)}</FormNotice> : null}
                <FormErrorSummary errors={mine?.errors} />
                <SelectField
                  id={`tag-${team.id}`}
                  name="tagId"
                  label="assignments.request.tag"
                  errors={mine?.errors}
                  defaultValue={mine?.values?.tagId ?? ""}
                  options={[
                    { value: "", label: "assignments.field.choose" },
                    ...tags.map((tag) => ({ value: String(tag.id), text: tagName(tag) })),
                  ]}
                />
                <TextAreaField
                  id={`note-${team.id}`}
                  name="note"
                  rows={3}
                  label="assignments.request.note"
                  hint="assignments.request.noteHint"
                  errors={mine?.errors}
                  defaultValue={mine?.values?.note ?? ""}
                />
                <button type="submit" className={buttonClass}>
                  {t("assignments.request.submit")}
                </button>
              </Form>
            </section>
          </article>
        );
      })}
    </div>
  );
}

export const meta = titleMeta("mentors.team.title");
