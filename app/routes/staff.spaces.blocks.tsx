import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormField } from "~/components/form-field";
import { FormNotice } from "~/features/auth/components/auth-page";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { blockResource } from "~/features/bookings/block-resource.server";
import { getCentreZone, listBlocks } from "~/features/bookings/queries.server";
import { unblockResource } from "~/features/bookings/unblock-resource.server";
import { ConfirmHeldBookings, heldRow, type HeldRow } from "~/features/spaces/components/held-bookings";
import {
  AddForm,
  PeriodFields,
  RemoveButton,
  ResourceSelect,
  TitledSection,
} from "~/features/spaces/components/closure-parts";
import { localDateTime, shownIds } from "~/features/spaces/forms";
import { SpacesAdminPage } from "~/features/spaces/components/spaces-parts";
import { listResources } from "~/features/spaces/queries.server";
import { localDateTimeToInstant } from "~/features/spaces/rules";
import { formatDateTime } from "~/i18n/format";
import type { MessageKey } from "~/i18n/translate";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { parseForm, requiredText, type FieldErrors } from "~/utils/forms";
import { badRequest, invariantResponse } from "~/utils/http.server";

const blockFormSchema = z.object({
  resourceId: z.uuid({ error: "spacesAdmin.error.choose" }),
  reason: requiredText(200),
  startsAt: localDateTime,
  endsAt: localDateTime,
  // Absent on the first submission; "cancel" or "stop" once the bookings in the way were shown.
  decision: z.enum(["cancel", "stop"]).optional(),
  shown: shownIds,
});

const removeSchema = z.object({ blockId: z.uuid() });

type ActionResult = {
  errors?: FieldErrors;
  values?: Record<string, string>;
  held?: HeldRow[];
  notice?: MessageKey;
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "spaces:manage");
  const [blocks, resources, zone] = await Promise.all([
    listBlocks(db(), user.centre_id, new Date()),
    listResources(db(), user.centre_id),
    getCentreZone(db(), user.centre_id),
  ]);
  const params = new URL(request.url).searchParams;
  const cancelled = Number(params.get("cancelled") ?? 0) || 0;
  return {
    zone,
    blocks,
    resources: resources.map((r) => ({ id: r.id, code: r.code, name_vi: r.name_vi, name_en: r.name_en })),
    notice: params.has("removed")
      ? ("spacesAdmin.blocks.removed" as const)
      : !params.has("cancelled")
        ? null
        : cancelled > 0
          ? ("spacesAdmin.blocks.savedCancelled" as const)
          : ("spacesAdmin.blocks.saved" as const),
    cancelled,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "spaces:manage");
  const form = await request.formData();

  if (form.get("intent") === "remove") {
    const parsed = parseForm(removeSchema, form);
    invariantResponse(parsed.ok);
    invariantResponse(await unblockResource(db(), user, parsed.data.blockId));
    return redirect("/staff/spaces/blocks?removed=1");
  }

  const parsed = parseForm(blockFormSchema, form);
  if (!parsed.ok) return badRequest<ActionResult>({ errors: parsed.errors, values: parsed.values });
  const { decision, shown, ...values } = parsed.data;
  const zone = await getCentreZone(db(), user.centre_id);
  const startsAt = localDateTimeToInstant(values.startsAt, zone);
  const endsAt = localDateTimeToInstant(values.endsAt, zone);
  const errors: FieldErrors = {};
  if (!startsAt) errors.startsAt = "spacesAdmin.error.dateTime";
  if (!endsAt) errors.endsAt = "spacesAdmin.error.dateTime";
  if (startsAt && endsAt && endsAt <= startsAt) errors.endsAt = "spacesAdmin.error.endBeforeStart";
  if (!startsAt || !endsAt || Object.keys(errors).length > 0) return badRequest<ActionResult>({ errors, values });
  if (decision === "stop") return data<ActionResult>({ notice: "spacesAdmin.blocks.stopped" });

  const result = await blockResource(
    db(),
    user,
    { resourceId: values.resourceId, startsAt, endsAt, title: values.reason },
    { decision, shown },
  );
  if (result.ok) return redirect(`/staff/spaces/blocks?cancelled=${result.cancelled}`);
  invariantResponse(result.code !== "unknown_resource");
  if (result.held) return data<ActionResult>({ values, held: result.held.map(heldRow) });
  return badRequest<ActionResult>({ errors: { endsAt: "spacesAdmin.error.endBeforeStart" }, values });
}

export default function Blocks() {
  const { blocks, resources, zone, notice, cancelled } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const locale = useLocale();
  const values = actionData?.values;
  return (
    <SpacesAdminPage title={t("spacesAdmin.blocks.title")}>
      <p className="text-stone-700">{t("spacesAdmin.blocks.intro")}</p>
      {actionData?.notice ? <FormNotice tone="success">{t(actionData.notice)}</FormNotice> : null}
      {!actionData && notice ? <FormNotice tone="success">{t(notice, { count: cancelled })}</FormNotice> : null}
      {actionData?.held && values ? <ConfirmHeldBookings held={actionData.held} values={values} zone={zone} /> : null}

      <TitledSection id="blocks-upcoming" title={t("spacesAdmin.blocks.upcoming")}>
        {blocks.length === 0 ? (
          <p className="mt-2 text-stone-700">{t("spacesAdmin.blocks.none")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200">
            {blocks.map((b) => {
              const starts = formatDateTime(b.starts_at, zone);
              return (
                <li key={b.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <div>
                    <p className="font-medium">
                      {b.resource_code} · {locale === "vi" ? b.resource_name_vi : b.resource_name_en}
                    </p>
                    <p className="text-sm text-stone-700">
                      {b.title ?? t("spacesAdmin.blocks.noReason")} ·{" "}
                      {t("spacesAdmin.closures.period", { starts, ends: formatDateTime(b.ends_at, zone) })}
                    </p>
                  </div>
                  <RemoveButton
                    intent="remove"
                    field="blockId"
                    id={b.id}
                    label={t("spacesAdmin.blocks.remove")}
                    ariaLabel={t("spacesAdmin.blocks.removeLabel", { code: b.resource_code, starts })}
                  />
                </li>
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
