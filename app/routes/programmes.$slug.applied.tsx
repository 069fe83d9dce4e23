import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FormNotice } from "~/features/auth/components/auth-page";
import { titleMeta } from "~/features/auth/meta";
import { requirePublicProgramme } from "~/features/programmes/require-programme.server";
import { named } from "~/i18n/named";
import { useLocale, useT } from "~/i18n/use-translation";

export async function loader({ params }: LoaderFunctionArgs) {
  // Public: the page an applicant lands on after applying; it shows nothing of the application.
  const programme = await requirePublicProgramme(params.slug);
  return { name_vi: programme.name_vi, name_en: programme.name_en };
}

export default function Applied() {
  const programme = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("programmes.apply.sentTitle")}</h1>
      <p className="text-lg text-stone-800">{named(programme, locale)}</p>
      <FormNotice tone="success">{t("programmes.apply.sent")}</FormNotice>
      <Link to="/programmes" className="inline-block font-medium text-brand-800 underline">
        {t("programmes.apply.back")}
      </Link>
    </div>
  );
}

export const meta = titleMeta("programmes.apply.sentTitle");
