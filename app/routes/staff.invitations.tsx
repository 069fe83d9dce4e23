import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ROLES } from "#db/schema";
import { FormErrorSummary, FormField, SelectField } from "~/components/form-field";
import { FormNotice } from "~/features/auth/components/auth-page";
import { titleMeta } from "~/features/auth/meta";
import { auditActor } from "~/features/audit/record-audit.server";
import { requirePermission } from "~/features/auth/session.server";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { invitePerson } from "~/features/invitations/invite-person.server";
import { listPendingInvitations } from "~/features/invitations/queries.server";
import { invitableRoles } from "~/features/invitations/rules";
import { runOutboxOnce } from "~/features/outbox/worker.server";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { appUrl } from "~/utils/env.server";
import { emailField, parseForm, requiredText } from "~/utils/forms";
import { badRequest, forbidden } from "~/utils/http.server";

const schema = z.object({
  name: requiredText(120),
  email: emailField(),
  role: z.enum(ROLES, { error: "invitations.error.invalidRole" }),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "invite:mentor");
  const pending = await listPendingInvitations(db(), user.centre_id, new Date());
  return {
    roles: invitableRoles(user.role),
    pending: pending.map((invitation) => ({
      email: invitation.email,
      name: invitation.name,
      role: invitation.role,
      inviterName: invitation.inviter_name,
      expiresAt: formatDateTime(invitation.expires_at),
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = auditActor(context, await requirePermission(request, "invite:mentor"));
  const parsed = parseForm(schema, await request.formData());
  if (!parsed.ok) return badRequest({ errors: parsed.errors, values: parsed.values, sentTo: null });
  const result = await invitePerson(db(), {
    centre: await requireCurrentCentre(),
    inviter: user,
    actor: user,
    invitee: parsed.data,
    appUrl: appUrl(),
  });
  if (!result.ok) {
    // The form only offers the roles this person may give; anything else is a forged request.
    if (result.reason === "forbidden-role") forbidden();
    return badRequest({ errors: result.errors, values: { ...parsed.data }, sentTo: null });
  }
  // The message is committed: nudge the worker so it leaves now rather than at the next poll.
  void runOutboxOnce();
  return data({ errors: undefined, values: undefined, sentTo: parsed.data.email });
}

export default function Invitations() {
  const { roles, pending } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const errors = actionData?.errors;
  const values: Record<string, string | undefined> = actionData?.values ?? {};
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">{t("invitations.title")}</h1>
        <p className="mt-2 max-w-2xl text-stone-700">{t("invitations.lead")}</p>
      </div>

      <section
        aria-labelledby="invite-form"
        className="max-w-xl rounded-xl bg-white p-4 shadow-sm ring-1 ring-stone-200 sm:p-6"
      >
        <h2 id="invite-form" className="text-lg font-semibold">
          {t("invitations.form.title")}
        </h2>
        <Form method="post" noValidate className="mt-4 space-y-4" key={actionData?.sentTo ?? "form"}>
          {actionData?.sentTo ? (
            <FormNotice tone="success">{t("invitations.sent", { email: actionData.sentTo })}</FormNotice>
          ) : null}
          <FormErrorSummary errors={errors} />
          <FormField
            name="name"
            label="invitations.field.name"
            errors={errors}
            errorParams={{ max: 120 }}
            defaultValue={values.name}
            autoComplete="off"
            required
          />
          <FormField
            name="email"
            label="invitations.field.email"
            type="email"
            errors={errors}
            defaultValue={values.email}
            autoComplete="off"
            required
          />
          <SelectField
            name="role"
            label="invitations.field.role"
            errors={errors}
            defaultValue={values.role ?? "mentor"}
            options={roles.map((role) => ({ value: role, label: `role.${role}` as const }))}
          />
          <button
            type="submit"
            className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-800"
          >
            {t("invitations.submit")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="pending" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-stone-200 sm:p-6">
        <h2 id="pending" className="text-lg font-semibold">
          {t("invitations.pending.title")}
        </h2>
        {pending.length === 0 ? (
          <p className="mt-3 text-stone-700">{t("invitations.pending.empty")}</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-stone-300 text-stone-700">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    {t("invitations.field.name")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    {t("invitations.field.email")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    {t("invitations.field.role")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    {t("invitations.pending.invitedBy")}
                  </th>
                  <th scope="col" className="py-2 font-semibold">
                    {t("invitations.pending.expires")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-200">
                {pending.map((invitation) => (
                  <tr key={invitation.email}>
                    <td className="py-2 pr-4">{invitation.name}</td>
                    <td className="py-2 pr-4 break-all">{invitation.email}</td>
                    <td className="py-2 pr-4">{t(`role.${invitation.role}`)}</td>
                    <td className="py-2 pr-4">{invitation.inviterName ?? "—"}</td>
                    <td className="py-2 whitespace-nowrap tabular-nums">{invitation.expiresAt}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

export const meta = titleMeta("invitations.title");
