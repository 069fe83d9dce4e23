import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { cardClass, ProgrammesAdminPage } from "~/features/programmes/components/programme-parts";
import { listProgrammes } from "~/features/programmes/queries.server";
import { formatCalendarDate, formatDateTime } from "~/i18n/format";
import { named } from "~/i18n/named";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "programmes:manage");
  const programmes = await listProgrammes(db(), user.centre_id);
  return {
    programmes: programmes.map((p) => ({
      id: p.id,
      kind: p.kind,
      name_vi: p.name_vi,
      name_en: p.name_en,
      starts_on: p.starts_on,
      ends_on: p.ends_on,
      opens_at: p.applications_open_at?.toISOString() ?? null,
      closes_at: p.applications_close_at?.toISOString() ?? null,
      application_count: Number(p.application_count ?? 0),
    })),
  };
}

export default function StaffProgrammes() {
  const { programmes } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <ProgrammesAdminPage title={t("programmes.staff.title")}>
      <p className="flex flex-wrap gap-4">
        <Link to="/staff/programmes/new" className="font-medium text-brand-800 underline">
          {t("programmes.staff.new")}
        </Link>
        <Link to="/staff/programmes/sectors" className="font-medium text-brand-800 underline">
          {t("programmes.staff.sectors")}
        </Link>
      </p>
      <div className={cardClass}>
        {programmes.length === 0 ? (
          <p className="text-stone-700">{t("programmes.staff.none")}</p>
        ) : (
          <ul className="divide-y divide-stone-200">
            {programmes.map((p) => (
              <li key={p.id} className="py-3">
                <p className="text-sm text-stone-700">{t(`programmes.kind.${p.kind}`)}</p>
                <Link to={`/staff/programmes/${p.id}`} className="font-medium text-brand-800 underline">
                  {named(p, locale)}
                </Link>
                <p className="text-sm text-stone-700">
                  {formatCalendarDate(p.starts_on)} – {formatCalendarDate(p.ends_on)} · {t("programmes.staff.window")}:{" "}
                  {p.opens_at && p.closes_at
                    ? t("programmes.staff.windowRange", {
                        opens: formatDateTime(p.opens_at),
                        closes: formatDateTime(p.closes_at),
                      })
                    : t("programmes.staff.windowNone")}
                </p>
                <Link
                  to={`/staff/programmes/${p.id}/applications`}
                  className="text-sm font-medium text-brand-800 underline"
                >
                  {t("programmes.staff.applications", { count: p.application_count })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </ProgrammesAdminPage>
  );
}

export const meta = titleMeta("programmes.staff.title");
