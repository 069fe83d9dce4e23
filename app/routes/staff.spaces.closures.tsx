import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CLOSURE_KINDS } from "#db/schema";
import { FormField, SelectField } from "~/components/form-field";
import { titleMeta } from "~/features/auth/meta";
import { auditActor } from "~/features/audit/record-audit.server";
import { requirePermission } from "~/features/auth/session.server";
import { getCentreZone } from "~/features/bookings/queries.server";
import { closeTime } from "~/features/spaces/close-time.server";
import { heldRow } from "~/features/spaces/components/held-bookings";
import {
  AddForm,
  PeriodFields,
  PeriodNotices,
  PeriodRow,
  RemoveButton,
  ResourceSelect,
  TitledSection,
  type PeriodActionResult,
} from "~/features/spaces/components/closure-parts";
import { SpacesAdminPage } from "~/features/spaces/components/spaces-parts";
import { deleteClosure } from "~/features/spaces/delete-closure.server";
import { closureFormSchema } from "~/features/spaces/forms";
import { loadPeriodPage } from "~/features/spaces/period-page.server";
import { listClosures } from "~/features/spaces/queries.server";
import { formatDateTime } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { parseForm } from "~/utils/forms";
import { badRequest, invariantResponse } from "~/utils/http.server";

const deleteSchema = z.object({ closureId: z.uuid() });

export async function loader({ request }: LoaderFunctionArgs) {
  const { periods: closures, ...page } = await loadPeriodPage(request, listClosures, "deleted", {
    removed: "spacesAdmin.closures.deleted",
    saved: "spacesAdmin.closures.saved",
    savedCancelled: "spacesAdmin.closures.savedCancelled",
  });
  return { ...page, closures };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = auditActor(context, await requirePermission(request, "spaces:manage"));
  const form = await request.formData();

  if (form.get("intent") === "delete") {
    const parsed = parseForm(deleteSchema, form);
    invariantResponse(parsed.ok);
    invariantResponse(await deleteClosure(db(), user.centre_id, parsed.data.closureId, user));
    return redirect("/staff/spaces/closures?deleted=1");
  }

  const parsed = parseForm(closureFormSchema, form);
  if (!parsed.ok) return badRequest<PeriodActionResult>({ errors: parsed.errors, values: parsed.values });
  const zone = await getCentreZone(db(), user.centre_id);
  const result = await closeTime(db(), {
    centreId: user.centre_id,
    zone,
    form: parsed.data,
    actor: user,
  });
  invariantResponse(result);
  const { decision: _decision, shown: _shown, ...values } = parsed.data;
  switch (result.outcome) {
    case "invalid":
      return badRequest<PeriodActionResult>({ errors: result.errors, values });
    case "confirm":
      return data<PeriodActionResult>({
        values,
        held: result.bookings.map(heldRow),
      });
    case "stopped":
      return data<PeriodActionResult>({ notice: "spacesAdmin.closures.stopped" });
    case "closed":
      return redirect(`/staff/spaces/closures?cancelled=${result.cancelled}`);
  }
}

export default function Closures() {
  const { closures, resources, zone, notice, cancelled } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as PeriodActionResult | undefined;
  const t = useT();
  const locale = useLocale();
  const values = actionData?.values;
  return (
    <SpacesAdminPage title={t("spacesAdmin.closures.title")}>
      <PeriodNotices actionData={actionData} notice={notice} cancelled={cancelled} zone={zone} />

      <TitledSection id="closures-upcoming" title={t("spacesAdmin.closures.upcoming")}>
        {closures.length === 0 ? (
          <p className="mt-2 text-stone-700">{t("spacesAdmin.closures.none")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200">
            {closures.map((c) => {
              const reason = locale === "vi" ? c.reason_vi : c.reason_en;
              return (
                <PeriodRow
                  key={c.id}
                  title={reason}
                  detail={[
                    t(`spacesAdmin.closureKind.${c.kind}`),
                    c.resource_code ?? t("spacesAdmin.closures.wholeCentre"),
                    t("spacesAdmin.closures.period", {
                      starts: formatDateTime(c.starts_at, zone),
                      ends: formatDateTime(c.ends_at, zone),
                    }),
                  ].join(" · ")}
                >
                  <RemoveButton
                    intent="delete"
                    field="closureId"
                    id={c.id}
                    label={t("spacesAdmin.closures.delete")}
                    ariaLabel={t("spacesAdmin.closures.deleteLabel", { reason })}
                  />
                </PeriodRow>
              );
            })}
          </ul>
        )}
      </TitledSection>

      <TitledSection id="closures-add" title={t("spacesAdmin.closures.add")} narrow>
        <AddForm
          errors={actionData?.errors}
          formKey={actionData?.notice ?? "form"}
          submitLabel={t("spacesAdmin.closures.submit")}
        >
          <ResourceSelect
            name="scope"
            label="spacesAdmin.closures.scope"
            resources={resources}
            errors={actionData?.errors}
            defaultValue={values?.scope ?? "centre"}
            wholeCentre="centre"
          />
          <SelectField
            name="kind"
            label="spacesAdmin.closures.kind"
            errors={actionData?.errors}
            defaultValue={values?.kind ?? "maintenance"}
            options={CLOSURE_KINDS.map((kind) => ({ value: kind, label: `spacesAdmin.closureKind.${kind}` as const }))}
          />
          <FormField
            name="reasonVi"
            label="spacesAdmin.closures.reasonVi"
            errors={actionData?.errors}
            defaultValue={values?.reasonVi}
            required
          />
          <FormField
            name="reasonEn"
            label="spacesAdmin.closures.reasonEn"
            errors={actionData?.errors}
            defaultValue={values?.reasonEn}
            required
          />
          <PeriodFields errors={actionData?.errors} values={values} />
        </AddForm>
      </TitledSection>
    </SpacesAdminPage>
  );
}

export const meta = titleMeta("spacesAdmin.closures.title");
