import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormErrorSummary, FormField } from "~/components/form-field";
import { takeResendLink } from "~/features/applications/public-rate-limit.server";
import { resendApplicationLink } from "~/features/applications/resend-link.server";
import { FormNotice } from "~/features/auth/components/auth-page";
import { titleMeta } from "~/features/auth/meta";
import { runOutboxOnce } from "~/features/outbox/worker.server";
import { buttonClass, cardClass } from "~/features/programmes/components/programme-parts";
import { requirePublicProgramme } from "~/features/programmes/require-programme.server";
import { named } from "~/i18n/named";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { appUrl } from "~/utils/env.server";
import { emailField, parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";
import { requestTranslator } from "~/utils/request-locale.server";

const resendSchema = z.object({ email: emailField() });

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Public: the applicant has no account.
  const programme = await requirePublicProgramme(params.slug);
  return {
    slug: programme.slug,
    name_vi: programme.name_vi,
    name_en: programme.name_en,
    sent: new URL(request.url).searchParams.has("sent"),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const programme = await requirePublicProgramme(params.slug);
  const parsed = parseForm(resendSchema, await request.formData());
  if (!parsed.ok) return badRequest({ errors: parsed.errors, values: parsed.values });
  // Said the same whether or not the email applied, so it reveals nothing either.
  const wait = takeResendLink(context.clientIp, parsed.data.email);
  if (wait !== null)
    return data(
      { errors: { _form: "programmes.resend.tooMany" } as FieldErrors, values: { email: parsed.data.email } },
      { status: 429, headers: { "Retry-After": String(wait) } },
    );
  const { locale } = await requestTranslator(request);
  if (await resendApplicationLink(db(), { programme, email: parsed.data.email, appUrl: appUrl(), locale })) {
    void runOutboxOnce();
  }
  // The same answer whether or not the email applied.
  return redirect(`/programmes/${programme.slug}/resend-link?sent=1`);
}

export default function ResendLink() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <Link to={`/programmes/${page.slug}/apply`} className="text-sm font-medium text-brand-800 underline">
          {named(page, locale)}
        </Link>
        <h1 className="mt-2 text-2xl font-bold">{t("programmes.resend.title")}</h1>
      </div>
      {page.sent && !actionData ? <FormNotice tone="success">{t("programmes.resend.sent")}</FormNotice> : null}
      <Form method="post" noValidate className={`${cardClass} space-y-4`}>
        <p className="text-stone-800">{t("programmes.resend.intro")}</p>
        <FormErrorSummary errors={actionData?.errors} />
        <FormField
          name="email"
          type="email"
          label="programmes.resend.email"
          autoComplete="email"
          errors={actionData?.errors}
          defaultValue={actionData?.values.email}
          required
        />
        <button type="submit" className={buttonClass}>
          {t("programmes.resend.submit")}
        </button>
      </Form>
    </div>
  );
}

export const meta = titleMeta("programmes.resend.title");
