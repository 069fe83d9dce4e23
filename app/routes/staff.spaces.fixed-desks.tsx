import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormField } from "~/components/form-field";
import { FormNotice } from "~/features/auth/components/auth-page";
import { titleMeta } from "~/features/auth/meta";
import { auditActor } from "~/features/audit/record-audit.server";
import { requirePermission } from "~/features/auth/session.server";
import { assignFixedDesk, removeFixedDeskAssignment } from "~/features/spaces/assign-fixed-desk.server";
import {
  AddForm,
  OptionSelect,
  RemoveButton,
  resourceOption,
  TitledSection,
} from "~/features/spaces/components/closure-parts";
import { SpacesAdminPage } from "~/features/spaces/components/spaces-parts";
import { fixedDeskFormSchema } from "~/features/spaces/forms";
import { listFixedDeskAssignments, listResources, listTeamsForDesks } from "~/features/spaces/queries.server";
import { formatCalendarDate } from "~/i18n/format";
import type { MessageKey } from "~/i18n/translate";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { parseForm } from "~/utils/forms";
import { badRequest, invariantResponse } from "~/utils/http.server";

const removeSchema = z.object({ assignmentId: z.uuid() });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "spaces:manage");
  const [assignments, resources, teams] = await Promise.all([
    listFixedDeskAssignments(db(), user.centre_id),
    listResources(db(), user.centre_id),
    listTeamsForDesks(db(), user.centre_id),
  ]);
  const params = new URL(request.url).searchParams;
  const notice: MessageKey | null = params.has("assigned")
    ? "spacesAdmin.fixedDesks.assigned"
    : params.has("removed")
      ? "spacesAdmin.fixedDesks.removed"
      : null;
  return {
    assignments,
    desks: resources
      .filter((r) => r.kind === "fixed_desk")
      .map((r) => ({ id: r.id, code: r.code, name_vi: r.name_vi, name_en: r.name_en })),
    teams,
    notice,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = auditActor(context, await requirePermission(request, "spaces:manage"));
  const form = await request.formData();
  if (form.get("intent") === "remove") {
    const parsed = parseForm(removeSchema, form);
    invariantResponse(parsed.ok);
    invariantResponse(await removeFixedDeskAssignment(db(), user.centre_id, parsed.data.assignmentId, user));
    return redirect("/staff/spaces/fixed-desks?removed=1");
  }
  const parsed = parseForm(fixedDeskFormSchema, form);
  if (!parsed.ok) return badRequest({ errors: parsed.errors, values: parsed.values });
  const result = await assignFixedDesk(db(), user.centre_id, parsed.data, user);
  invariantResponse(result);
  if (!result.ok) return badRequest({ errors: result.errors, values: parsed.data as Record<string, string> });
  return redirect("/staff/spaces/fixed-desks?assigned=1");
}

export default function FixedDesks() {
  const { assignments, desks, teams, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const errors = actionData?.errors;
  const values = actionData?.values;
  const choose = { value: "", label: t("spacesAdmin.fixedDesks.choose") };
  return (
    <SpacesAdminPage title={t("spacesAdmin.fixedDesks.title")}>
      <p className="text-stone-700">{t("spacesAdmin.fixedDesks.intro")}</p>
      {notice && !actionData ? <FormNotice tone="success">{t(notice)}</FormNotice> : null}
      <TitledSection id="assignments" title={t("spacesAdmin.fixedDesks.title")}>
        {assignments.length === 0 ? (
          <p className="mt-2 text-stone-700">{t("spacesAdmin.fixedDesks.none")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200">
            {assignments.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <p>
                  <span className="font-medium">{a.resource_code}</span> · {a.team_name} ·{" "}
                  {formatCalendarDate(a.starts_on)}–{formatCalendarDate(a.ends_on)}
                </p>
                <RemoveButton
                  intent="remove"
                  field="assignmentId"
                  id={a.id}
                  label={t("spacesAdmin.fixedDesks.remove")}
                  ariaLabel={t("spacesAdmin.fixedDesks.removeLabel", { code: a.resource_code, team: a.team_name })}
                />
              </li>
            ))}
          </ul>
        )}
      </TitledSection>
      <TitledSection id="assign" title={t("spacesAdmin.fixedDesks.assign")} narrow>
        <AddForm errors={errors} formKey="form" submitLabel={t("spacesAdmin.fixedDesks.assign")}>
          <OptionSelect
            name="resourceId"
            label="spacesAdmin.fixedDesks.desk"
            options={desks.map((d) => resourceOption(d, locale))}
            first={choose}
            errors={errors}
            defaultValue={values?.resourceId ?? ""}
          />
          <OptionSelect
            name="teamId"
            label="spacesAdmin.fixedDesks.team"
            options={teams.map((team) => ({ value: team.id, label: team.name }))}
            first={choose}
            errors={errors}
            defaultValue={values?.teamId ?? ""}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField
              name="startsOn"
              type="date"
              label="spacesAdmin.fixedDesks.startsOn"
              errors={errors}
              defaultValue={values?.startsOn}
              required
            />
            <FormField
              name="endsOn"
              type="date"
              label="spacesAdmin.fixedDesks.endsOn"
              errors={errors}
              defaultValue={values?.endsOn}
              required
            />
          </div>
        </AddForm>
      </TitledSection>
    </SpacesAdminPage>
  );
}

export const meta = titleMeta("spacesAdmin.fixedDesks.title");
