import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { FormErrorSummary } from "~/components/form-field";
import { titleMeta } from "~/features/auth/meta";
import { auditActor } from "~/features/audit/record-audit.server";
import { requirePermission } from "~/features/auth/session.server";
import { getCentreZone } from "~/features/bookings/queries.server";
import {
  buttonClass,
  cardClass,
  ProgrammeFormFields,
  ProgrammesAdminPage,
} from "~/features/programmes/components/programme-parts";
import { programmeFormSchema } from "~/features/programmes/forms";
import { createProgramme } from "~/features/programmes/save-programme.server";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { parseForm } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "programmes:manage");
  return {};
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = auditActor(context, await requirePermission(request, "programmes:manage"));
  const form = await request.formData();
  const zone = await getCentreZone(db(), user.centre_id);
  const parsed = parseForm(programmeFormSchema(zone), form);
  if (!parsed.ok) return badRequest({ errors: parsed.errors, values: parsed.values });
  const result = await createProgramme(db(), user.centre_id, parsed.data, user);
  if (!result.ok)
    return badRequest({ errors: result.errors, values: Object.fromEntries(form) as Record<string, string> });
  return redirect(`/staff/programmes/${result.id}?created=1`);
}

export default function NewProgramme() {
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <ProgrammesAdminPage
      title={t("programmes.staff.new")}
      back={{ to: "/staff/programmes", label: "programmes.staff.back" }}
    >
      <Form method="post" noValidate className={`${cardClass} max-w-2xl space-y-4`}>
        <FormErrorSummary errors={actionData?.errors} />
        <ProgrammeFormFields values={actionData?.values ?? {}} errors={actionData?.errors} />
        <button type="submit" className={buttonClass}>
          {t("programmes.staff.save")}
        </button>
      </Form>
    </ProgrammesAdminPage>
  );
}

export const meta = titleMeta("programmes.staff.new");
