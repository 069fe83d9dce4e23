import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary } from "~/components/form-field";
import { FormNotice } from "~/features/auth/components/auth-page";
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
import { requireProgramme } from "~/features/programmes/require-programme.server";
import { toLocalDateTimeText } from "~/features/programmes/rules";
import { updateProgramme } from "~/features/programmes/save-programme.server";
import { formatCalendarDate } from "~/i18n/format";
import { named } from "~/i18n/named";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { parseForm } from "~/utils/forms";
import { badRequest, invariantResponse } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "programmes:manage");
  const programme = await requireProgramme(user.centre_id, params.programmeId);
  const zone = await getCentreZone(db(), user.centre_id);
  const search = new URL(request.url).searchParams;
  return {
    id: programme.id,
    slug: programme.slug,
    name_vi: programme.name_vi,
    name_en: programme.name_en,
    hasWindow: programme.applications_open_at !== null,
    notice: search.has("created")
      ? ("programmes.staff.created" as const)
      : search.has("saved")
        ? ("form.saved" as const)
        : null,
    values: {
      kind: programme.kind,
      nameVi: programme.name_vi,
      nameEn: programme.name_en,
      slug: programme.slug,
      startsOn: formatCalendarDate(programme.starts_on),
      endsOn: formatCalendarDate(programme.ends_on),
      opensAt: toLocalDateTimeText(programme.applications_open_at, zone),
      closesAt: toLocalDateTimeText(programme.applications_close_at, zone),
      rulesVi: programme.rules_vi,
      rulesEn: programme.rules_en,
      freeDeskDays: programme.free_desk_days_per_team_week?.toString() ?? "",
    } as Record<string, string>,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = auditActor(context, await requirePermission(request, "programmes:manage"));
  const form = await request.formData();
  const zone = await getCentreZone(db(), user.centre_id);
  const parsed = parseForm(programmeFormSchema(zone), form);
  if (!parsed.ok) {
    await requireProgramme(user.centre_id, params.programmeId);
    return badRequest({ errors: parsed.errors, values: parsed.values });
  }
  const result = await updateProgramme(db(), user.centre_id, params.programmeId ?? "", parsed.data, user);
  invariantResponse(result);
  if (!result.ok)
    return badRequest({ errors: result.errors, values: Object.fromEntries(form) as Record<string, string> });
  return redirect(`/staff/programmes/${result.id}?saved=1`);
}

export default function EditProgramme() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  return (
    <ProgrammesAdminPage title={named(page, locale)} back={{ to: "/staff/programmes", label: "programmes.staff.back" }}>
      {page.notice && !actionData ? <FormNotice tone="success">{t(page.notice)}</FormNotice> : null}
      <p className="flex flex-wrap gap-4">
        <Link to={`/staff/programmes/${page.id}/applications`} className="font-medium text-brand-800 underline">
          {t("programmes.apps.title", { programme: named(page, locale) })}
        </Link>
        {page.hasWindow ? (
          <Link to={`/programmes/${page.slug}/apply`} className="font-medium text-brand-800 underline">
            {t("programmes.staff.publicLink")}
          </Link>
        ) : null}
      </p>
      <section aria-labelledby="edit-programme" className={`${cardClass} max-w-2xl`}>
        <h2 id="edit-programme" className="text-lg font-semibold">
          {t("programmes.staff.edit")}
        </h2>
        <Form method="post" noValidate className="mt-4 space-y-4">
          <FormErrorSummary errors={actionData?.errors} />
          <ProgrammeFormFields values={actionData?.values ?? page.values} errors={actionData?.errors} />
          <button type="submit" className={buttonClass}>
            {t("programmes.staff.save")}
          </button>
        </Form>
      </section>
    </ProgrammesAdminPage>
  );
}

export const meta = titleMeta("programmes.staff.edit");
