import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormErrorSummary, FormField } from "~/components/form-field";
import { FormNotice } from "~/features/auth/components/auth-page";
import { titleMeta } from "~/features/auth/meta";
import { auditActor } from "~/features/audit/record-audit.server";
import { requirePermission } from "~/features/auth/session.server";
import { buttonClass, cardClass, ProgrammesAdminPage } from "~/features/programmes/components/programme-parts";
import { sectorFormSchema } from "~/features/programmes/forms";
import { listSectors } from "~/features/programmes/queries.server";
import { addSector, updateSector } from "~/features/programmes/save-sector.server";
import { named } from "~/i18n/named";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest, invariantResponse } from "~/utils/http.server";

const sectorIdSchema = z.object({
  sectorId: z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "programmes:manage");
  const sectors = await listSectors(db(), user.centre_id);
  const search = new URL(request.url).searchParams;
  return {
    sectors,
    notice: search.has("added")
      ? ("programmes.sectors.added" as const)
      : search.has("saved")
        ? ("programmes.sectors.saved" as const)
        : null,
  };
}

type ActionResult = { errors: FieldErrors; values: Record<string, string>; sectorId?: number };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = auditActor(context, await requirePermission(request, "programmes:manage"));
  const form = await request.formData();
  if (form.get("intent") === "update") {
    const id = parseForm(sectorIdSchema, form);
    invariantResponse(id.ok);
    const parsed = parseForm(sectorFormSchema, form);
    if (!parsed.ok)
      return badRequest<ActionResult>({ errors: parsed.errors, values: parsed.values, sectorId: id.data.sectorId });
    invariantResponse(await updateSector(db(), user.centre_id, id.data.sectorId, parsed.data, user));
    return redirect("/staff/programmes/sectors?saved=1");
  }
  // A new sector is in use from the start.
  const parsed = parseForm(sectorFormSchema, form);
  if (!parsed.ok) return badRequest<ActionResult>({ errors: parsed.errors, values: parsed.values });
  const result = await addSector(db(), user.centre_id, { ...parsed.data, isActive: true }, user);
  if (!result.ok)
    return badRequest<ActionResult>({
      errors: result.errors,
      values: { nameVi: parsed.data.nameVi, nameEn: parsed.data.nameEn },
    });
  return redirect("/staff/programmes/sectors?added=1");
}

export default function Sectors() {
  const { sectors, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const locale = useLocale();
  const rowError = actionData?.sectorId;
  return (
    <ProgrammesAdminPage
      title={t("programmes.sectors.title")}
      back={{ to: "/staff/programmes", label: "programmes.staff.back" }}
    >
      {notice && !actionData ? <FormNotice tone="success">{t(notice)}</FormNotice> : null}
      <p className="text-stone-800">{t("programmes.sectors.intro")}</p>
      <ul className="space-y-3">
        {sectors.map((sector) => {
          const name = named(sector, locale);
          const errors = rowError === sector.id ? actionData?.errors : undefined;
          const values = rowError === sector.id ? actionData?.values : undefined;
          return (
            <li key={sector.id} className={cardClass}>
              <Form method="post" noValidate aria-label={t("programmes.sectors.row", { name })} className="space-y-3">
                <input type="hidden" name="intent" value="update" />
                <input type="hidden" name="sectorId" value={sector.id} />
                <FormErrorSummary errors={errors} />
                <div className="grid gap-3 sm:grid-cols-2">
                  <FormField
                    id={`sector-${sector.id}-nameVi`}
                    name="nameVi"
                    label="programmes.field.nameVi"
                    errors={errors}
                    defaultValue={values?.nameVi ?? sector.name_vi}
                    required
                  />
                  <FormField
                    id={`sector-${sector.id}-nameEn`}
                    name="nameEn"
                    label="programmes.field.nameEn"
                    errors={errors}
                    defaultValue={values?.nameEn ?? sector.name_en}
                    required
                  />
                </div>
                <div className="flex flex-wrap items-center gap-4">
                  <label className="flex items-center gap-2 text-stone-800">
                    <input type="checkbox" name="isActive" defaultChecked={sector.is_active} className="h-5 w-5" />
                    {t("programmes.sectors.isActive")}
                  </label>
                  <button
                    type="submit"
                    className={buttonClass}
                    aria-label={t("programmes.sectors.saveLabel", { name })}
                  >
                    {t("programmes.sectors.save")}
                  </button>
                  {!sector.is_active ? (
                    <span className="text-sm font-medium text-stone-700">{t("programmes.sectors.inactive")}</span>
                  ) : null}
                </div>
              </Form>
            </li>
          );
        })}
      </ul>
      <section aria-labelledby="add-sector" className={`${cardClass} max-w-2xl`}>
        <h2 id="add-sector" className="text-lg font-semibold">
          {t("programmes.sectors.add")}
        </h2>
        <Form method="post" noValidate className="mt-4 space-y-4">
          <input type="hidden" name="intent" value="add" />
          <FormErrorSummary errors={rowError ? undefined : actionData?.errors} />
          <FormField
            name="nameVi"
            label="programmes.field.nameVi"
            errors={rowError ? undefined : actionData?.errors}
            defaultValue={rowError ? "" : actionData?.values.nameVi}
            required
          />
          <FormField
            name="nameEn"
            label="programmes.field.nameEn"
            errors={rowError ? undefined : actionData?.errors}
            defaultValue={rowError ? "" : actionData?.values.nameEn}
            required
          />
          <button type="submit" className={buttonClass}>
            {t("programmes.sectors.add")}
          </button>
        </Form>
      </section>
    </ProgrammesAdminPage>
  );
}

export const meta = titleMeta("programmes.sectors.title");
