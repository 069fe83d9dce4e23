import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { titleMeta } from "~/features/auth/meta";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { listOpenProgrammes } from "~/features/programmes/queries.server";
import { formatCalendarDate, formatDateTime } from "~/i18n/format";
import { named } from "~/i18n/named";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";

export async function loader(_: LoaderFunctionArgs) {
  // Public: anyone may see which competitions take applications.
  const centre = await requireCurrentCentre();
  const programmes = await listOpenProgrammes(db(), centre.id, new Date());
  return {
    programmes: programmes.map((p) => ({
      slug: p.slug,
      kind: p.kind,
      name_vi: p.name_vi,
      name_en: p.name_en,
      starts_on: p.starts_on,
      ends_on: p.ends_on,
      closes_at: p.applications_close_at!.toISOString(),
      rules_vi: p.rules_vi,
      rules_en: p.rules_en,
    })),
  };
}

export default function OpenProgrammes() {
  const { programmes } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("programmes.public.title")}</h1>
      {programmes.length === 0 ? (
        <p className="text-stone-700">{t("programmes.public.none")}</p>
      ) : (
        <ul className="space-y-4">
          {programmes.map((p) => {
            const name = named(p, locale);
            const rules = locale === "vi" ? p.rules_vi : p.rules_en;
            return (
              <li key={p.slug} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-stone-200 sm:p-6">
                <p className="text-sm font-medium text-stone-700">{t(`programmes.kind.${p.kind}`)}</p>
                <h2 className="text-lg font-semibold">{name}</h2>
                <p className="mt-1 text-stone-800">
                  {t("programmes.public.deadline", { deadline: formatDateTime(p.closes_at) })}
                </p>
                <p className="text-sm text-stone-700">
                  {t("programmes.public.period", {
                    start: formatCalendarDate(p.starts_on),
                    end: formatCalendarDate(p.ends_on),
                  })}
                </p>
                {rules ? (
                  <details className="mt-2">
                    <summary className="cursor-pointer font-medium text-brand-800">
                      {t("programmes.public.rules")}
                    </summary>
                    <p className="mt-2 whitespace-pre-line text-stone-800">{rules}</p>
                  </details>
                ) : null}
                <Link
                  to={`/programmes/${p.slug}/apply`}
                  aria-label={t("programmes.public.applyTo", { name })}
                  className="mt-3 inline-block rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-800"
                >
                  {t("programmes.public.apply")}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

export const meta = titleMeta("programmes.public.title");
