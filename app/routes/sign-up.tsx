import { NewPasswordFields } from "~/features/auth/components/new-password-fields";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { z } from "zod";
import { FormErrorSummary, FormField } from "~/components/form-field";
import { AuthPage, SubmitButton } from "~/features/auth/components/auth-page";
import { newPasswordField, passwordsMatch } from "~/features/auth/form-fields";
import { titleMeta } from "~/features/auth/meta";
import { getSessionUser, startSession } from "~/features/auth/session.server";
import { signUpFounder } from "~/features/auth/sign-up.server";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { resolveLocale } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { emailField, parseForm, requiredText } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";

type SignUpForm = { name: string; email: string; phone: string | null; password: string; passwordConfirm: string };

const schema = z
  .object({
    name: requiredText(120),
    email: emailField(),
    phone: z
      .string()
      .trim()
      .max(30, { error: "form.tooLong" })
      .regex(/^[+]?[0-9 ().-]*$/, { error: "auth.phone.invalid" })
      .optional()
      .transform((phone) => phone || null),
    password: newPasswordField(),
    passwordConfirm: z.string({ error: "form.required" }).min(1, { error: "form.required" }),
  })
  .refine(...passwordsMatch<SignUpForm>("password", "passwordConfirm"));

// Visitors only: a signed-in person has an account already.
export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSessionUser(request)) throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (await getSessionUser(request)) throw redirect("/");
  const parsed = parseForm(schema, await request.formData());
  if (!parsed.ok) return badRequest({ errors: parsed.errors, values: parsed.values });

  const centre = await requireCurrentCentre();
  const result = await signUpFounder(db(), {
    centreId: centre.id,
    name: parsed.data.name,
    email: parsed.data.email,
    phone: parsed.data.phone,
    password: parsed.data.password,
    locale: await resolveLocale(request),
  });
  if (!result.ok) {
    const { name, email, phone } = parsed.data;
    return badRequest({ errors: { email: "auth.email.taken" as const }, values: { name, email, phone: phone ?? "" } });
  }
  const setCookie = await startSession(db(), result.user.id, context, request);
  return redirect("/", { headers: { "Set-Cookie": setCookie } });
}

export default function SignUp() {
  const actionData = useActionData<typeof action>();
  const t = useT();
  const errors = actionData?.errors;
  const values: Record<string, string | undefined> = actionData?.values ?? {};
  return (
    <AuthPage title="auth.signUp.title" lead={t("auth.signUp.lead")}>
      <Form method="post" noValidate className="space-y-4">
        <FormErrorSummary errors={errors} />
        <FormField
          name="name"
          label="auth.field.name"
          errors={errors}
          defaultValue={values.name}
          autoComplete="name"
          required
          errorParams={{ max: 120 }}
        />
        <FormField
          name="email"
          label="auth.field.email"
          errors={errors}
          defaultValue={values.email}
          type="email"
          autoComplete="email"
          required
        />
        <FormField
          name="phone"
          label="auth.field.phone"
          errors={errors}
          defaultValue={values.phone}
          type="tel"
          autoComplete="tel"
          errorParams={{ max: 30 }}
        />
        <NewPasswordFields errors={errors} />
        <SubmitButton>{t("auth.signUp.submit")}</SubmitButton>
      </Form>
      <p className="mt-6 text-sm text-stone-700">
        {t("auth.signUp.haveAccount")}{" "}
        <Link to="/sign-in" className="font-medium text-brand-800 underline">
          {t("nav.signIn")}
        </Link>
      </p>
    </AuthPage>
  );
}

export const meta = titleMeta("auth.signUp.title");
