import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { buttonClass } from "~/components/buttons";
import { FormErrorSummary, FormField } from "~/components/form-field";
import { FormNotice } from "~/features/auth/components/auth-page";
import { titleMeta } from "~/features/auth/meta";
import { auditActor } from "~/features/audit/record-audit.server";
import { requirePermission } from "~/features/auth/session.server";
import { addTeamMember } from "~/features/teams/add-team-member.server";
import { TeamFormFields } from "~/features/teams/components/team-form-fields";
import { TeamStatusBadge } from "~/features/teams/components/team-parts";
import { TeamWorkspace, type WorkspaceResult } from "~/features/teams/components/team-workspace";
import { parseSupportPeriod } from "~/features/support/period-form";
import { findTeamProfile } from "~/features/teams/queries.server";
import { teamProfileWithMembers } from "~/features/teams/read-teams.server";
import { removeTeamMember } from "~/features/teams/remove-team-member.server";
import { teamAccess } from "~/features/teams/rules";
import { editTeam } from "~/features/teams/save-team.server";
import { submitTeamPageForm } from "~/features/teams/team-page-action.server";
import { isTeamPageIntent } from "~/features/teams/team-page-intents";
import { centreClock, readTeamPage } from "~/features/teams/team-page.server";
import { teamFormSchema } from "~/features/teams/team-form";
import type { MessageKey } from "~/i18n/translate";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { emailField, parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest, invariantResponse } from "~/utils/http.server";

const addMemberSchema = z.object({ email: emailField() });
const removeMemberSchema = z.object({ userId: z.uuid() });

type Intent = "update" | "add-member" | "remove-member";
type ActionResult = {
  intent: Intent;
  errors?: FieldErrors;
  values?: Record<string, string>;
  notice?: MessageKey;
  noticeParams?: Record<string, string>;
};

/** A malformed id is answered like an unknown one, before any query. */
function teamIdFrom(params: LoaderFunctionArgs["params"]): string {
  const parsed = z.uuid().safeParse(params.teamId);
  invariantResponse(parsed.success);
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "teams:manage");
  const found = await teamProfileWithMembers(db(), user.centre_id, teamIdFrom(params));
  invariantResponse(found);
  const { profile, members } = found;
  const { id, name, status, incubation_starts_on, incubation_ends_on } = profile;
  const team = { id, name, status, incubation_starts_on, incubation_ends_on, members };
  const url = new URL(request.url);
  // Staff pick the period of support received; a wrong one is shown beside its field (400).
  const picked = parseSupportPeriod(url);
  const access = teamAccess(
    user,
    team.members.map((m) => m.id),
  );
  const page = await readTeamPage(db(), {
    centreId: user.centre_id,
    teamId: team.id,
    access,
    profile,
    period: picked?.ok ? picked.period : null,
    ...(await centreClock()),
  });
  invariantResponse(page);
  const body = {
    team,
    page,
    created: url.searchParams.has("created"),
    supportPicker: picked && !picked.ok ? { errors: picked.errors, values: picked.values } : undefined,
  };
  return picked && !picked.ok ? data(body, { status: 400 }) : body;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = auditActor(context, await requirePermission(request, "teams:manage"));
  const teamId = teamIdFrom(params);
  const team = await findTeamProfile(db(), user.centre_id, teamId);
  invariantResponse(team);
  const form = await request.formData();
  const intent = form.get("intent");

  if (isTeamPageIntent(intent)) {
    const result = await submitTeamPageForm(db(), {
      intent,
      form,
      centreId: user.centre_id,
      teamId,
      currentSectorId: team.sector_id,
      userId: user.id,
      actor: user,
      today: (await centreClock()).today,
    });
    return data<ActionResult | WorkspaceResult>(result, { status: result.status });
  }

  if (intent === "update") {
    const parsed = parseForm(teamFormSchema, form);
    if (!parsed.ok) return badRequest<ActionResult>({ intent, errors: parsed.errors, values: parsed.values });
    const result = await editTeam(db(), user.centre_id, teamId, parsed.data, user);
    invariantResponse(result);
    if (!result.ok) {
      const { name, status, startsOn, endsOn } = parsed.data;
      return badRequest<ActionResult>({
        intent,
        errors: result.errors,
        values: { name, status, startsOn, endsOn: endsOn ?? "" },
      });
    }
    return data<ActionResult>({ intent, notice: "teams.detail.saved" });
  }

  if (intent === "add-member") {
    const parsed = parseForm(addMemberSchema, form);
    if (!parsed.ok) return badRequest<ActionResult>({ intent, errors: parsed.errors, values: parsed.values });
    const result = await addTeamMember(db(), {
      centreId: user.centre_id,
      teamId,
      email: parsed.data.email,
      actor: user,
    });
    if (!result.ok) {
      return badRequest<ActionResult>({
        intent,
        errors: { email: result.error },
        values: { email: parsed.data.email },
      });
    }
    return data<ActionResult>({ intent, notice: "teams.member.added", noticeParams: { name: result.name } });
  }

  if (intent === "remove-member") {
    const parsed = parseForm(removeMemberSchema, form);
    invariantResponse(parsed.ok);
    const removed = await removeTeamMember(db(), {
      centreId: user.centre_id,
      teamId,
      userId: parsed.data.userId,
      actor: user,
    });
    invariantResponse(removed);
    return data<ActionResult>({ intent, notice: "teams.member.removed", noticeParams: { name: removed.name } });
  }

  throw new Response("Unknown action", { status: 400 });
}

