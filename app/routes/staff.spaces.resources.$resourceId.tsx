import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormErrorSummary } from "~/components/form-field";
import { FormNotice } from "~/features/auth/components/auth-page";
import { titleMeta } from "~/features/auth/meta";
import { auditActor } from "~/features/audit/record-audit.server";
import { requirePermission } from "~/features/auth/session.server";
import {
  ResourceFormFields,
  submittedResourceValues,
  type ResourceFormValues,
} from "~/features/spaces/components/resource-form-fields";
import { buttonClass, cardClass, SpacesAdminPage } from "~/features/spaces/components/spaces-parts";
import { resourceFormSchema } from "~/features/spaces/forms";
import { findResource, listFloors } from "~/features/spaces/queries.server";
import { saveResource } from "~/features/spaces/save-resource.server";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest, invariantResponse } from "~/utils/http.server";

type ActionResult = { saved?: boolean; errors?: FieldErrors; values?: ResourceFormValues };

/** A malformed id is answered like an unknown one, before any query. */
function resourceIdFrom(params: LoaderFunctionArgs["params"]): string {
  const parsed = z.uuid().safeParse(params.resourceId);
  invariantResponse(parsed.success);
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "spaces:manage");
  const resource = await findResource(db(), user.centre_id, resourceIdFrom(params));
  invariantResponse(resource);
  return {
    resource,
    floors: await listFloors(db(), user.centre_id),
    created: new URL(request.url).searchParams.has("created"),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = auditActor(context, await requirePermission(request, "spaces:manage"));
  const resourceId = resourceIdFrom(params);
  invariantResponse(await findResource(db(), user.centre_id, resourceId));
  const form = await request.formData();
  const parsed = parseForm(resourceFormSchema, form);
  if (!parsed.ok) return badRequest<ActionResult>({ errors: parsed.errors, values: submittedResourceValues(form) });
  const result = await saveResource(db(), user.centre_id, resourceId, parsed.data, user);
  invariantResponse(result);
  if (!result.ok) return badRequest<ActionResult>({ errors: result.errors, values: submittedResourceValues(form) });
  return data<ActionResult>({ saved: true });
}

const asText = (n: number | null) => (n === null ? "" : String(n));

export default function EditResource() {
  const { resource, floors, created } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const values: ResourceFormValues = actionData?.values ?? {
    code: resource.code,
    kind: resource.kind,
    nameVi: resource.name_vi,
    nameEn: resource.name_en,
    capacity: String(resource.capacity),
    amenities: resource.amenities,
    audience: resource.audience,
    priceHour: asText(resource.price_hour_vnd),
    priceHalfDay: asText(resource.price_half_day_vnd),
    priceDay: asText(resource.price_day_vnd),
    floorId: resource.floor_id,
    planX: String(resource.plan_x),
    planY: String(resource.plan_y),
    planWidth: String(resource.plan_width),
    planHeight: String(resource.plan_height),
    isActive: resource.is_active,
  };
  return (
    <SpacesAdminPage title={t("spacesAdmin.resource.editTitle", { code: resource.code })}>
      <Form method="post" noValidate className={`${cardClass} max-w-3xl space-y-5`}>
        {actionData?.saved ? <FormNotice tone="success">{t("form.saved")}</FormNotice> : null}
        {created && !actionData ? <FormNotice tone="success">{t("spacesAdmin.resource.created")}</FormNotice> : null}
        <FormErrorSummary errors={actionData?.errors} />
        <ResourceFormFields floors={floors} errors={actionData?.errors} values={values} />
        <button type="submit" className={buttonClass}>
          {t("form.save")}
        </button>
      </Form>
    </SpacesAdminPage>
  );
}

export const meta = titleMeta("spacesAdmin.title");
