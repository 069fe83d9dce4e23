import { NewPasswordFields } from "~/features/auth/components/new-password-fields";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormErrorSummary } from "~/components/form-field";
import { AuthPage, FormNotice, SubmitButton } from "~/features/auth/components/auth-page";
import { newPasswordField, passwordsMatch } from "~/features/auth/form-fields";
import { titleMeta } from "~/features/auth/meta";
import { findPasswordReset, resetPassword } from "~/features/auth/reset-password.server";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { parseForm, type FieldErrors } from "~/utils/forms";

type ResetForm = { token: string; password: string; passwordConfirm: string };

const schema = z
  .object({
    token: z
      .string({ error: "auth.reset.invalid" })
      .min(1, { error: "auth.reset.invalid" })
      .max(100, { error: "auth.reset.invalid" }),
    password: newPasswordField(),
    passwordConfirm: z.string({ error: "form.required" }).min(1, { error: "form.required" }),
  })
  .refine(...passwordsMatch<ResetForm>("password", "passwordConfirm"));

// Whoever holds a usable link may use it; the token is the proof, so no session is needed.
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const reset = token ? await findPasswordReset(db(), token) : undefined;
  if (!reset) return data({ valid: false as const, token: "", email: "" }, { status: 400 });
  return { valid: true as const, token, email: reset.email };
}

type ActionResult = { errors: FieldErrors; tokenInvalid: boolean };

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(schema, await request.formData());
  if (!parsed.ok) {
    return data<ActionResult>({ errors: parsed.errors, tokenInvalid: Boolean(parsed.errors.token) }, { status: 400 });
  }
  const result = await resetPassword(db(), {
    token: parsed.data.token,
    password: parsed.data.password,
    context,
    request,
  });
  if (!result.ok)
    return data<ActionResult>({ errors: { token: "auth.reset.invalid" }, tokenInvalid: true }, { status: 400 });
  return redirect("/", { headers: { "Set-Cookie": result.setCookie } });
}

export default function ResetPassword() {
  const { valid, token, email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  if (!valid || actionData?.tokenInvalid) {
    return (
      <AuthPage title="auth.reset.title">
        <FormNotice tone="error">{t("auth.reset.invalid")}</FormNotice>
        <p className="mt-6 text-sm">
          <Link to="/forgot-password" className="font-medium text-brand-800 underline">
            {t("auth.reset.requestNew")}
          </Link>
        </p>
      </AuthPage>
    );
  }
  const errors = actionData?.errors;
  return (
    <AuthPage title="auth.reset.title" lead={t("auth.reset.lead", { email })}>
      <Form method="post" noValidate className="space-y-4">
        <FormErrorSummary errors={errors} />
        <input type="hidden" name="token" value={token} />
        {/* Lets password managers file the new password under the right account. */}
        <input type="hidden" name="username" value={email} autoComplete="username" />
        <NewPasswordFields errors={errors} labels={["auth.field.newPassword", "auth.field.newPasswordConfirm"]} />
        <SubmitButton>{t("auth.reset.submit")}</SubmitButton>
      </Form>
    </AuthPage>
  );
}

export const meta = titleMeta("auth.reset.title");