export default function StaffTeam() {
  const { team, created, page, supportPicker } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const result = actionData as (ActionResult | WorkspaceResult) | undefined;
  const updateResult = result?.intent === "update" ? (result as ActionResult) : undefined;
  const memberResult =
    result?.intent === "add-member" || result?.intent === "remove-member" ? (result as ActionResult) : undefined;
  const workspaceResult = isTeamPageIntent(result?.intent) ? (result as WorkspaceResult) : undefined;
  return (
    <div className="space-y-8">
      <div>
        <Link to="/staff/teams" className="text-sm font-medium text-brand-800 underline">
          {t("teams.detail.back")}
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold">{team.name}</h1>
          <TeamStatusBadge status={team.status} />
        </div>
      </div>
      {created && !result ? <FormNotice tone="success">{t("teams.detail.created")}</FormNotice> : null}

      <TeamWorkspace
        page={page}
        canEdit
        withTeamId={false}
        withName={false}
        result={workspaceResult}
        supportPicker={supportPicker ?? {}}
      />

      <section
        aria-labelledby="team-members"
        className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-stone-200 sm:p-6"
      >
        <h2 id="team-members" className="text-lg font-semibold">
          {t("teams.members")}
        </h2>
        {memberResult?.notice ? (
          <div className="mt-3">
            <FormNotice tone="success">{t(memberResult.notice, memberResult.noticeParams)}</FormNotice>
          </div>
        ) : null}
        {team.members.length === 0 ? (
          <p className="mt-3 text-stone-700">{t("teams.members.none")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200">
            {team.members.map((member) => (
              <li key={member.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <div>
                  <p className="font-medium">{member.name}</p>
                  <p className="text-sm text-stone-700">{member.email}</p>
                </div>
                <Form method="post">
                  <input type="hidden" name="intent" value="remove-member" />
                  <input type="hidden" name="userId" value={member.id} />
                  <button
                    type="submit"
                    aria-label={t("teams.member.removeLabel", { name: member.name })}
                    className="rounded-md border border-red-800 px-3 py-1 text-sm font-medium text-red-800 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-800"
                  >
                    {t("teams.member.remove")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <Form method="post" noValidate className="mt-6 max-w-md space-y-3" key={memberResult?.notice ? "done" : "form"}>
          <h3 className="font-semibold">{t("teams.member.add")}</h3>
          <input type="hidden" name="intent" value="add-member" />
          <FormField
            id="member-email"
            name="email"
            type="email"
            label="teams.member.addEmail"
            hint="teams.member.addHint"
            errors={memberResult?.errors}
            defaultValue={memberResult?.errors ? memberResult.values?.email : undefined}
            required
          />
          <button type="submit" className={buttonClass}>
            {t("teams.member.addSubmit")}
          </button>
        </Form>
      </section>

      <section
        aria-labelledby="team-edit"
        className="max-w-2xl rounded-xl bg-white p-4 shadow-sm ring-1 ring-stone-200 sm:p-6"
      >
        <h2 id="team-edit" className="text-lg font-semibold">
          {t("teams.detail.incubation")}
        </h2>
        <Form method="post" noValidate className="mt-4 space-y-4">
          <input type="hidden" name="intent" value="update" />
          {updateResult?.notice ? <FormNotice tone="success">{t(updateResult.notice)}</FormNotice> : null}
          <FormErrorSummary errors={updateResult?.errors} />
          <TeamFormFields
            idPrefix="edit"
            errors={updateResult?.errors}
            values={
              updateResult?.values ?? {
                name: team.name,
                status: team.status,
                startsOn: team.incubation_starts_on,
                endsOn: team.incubation_ends_on ?? "",
              }
            }
          />
          <button type="submit" className={buttonClass}>
            {t("form.save")}
          </button>
        </Form>
      </section>
    </div>
  );
}

export const meta = titleMeta("teams.detail.edit");
