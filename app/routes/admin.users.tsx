import { ScrollRegion } from "~/components/scroll-region";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ROLES, type Role } from "#db/schema";
import { FormNotice } from "~/features/auth/components/auth-page";
import { titleMeta } from "~/features/auth/meta";
import { auditActor } from "~/features/audit/record-audit.server";
import { requirePermission } from "~/features/auth/session.server";
import { changeUserRole } from "~/features/users/change-role.server";
import { listUsers } from "~/features/users/queries.server";
import type { MessageKey } from "~/i18n/translate";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { forbidden, badRequest, invariantResponse } from "~/utils/http.server";

const schema = z.object({
  userId: z.uuid(),
  role: z.enum(ROLES),
});

function roleFilter(request: Request): Role | null {
  const parsed = z.enum(ROLES).safeParse(new URL(request.url).searchParams.get("role"));
  return parsed.success ? parsed.data : null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "users:change-role");
  const role = roleFilter(request);
  const users = await listUsers(db(), admin.centre_id, role ?? undefined);
  return { users, role, me: admin.id };
}

type ActionResult = { userId: string; error?: MessageKey; notice?: { name: string; role: Role } };

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = auditActor(context, await requirePermission(request, "users:change-role"));
  const form = await request.formData();
  const userId = z.uuid().safeParse(form.get("userId"));
  invariantResponse(userId.success);
  const parsed = schema.safeParse({ userId: userId.data, role: form.get("role") });
  if (!parsed.success) return badRequest<ActionResult>({ userId: userId.data, error: "admin.users.invalidRole" });

  const result = await changeUserRole(db(), {
    centreId: admin.centre_id,
    actorId: admin.id,
    actor: admin,
    userId: parsed.data.userId,
    role: parsed.data.role,
  });
  if (result.ok)
    return data<ActionResult>({ userId: result.user.id, notice: { name: result.user.name, role: result.user.role } });
  switch (result.reason) {
    case "not-found":
      throw new Response("Not found", { status: 404 });
    case "not-admin":
      return forbidden();
    case "self-demotion":
      return badRequest<ActionResult>({ userId: userId.data, error: "admin.users.cannotDemoteSelf" });
    case "last-admin":
      return badRequest<ActionResult>({ userId: userId.data, error: "admin.users.lastAdmin" });
  }
}

export default function AdminUsers() {
  const { users, role, me } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("admin.users.title")}</h1>

      <Form method="get" className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <label htmlFor="filter-role" className="block text-sm font-medium text-stone-800">
            {t("admin.users.filter")}
          </label>
          <select
            id="filter-role"
            name="role"
            defaultValue={role ?? ""}
            className="block rounded-md border border-stone-400 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-700"
          >
            <option value="">{t("admin.users.allRoles")}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          className="rounded-md border border-brand-700 px-4 py-2 font-medium text-brand-800 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-800"
        >
          {t("admin.users.filterSubmit")}
        </button>
      </Form>

      {actionData?.notice ? (
        <FormNotice tone="success">
          {t("admin.users.changed", { name: actionData.notice.name, role: t(`role.${actionData.notice.role}`) })}
        </FormNotice>
      ) : null}

      <p className="text-sm text-stone-700">{t("admin.users.count", { count: users.length })}</p>
      {users.length === 0 ? (
        <p className="text-stone-700">{t("admin.users.empty")}</p>
      ) : (
        <ScrollRegion label={t("admin.users.title")} className="rounded-xl bg-white shadow-sm ring-1 ring-stone-200">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-stone-300 text-stone-700">
              <tr>
                <th scope="col" className="px-4 py-2 font-semibold">
                  {t("admin.users.name")}
                </th>
                <th scope="col" className="px-4 py-2 font-semibold">
                  {t("admin.users.email")}
                </th>
                <th scope="col" className="px-4 py-2 font-semibold">
                  {t("admin.users.status")}
                </th>
                <th scope="col" className="px-4 py-2 font-semibold">
                  {t("admin.users.role")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {users.map((user) => {
                const rowError = actionData?.userId === user.id ? actionData.error : undefined;
                const selectId = `role-${user.id}`;
                return (
                  <tr key={user.id} className="align-top">
                    <td className="px-4 py-2">
                      {user.name}{" "}
                      {user.id === me ? <span className="text-stone-700">{t("admin.users.you")}</span> : null}
                    </td>
                    <td className="px-4 py-2 break-all">{user.email}</td>
                    <td className="px-4 py-2">
                      {user.is_active ? t("admin.users.active") : t("admin.users.inactive")}
                    </td>
                    <td className="px-4 py-2">
                      <Form method="post" className="flex flex-wrap items-center gap-2">
                        <input type="hidden" name="userId" value={user.id} />
                        <label htmlFor={selectId} className="sr-only">
                          {t("admin.users.roleFor", { name: user.name })}
                        </label>
                        <select
                          id={selectId}
                          name="role"
                          defaultValue={user.role}
                          aria-invalid={rowError ? true : undefined}
                          aria-describedby={rowError ? `${selectId}-error` : undefined}
                          className="rounded-md border border-stone-400 bg-white px-2 py-1 text-sm focus:border-brand-700"
                        >
                          {ROLES.map((r) => (
                            <option key={r} value={r}>
                              {t(`role.${r}`)}
                            </option>
                          ))}
                        </select>
                        <button
                          type="submit"
                          className="rounded-md bg-brand-700 px-3 py-1 text-sm font-medium text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-800"
                        >
                          {t("admin.users.changeRole")}
                        </button>
                        {rowError ? (
                          <p id={`${selectId}-error`} className="w-full text-sm font-medium text-red-800">
                            {t(rowError)}
                          </p>
                        ) : null}
                      </Form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}

export const meta = titleMeta("admin.users.title");
