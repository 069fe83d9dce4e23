import { NewPasswordFields } from "~/features/auth/components/new-password-fields";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { LOCALES } from "#db/schema";
import { FormErrorSummary, FormField } from "~/components/form-field";
import { FormNotice, SubmitButton } from "~/features/auth/components/auth-page";
import { changePassword } from "~/features/auth/change-password.server";
import { newPasswordField, passwordField, passwordsMatch } from "~/features/auth/form-fields";
import { titleMeta } from "~/features/auth/meta";
import { setAccountLocale } from "~/features/auth/queries.server";
import { requirePermission } from "~/features/auth/session.server";
import { languageCookie, resolveLocale } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-translation";
import type { MessageKey } from "~/i18n/translate";
import { db } from "~/utils/database.server";
import { parseForm, type FieldErrors } from "~/utils/forms";

type PasswordForm = { intent: "password"; currentPassword: string; newPassword: string; newPasswordConfirm: string };

// One schema for the page's two forms; each form's hidden intent picks the branch.
const schema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("locale"),
      locale: z.enum(LOCALES, { error: "auth.account.languageInvalid" }),
    }),
    z
      .object({
        intent: z.literal("password"),
        currentPassword: passwordField(),
        newPassword: newPasswordField(),
        newPasswordConfirm: z.string({ error: "form.required" }).min(1, { error: "form.required" }),
      })
      .refine(...passwordsMatch<PasswordForm>("newPassword", "newPasswordConfirm")),
  ],
  { error: "error.badRequest.body" },
);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "account:edit-own");
  return {
    name: user.name,
    email: user.email,
    role: user.role,
    locale: await resolveLocale(request, user.locale),
  };
}

type ActionResult = { intent: "locale" | "password" | null; errors?: FieldErrors; saved?: boolean };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "account:edit-own");
  const form = await request.formData();
  const parsed = parseForm(schema, form);
  if (!parsed.ok) {
    const intent = form.get("intent");
    // Neither form sent this (a hand-made request): there is no field to put the message beside.
    if (intent !== "locale" && intent !== "password") {
      return data<ActionResult>({ intent: null, errors: { _form: "error.badRequest.body" } }, { status: 400 });
    }
    return data<ActionResult>({ intent, errors: parsed.errors }, { status: 400 });
  }
  if (parsed.data.intent === "locale") {
    await setAccountLocale(db(), user.id, parsed.data.locale);
    return data<ActionResult>(
      { intent: "locale", saved: true },
      { headers: { "Set-Cookie": await languageCookie.serialize(parsed.data.locale) } },
    );
  }
  const result = await changePassword(db(), {
    userId: user.id,
    currentPassword: parsed.data.currentPassword,
    newPassword: parsed.data.newPassword,
    request,
  });
  if (!result.ok) {
    return data<ActionResult>(
      { intent: "password", errors: { currentPassword: "auth.password.currentWrong" } },
      { status: 400 },
    );
  }
  return data<ActionResult>({ intent: "password", saved: true });
}

const cardClass = "rounded-xl bg-white p-6 shadow-sm ring-1 ring-stone-200";

export default function Account() {
  const account = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const localeResult = actionData?.intent === "locale" ? actionData : undefined;
  const passwordResult = actionData?.intent === "password" ? actionData : undefined;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">{t("auth.account.title")}</h1>
      {actionData && actionData.intent === null ? <FormErrorSummary errors={actionData.errors} /> : null}

      <section aria-labelledby="details-title" className={cardClass}>
        <h2 id="details-title" className="text-lg font-semibold">
          {t("auth.account.details")}
        </h2>
        <dl className="mt-3 space-y-3">
          <div>
            <dt className="text-sm text-stone-700">{t("auth.field.name")}</dt>
            <dd className="font-medium">{account.name}</dd>
          </div>
          <div>
            <dt className="text-sm text-stone-700">{t("auth.field.email")}</dt>
            <dd className="font-medium break-all">{account.email}</dd>
          </div>
          <div>
            <dt className="text-sm text-stone-700">{t("auth.account.role")}</dt>
            <dd className="font-medium">{t(`role.${account.role}` as MessageKey)}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="language-title" className={cardClass}>
        <h2 id="language-title" className="text-lg font-semibold">
          {t("auth.account.languageTitle")}
        </h2>
        <Form method="post" className="mt-3 space-y-4">
          {localeResult?.saved ? <FormNotice tone="success">{t("auth.account.languageSaved")}</FormNotice> : null}
          <div className="space-y-1">
            <label htmlFor="field-locale" className="block text-sm font-medium text-stone-800">
              {t("auth.account.languageLabel")}
            </label>
            <select
              id="field-locale"
              name="locale"
              defaultValue={account.locale}
              key={account.locale}
              aria-invalid={localeResult?.errors?.locale ? true : undefined}
              aria-describedby={localeResult?.errors?.locale ? "field-locale-error" : undefined}
              className="block w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-700"
            >
              {LOCALES.map((locale) => (
                <option key={locale} value={locale} lang={locale}>
                  {t(`auth.locale.${locale}`)}
                </option>
              ))}
            </select>
            {localeResult?.errors?.locale ? (
              <p id="field-locale-error" className="text-sm font-medium text-red-800">
                {t(localeResult.errors.locale)}
              </p>
            ) : null}
          </div>
          <input type="hidden" name="intent" value="locale" />
          <SubmitButton>{t("auth.account.languageSave")}</SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="password-title" className={cardClass}>
        <h2 id="password-title" className="text-lg font-semibold">
          {t("auth.account.passwordTitle")}
        </h2>
        <Form method="post" noValidate className="mt-3 space-y-4" key={passwordResult?.saved ? "saved" : "editing"}>
          {passwordResult?.saved ? <FormNotice tone="success">{t("auth.account.passwordChanged")}</FormNotice> : null}
          <FormErrorSummary errors={passwordResult?.errors} />
          <input type="hidden" name="intent" value="password" />
          <input type="hidden" name="username" value={account.email} autoComplete="username" />
          <FormField
            name="currentPassword"
            label="auth.field.currentPassword"
            errors={passwordResult?.errors}
            type="password"
            autoComplete="current-password"
            required
          />
          <NewPasswordFields
            errors={passwordResult?.errors}
            names={["newPassword", "newPasswordConfirm"]}
            labels={["auth.field.newPassword", "auth.field.newPasswordConfirm"]}
          />
          <SubmitButton>{t("auth.account.passwordSubmit")}</SubmitButton>
        </Form>
      </section>
    </div>
  );
}

export const meta = titleMeta("auth.account.title");
