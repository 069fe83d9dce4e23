import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary } from "~/components/form-field";
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
import { listFloors } from "~/features/spaces/queries.server";
import { saveResource } from "~/features/spaces/save-resource.server";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { parseForm } from "~/utils/forms";
import { badRequest, invariantResponse } from "~/utils/http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "spaces:manage");
  return { floors: await listFloors(db(), user.centre_id) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = auditActor(context, await requirePermission(request, "spaces:manage"));
  const form = await request.formData();
  const parsed = parseForm(resourceFormSchema, form);
  if (!parsed.ok) return badRequest({ errors: parsed.errors, values: submittedResourceValues(form) });
  const result = await saveResource(db(), user.centre_id, null, parsed.data, user);
  invariantResponse(result);
  if (!result.ok) return badRequest({ errors: result.errors, values: submittedResourceValues(form) });
  return redirect(`/staff/spaces/resources/${result.resource.id}?created=1`);
}

const EMPTY: Omit<ResourceFormValues, "floorId"> = {
  code: "",
  kind: "hot_desk",
  nameVi: "",
  nameEn: "",
  capacity: "1",
  amenities: [],
  audience: "members",
  priceHour: "",
  priceHalfDay: "",
  priceDay: "",
  planX: "0",
  planY: "0",
  planWidth: "80",
  planHeight: "60",
  isActive: true,
};

export default function NewResource() {
  const { floors } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <SpacesAdminPage title={t("spacesAdmin.resource.newTitle")}>
      <Form method="post" noValidate className={`${cardClass} max-w-3xl space-y-5`}>
        <FormErrorSummary errors={actionData?.errors} />
        <ResourceFormFields
          floors={floors}
          errors={actionData?.errors}
          values={actionData?.values ?? { ...EMPTY, floorId: floors[0]?.id ?? "" }}
        />
        <button type="submit" className={buttonClass}>
          {t("form.save")}
        </button>
      </Form>
    </SpacesAdminPage>
  );
}

export const meta = titleMeta("spacesAdmin.resource.newTitle");
