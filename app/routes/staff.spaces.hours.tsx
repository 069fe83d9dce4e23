import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, FormField } from "~/components/form-field";
import { FormNotice } from "~/features/auth/components/auth-page";
import { titleMeta } from "~/features/auth/meta";
import { auditActor } from "~/features/audit/record-audit.server";
import { requirePermission } from "~/features/auth/session.server";
import { buttonClass, cardClass, SpacesAdminPage } from "~/features/spaces/components/spaces-parts";
import { openingHoursSchema, WEEKDAYS } from "~/features/spaces/forms";
import { listOpeningHours } from "~/features/spaces/queries.server";
import { saveOpeningHours } from "~/features/spaces/save-opening-hours.server";
import { formatWallClock } from "~/i18n/format";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";

type ActionResult = { saved?: boolean; errors?: FieldErrors; values?: Record<string, string> };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "spaces:manage");
  const hours = await listOpeningHours(db(), user.centre_id);
  return {
    hours: hours.map((h) => ({
      weekday: h.weekday,
      opensAt: formatWallClock(String(h.opens_at)),
      closesAt: formatWallClock(String(h.closes_at)),
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = auditActor(context, await requirePermission(request, "spaces:manage"));
  const parsed = parseForm(openingHoursSchema, await request.formData());
  if (!parsed.ok) return badRequest<ActionResult>({ errors: parsed.errors, values: parsed.values });
  await saveOpeningHours(db(), user.centre_id, parsed.data, user);
  return data<ActionResult>({ saved: true });
}

export default function OpeningHours() {
  const { hours } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const submitted = actionData?.values;
  return (
    <SpacesAdminPage title={t("spacesAdmin.hours.title")}>
      <p className="text-stone-700">{t("spacesAdmin.hours.intro")}</p>
      <Form method="post" noValidate className={`${cardClass} max-w-2xl space-y-4`}>
        {actionData?.saved ? <FormNotice tone="success">{t("form.saved")}</FormNotice> : null}
        <FormErrorSummary errors={actionData?.errors} />
        {WEEKDAYS.map((weekday) => {
          const day = t(`spacesAdmin.weekday.${weekday}`);
          const stored = hours.find((h) => h.weekday === weekday);
          const open = submitted ? submitted[`open${weekday}`] === "on" : Boolean(stored);
          return (
            <fieldset key={weekday} className="grid items-end gap-3 border-b border-stone-200 pb-4 sm:grid-cols-3">
              <legend className="font-semibold">{day}</legend>
              <label className="flex items-center gap-2 font-medium">
                <input type="checkbox" name={`open${weekday}`} defaultChecked={open} className="h-4 w-4" />
                {t("spacesAdmin.hours.open", { day })}
              </label>
              <FormField
                name={`opens${weekday}`}
                type="time"
                label="spacesAdmin.hours.opensAt"
                errors={actionData?.errors}
                defaultValue={submitted?.[`opens${weekday}`] ?? stored?.opensAt ?? "07:30"}
                aria-label={t("spacesAdmin.hours.opens", { day })}
              />
              <FormField
                name={`closes${weekday}`}
                type="time"
                label="spacesAdmin.hours.closesAt"
                errors={actionData?.errors}
                defaultValue={submitted?.[`closes${weekday}`] ?? stored?.closesAt ?? "17:00"}
                aria-label={t("spacesAdmin.hours.closes", { day })}
              />
            </fieldset>
          );
        })}
        <button type="submit" className={buttonClass}>
          {t("form.save")}
        </button>
      </Form>
    </SpacesAdminPage>
  );
}

export const meta = titleMeta("spacesAdmin.hours.title");
