import { NewPasswordFields } from "~/features/auth/components/new-password-fields";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormErrorSummary } from "~/components/form-field";
import { AuthPage, SubmitButton } from "~/features/auth/components/auth-page";
import { newPasswordField, passwordsMatch } from "~/features/auth/form-fields";
import { titleMeta } from "~/features/auth/meta";
import { startSession } from "~/features/auth/session.server";
import { acceptInvitation, type AcceptProblem } from "~/features/invitations/accept-invitation.server";
import { describeInvitation } from "~/features/invitations/describe-invitation.server";
import { resolveLocale } from "~/i18n/locale.server";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { parseForm } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";

type AcceptForm = { password: string; passwordConfirm: string };

const schema = z
  .object({
    password: newPasswordField(),
    passwordConfirm: z.string({ error: "form.required" }).min(1, { error: "form.required" }),
  })
  .refine(...passwordsMatch<AcceptForm>("password", "passwordConfirm"));

/** A link that cannot be used: 404 when unknown, 400 when expired or already used. */
function problemPage(problem: AcceptProblem) {
  return data({ problem, invitation: null }, { status: problem === "not-found" ? 404 : 400 });
}

// Public: the token in the address is the proof. Only its hash is stored.
export async function loader({ params }: LoaderFunctionArgs) {
  const view = await describeInvitation(db(), params.token ?? "");
  if (view.state !== "open") return problemPage(view.state);
  return { problem: null, invitation: view };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const view = await describeInvitation(db(), token);
  if (view.state !== "open") return problemPage(view.state);
  const parsed = parseForm(schema, await request.formData());
  if (!parsed.ok) return badRequest({ problem: null, errors: parsed.errors });

  const result = await acceptInvitation(db(), {
    token,
    password: parsed.data.password,
    locale: await resolveLocale(request),
  });
  if (!result.ok) return problemPage(result.reason);
  const setCookie = await startSession(db(), result.user.id, context, request);
  return redirect("/", { headers: { "Set-Cookie": setCookie } });
}

const PROBLEM_TEXT = {
  "not-found": { title: "invitations.invalid.notFound.title", body: "invitations.invalid.notFound.body" },
  expired: { title: "invitations.invalid.expired.title", body: "invitations.invalid.expired.body" },
  accepted: { title: "invitations.invalid.accepted.title", body: "invitations.invalid.accepted.body" },
  "account-exists": {
    title: "invitations.invalid.accountExists.title",
    body: "invitations.invalid.accountExists.body",
  },
} as const;

export default function AcceptInvitation() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const problem = actionData?.problem ?? loaderData.problem;

  if (problem || !loaderData.invitation) {
    const text = PROBLEM_TEXT[problem ?? "not-found"];
    return (
      <AuthPage title={text.title} lead={t(text.body)}>
        {problem === "accepted" || problem === "account-exists" ? (
          <Link to="/sign-in" className="font-medium text-brand-800 underline">
            {t("invitations.invalid.signIn")}
          </Link>
        ) : (
          <Link to="/" className="font-medium text-brand-800 underline">
            {t("error.backHome")}
          </Link>
        )}
      </AuthPage>
    );
  }

  const invitation = loaderData.invitation;
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  return (
    <AuthPage
      title="invitations.accept.title"
      lead={t("invitations.accept.lead", {
        inviter: invitation.inviterName ?? t("invitations.email.someone"),
        centre: invitation.centreName[locale],
        role: t(`role.${invitation.role}`),
      })}
    >
      <p className="mb-4 text-stone-700">{t("invitations.accept.account", { email: invitation.email })}</p>
      <Form method="post" noValidate className="space-y-4">
        <FormErrorSummary errors={errors} />
        <NewPasswordFields errors={errors} />
        <SubmitButton>{t("invitations.accept.submit")}</SubmitButton>
      </Form>
    </AuthPage>
  );
}

export const meta = titleMeta("invitations.accept.title");
