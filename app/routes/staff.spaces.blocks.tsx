import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormField } from "~/components/form-field";
import { titleMeta } from "~/features/auth/meta";
import { auditActor } from "~/features/audit/record-audit.server";
import { requirePermission } from "~/features/auth/session.server";
import { blockResource } from "~/features/bookings/block-resource.server";
import { getCentreZone, listBlocks } from "~/features/bookings/queries.server";
import { unblockResource } from "~/features/bookings/unblock-resource.server";
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
import { blockFormSchema } from "~/features/spaces/forms";
import { SpacesAdminPage } from "~/features/spaces/components/spaces-parts";
import { loadPeriodPage } from "~/features/spaces/period-page.server";
import { periodInZone } from "~/features/spaces/rules";
import { formatDateTime } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { parseForm } from "~/utils/forms";
import { badRequest, invariantResponse } from "~/utils/http.server";

const removeSchema = z.object({ blockId: z.uuid() });

export async function loader({ request }: LoaderFunctionArgs) {
  const { periods: blocks, ...page } = await loadPeriodPage(request, listBlocks, "removed", {
    removed: "spacesAdmin.blocks.removed",
    saved: "spacesAdmin.blocks.saved",
    savedCancelled: "spacesAdmin.blocks.savedCancelled",
  });
  return { ...page, blocks };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = auditActor(context, await requirePermission(request, "spaces:manage"));
  const form = await request.formData();

  if (form.get("intent") === "remove") {
    const parsed = parseForm(removeSchema, form);
    invariantResponse(parsed.ok);
    invariantResponse(await unblockResource(db(), user, parsed.data.blockId));
    return redirect("/staff/spaces/blocks?removed=1");
  }

  const parsed = parseForm(blockFormSchema, form);
  if (!parsed.ok) return badRequest<PeriodActionResult>({ errors: parsed.errors, values: parsed.values });
  const { decision, shown, ...values } = parsed.data;
  const zone = await getCentreZone(db(), user.centre_id);
  const period = periodInZone(values, zone);
  if (!period.ok) return badRequest<PeriodActionResult>({ errors: period.errors, values });
  const { startsAt, endsAt } = period;
  if (decision === "stop") return data<PeriodActionResult>({ notice: "spacesAdmin.blocks.stopped" });

  const result = await blockResource(
    db(),
    user,
    { resourceId: values.resourceId, startsAt, endsAt, title: values.reason },
    { decision, shown },
  );
  if (result.ok) return redirect(`/staff/spaces/blocks?cancelled=${result.cancelled}`);
  invariantResponse(result.code !== "unknown_resource");
  if (result.held) return data<PeriodActionResult>({ values, held: result.held.map(heldRow) });
  return badRequest<PeriodActionResult>({ errors: { endsAt: "spacesAdmin.error.endBeforeStart" }, values });
}

export default function Blocks() {
  const { blocks, resources, zone, notice, cancelled } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as PeriodActionResult | undefined;
  const t = useT();
  const locale = useLocale();
  const values = actionData?.values;
  return (
    <SpacesAdminPage title={t("spacesAdmin.blocks.title")}>
      <p className="text-stone-700">{t("spacesAdmin.blocks.intro")}</p>
      <PeriodNotices actionData={actionData} notice={notice} cancelled={cancelled} zone={zone} />

      <TitledSection id="blocks-upcoming" title={t("spacesAdmin.blocks.upcoming")}>
        {blocks.length === 0 ? (
          <p className="mt-2 text-stone-700">{t("spacesAdmin.blocks.none")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200">
            {blocks.map((b) => {
              const starts = formatDateTime(b.starts_at, zone);
              return (
                <PeriodRow
                  key={b.id}
                  title={`${b.resource_code} · ${locale === "vi" ? b.resource_name_vi : b.resource_name_en}`}
                  detail={[
                    b.title ?? t("spacesAdmin.blocks.noReason"),
                    t("spacesAdmin.closures.period", { starts, ends: formatDateTime(b.ends_at, zone) }),
                  ].join(" · ")}
                >
                  <RemoveButton
                    intent="remove"
                    field="blockId"
                    id={b.id}
                    label={t("spacesAdmin.blocks.remove")}
                    ariaLabel={t("spacesAdmin.blocks.removeLabel", { code: b.resource_code, starts })}
                  />
                </PeriodRow>
              );
            })}
          </ul>
        )}
      </TitledSection>

      <TitledSection id="blocks-add" title={t("spacesAdmin.blocks.add")} narrow>
        <AddForm
          errors={actionData?.errors}
          formKey={actionData?.notice ?? "form"}
          submitLabel={t("spacesAdmin.blocks.submit")}
        >
          <ResourceSelect
            name="resourceId"
            label="spacesAdmin.blocks.resource"
            resources={resources}
            errors={actionData?.errors}
            defaultValue={values?.resourceId}
          />
          <FormField
            name="reason"
            label="spacesAdmin.blocks.reason"
            errors={actionData?.errors}
            defaultValue={values?.reason}
            required
          />
          <PeriodFields errors={actionData?.errors} values={values} />
        </AddForm>
      </TitledSection>
    </SpacesAdminPage>
  );
}

export const meta = titleMeta("spacesAdmin.blocks.title");
