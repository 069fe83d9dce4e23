import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { FormField } from "~/components/form-field";
import { AuthPage, FormNotice, SubmitButton } from "~/features/auth/components/auth-page";
import { passwordField } from "~/features/auth/form-fields";
import { titleMeta } from "~/features/auth/meta";
import { getSessionUser, safeRedirect, startSession } from "~/features/auth/session.server";
import { signIn } from "~/features/auth/sign-in.server";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { emailField, parseForm, type FieldErrors } from "~/utils/forms";

const schema = z.object({
  email: emailField(),
  password: passwordField(),
  redirectTo: z.string().optional(),
});

// Visitors only: someone already signed in goes where they were heading.
export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSessionUser(request)) {
    throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  }
  return null;
}

type ActionResult = { errors: FieldErrors; values: Record<string, string>; retryMinutes?: number };

export async function action({ request, context }: ActionFunctionArgs) {
  // Anyone may try to sign in; throttling below decides how often.
  const form = await request.formData();
  const parsed = parseForm(schema, form);
  if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors, values: parsed.values }, { status: 400 });

  const { email, password, redirectTo } = parsed.data;
  const result = await signIn(db(), { email, password, clientIp: context.clientIp });
  if (!result.ok) {
    const values = { email };
    if (result.reason === "throttled") {
      return data<ActionResult>(
        { errors: { _form: "auth.signIn.throttled" }, values, retryMinutes: result.retryMinutes },
        { status: 429, headers: { "Retry-After": String(result.retryMinutes * 60) } },
      );
    }
    // One message for an unknown email and a wrong password alike.
    return data<ActionResult>({ errors: { _form: "auth.signIn.failed" }, values }, { status: 400 });
  }
  // startSession deletes the session this browser presented, if any, and issues a new id.
  const setCookie = await startSession(db(), result.user.id, context, request);
  return redirect(safeRedirect(redirectTo), { headers: { "Set-Cookie": setCookie } });
}

export default function SignIn() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const errors = actionData?.errors;
  const formError = errors?._form;
  const minutes = actionData?.retryMinutes ?? 1;
  return (
    <AuthPage title="auth.signIn.title">
      <Form method="post" noValidate className="space-y-4">
        {formError === "auth.signIn.throttled" ? (
          <FormNotice tone="error">
            {minutes === 1 ? t("auth.signIn.throttledOneMinute") : t(formError, { minutes })}
          </FormNotice>
        ) : formError ? (
          <FormNotice tone="error">{t(formError)}</FormNotice>
        ) : null}
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <FormField
          name="email"
          label="auth.field.email"
          errors={errors}
          defaultValue={actionData?.values.email}
          type="email"
          autoComplete="email"
          required
        />
        <FormField
          name="password"
          label="auth.field.password"
          errors={errors}
          type="password"
          autoComplete="current-password"
          required
        />
        <SubmitButton>{t("auth.signIn.submit")}</SubmitButton>
      </Form>
      <div className="mt-6 space-y-2 text-sm text-stone-700">
        <p>
          <Link to="/forgot-password" className="font-medium text-brand-800 underline">
            {t("auth.signIn.forgot")}
          </Link>
        </p>
        <p>
          {t("auth.signIn.noAccount")}{" "}
          <Link to="/sign-up" className="font-medium text-brand-800 underline">
            {t("auth.signIn.signUpLink")}
          </Link>
        </p>
      </div>
    </AuthPage>
  );
}

export const meta = titleMeta("auth.signIn.title");
