import type { ActionFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { z } from "zod";
import { FormField } from "~/components/form-field";
import { AuthPage, FormNotice, SubmitButton } from "~/features/auth/components/auth-page";
import { titleMeta } from "~/features/auth/meta";
import { requestPasswordReset } from "~/features/auth/request-password-reset.server";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { requestTranslator } from "~/utils/request-locale.server";
import { emailField, parseForm } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";

const schema = z.object({ email: emailField() });

// Anyone may ask for a link; the page shows only the form.
export function loader() {
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseForm(schema, await request.formData());
  if (!parsed.ok) return badRequest({ sent: false as const, errors: parsed.errors, values: parsed.values });
  const { locale } = await requestTranslator(request);
  await requestPasswordReset(db(), { email: parsed.data.email, requestLocale: locale });
  // The same answer whether or not the account exists.
  return { sent: true as const, errors: undefined, values: undefined };
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <AuthPage title="auth.forgot.title" lead={actionData?.sent ? undefined : t("auth.forgot.lead")}>
      {actionData?.sent ? (
        <FormNotice tone="success">{t("auth.forgot.sent")}</FormNotice>
      ) : (
        <Form method="post" noValidate className="space-y-4">
          <FormField
            name="email"
            label="auth.field.email"
            errors={actionData?.errors}
            defaultValue={actionData?.values?.email}
            type="email"
            autoComplete="email"
            required
          />
          <SubmitButton>{t("auth.forgot.submit")}</SubmitButton>
        </Form>
      )}
      <p className="mt-6 text-sm">
        <Link to="/sign-in" className="font-medium text-brand-800 underline">
          {t("auth.forgot.backToSignIn")}
        </Link>
      </p>
    </AuthPage>
  );
}

export const meta = titleMeta("auth.forgot.title");
