import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, FormField } from "~/components/form-field";
import { FormNotice } from "~/features/auth/components/auth-page";
import { titleMeta } from "~/features/auth/meta";
import { auditActor } from "~/features/audit/record-audit.server";
import { requirePermission } from "~/features/auth/session.server";
import { buttonClass, cardClass, SpacesAdminPage } from "~/features/spaces/components/spaces-parts";
import { policyFormSchema } from "~/features/spaces/forms";
import { findBookingPolicy } from "~/features/spaces/queries.server";
import { saveBookingPolicy } from "~/features/spaces/save-booking-policy.server";
import { formatWallClock } from "~/i18n/format";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";

type ActionResult = { saved?: boolean; errors?: FieldErrors; values?: Record<string, string> };

// The table's defaults, shown while the centre has no row of its own.
const DEFAULTS = {
  maxDaysAhead: 30,
  maxRoomMinutes: 240,
  maxDeskDays: 5,
  freeDeskDaysPerPersonWeek: 3,
  freeDeskDaysPerTeamWeek: 10,
  cancelDeadlineMinutes: 60,
  checkInOpensMinutes: 15,
  checkInClosesMinutes: 30,
  midday: "12:00",
};

const FIELDS = [
  "maxDaysAhead",
  "maxRoomMinutes",
  "maxDeskDays",
  "freeDeskDaysPerPersonWeek",
  "freeDeskDaysPerTeamWeek",
  "cancelDeadlineMinutes",
  "checkInOpensMinutes",
  "checkInClosesMinutes",
] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "spaces:manage");
  const row = await findBookingPolicy(db(), user.centre_id);
  const policy = row
    ? {
        maxDaysAhead: row.max_days_ahead,
        maxRoomMinutes: row.max_room_minutes,
        maxDeskDays: row.max_desk_days,
        freeDeskDaysPerPersonWeek: row.free_desk_days_per_person_week,
        freeDeskDaysPerTeamWeek: row.free_desk_days_per_team_week,
        cancelDeadlineMinutes: row.cancel_deadline_minutes,
        checkInOpensMinutes: row.check_in_opens_minutes,
        checkInClosesMinutes: row.check_in_closes_minutes,
        midday: formatWallClock(String(row.midday)),
      }
    : DEFAULTS;
  return { policy };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = auditActor(context, await requirePermission(request, "spaces:manage"));
  const parsed = parseForm(policyFormSchema, await request.formData());
  if (!parsed.ok) return badRequest<ActionResult>({ errors: parsed.errors, values: parsed.values });
  await saveBookingPolicy(db(), user.centre_id, parsed.data, user);
  return data<ActionResult>({ saved: true });
}

export default function BookingPolicy() {
  const { policy } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const value = (name: keyof typeof DEFAULTS) => actionData?.values?.[name] ?? String(policy[name]);
  return (
    <SpacesAdminPage title={t("spacesAdmin.policy.title")}>
      <Form method="post" noValidate className={`${cardClass} max-w-2xl space-y-4`}>
        {actionData?.saved ? <FormNotice tone="success">{t("form.saved")}</FormNotice> : null}
        <FormErrorSummary errors={actionData?.errors} />
        <div className="grid gap-4 sm:grid-cols-2">
          {FIELDS.map((name) => (
            <FormField
              key={name}
              name={name}
              label={`spacesAdmin.policy.${name}`}
              inputMode="numeric"
              errors={actionData?.errors}
              defaultValue={value(name)}
              required
            />
          ))}
          <FormField
            name="midday"
            type="time"
            label="spacesAdmin.policy.midday"
            errors={actionData?.errors}
            defaultValue={value("midday")}
            required
          />
        </div>
        <button type="submit" className={buttonClass}>
          {t("form.save")}
        </button>
      </Form>
    </SpacesAdminPage>
  );
}

export const meta = titleMeta("spacesAdmin.policy.title");
