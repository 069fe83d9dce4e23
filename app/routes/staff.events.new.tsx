import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { buttonClass } from "~/components/buttons";
import { cardClass } from "~/components/card";
import { FormErrorSummary } from "~/components/form-field";
import { titleMeta } from "~/features/auth/meta";
import { auditActor } from "~/features/audit/record-audit.server";
import { requirePermission } from "~/features/auth/session.server";
import { EventFormFields, StaffEventsPage } from "~/features/events/components/event-parts";
import { eventSchema, formValues } from "~/features/events/forms";
import { listEventRooms, listProgrammeChoices } from "~/features/events/queries.server";
import { createEvent } from "~/features/events/save-event.server";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { parseForm, type FieldErrors } from "~/utils/forms";

type ActionResult = {
  errors: FieldErrors;
  values: Record<string, string | string[]>;
  params?: Record<string, string | number>;
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "events:manage");
  const [rooms, programmes] = await Promise.all([
    listEventRooms(db(), user.centre_id),
    listProgrammeChoices(db(), user.centre_id),
  ]);
  return { options: { rooms, programmes } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = auditActor(context, await requirePermission(request, "events:manage"));
  const form = await request.formData();
  const parsed = parseForm(eventSchema, form);
  if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors, values: formValues(form) }, { status: 400 });
  const result = await createEvent(db(), user, parsed.data);
  if (!result.ok)
    return data<ActionResult>(
      { errors: { [result.field ?? "_form"]: result.message }, values: formValues(form), params: result.params },
      { status: result.status },
    );
  return redirect(`/staff/events/${result.eventId}?saved=created`);
}

export default function NewEvent() {
  const { options } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const locale = useLocale();
  return (
    <StaffEventsPage
      title={t("events.staff.new")}
      back={
        <Link to="/staff/events" className="text-brand-800 underline">
          {t("events.staff.back")}
        </Link>
      }
    >
      <Form method="post" noValidate className={`${cardClass} max-w-2xl space-y-4`}>
        <FormErrorSummary errors={result?.errors} />
        <EventFormFields
          values={result?.values ?? { audiences: ["founders"], kind: "training" }}
          errors={result?.errors}
          errorParams={result?.params}
          options={options}
          locale={locale}
        />
        <button type="submit" className={buttonClass}>
          {t("events.staff.create")}
        </button>
      </Form>
    </StaffEventsPage>
  );
}

export const meta = titleMeta("events.staff.new");
