import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { cardClass } from "~/components/card";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { YearForm } from "~/features/reports/components/year-form";
import { eventFilterOf, readReportList } from "~/features/reports/read-list.server";
import { reportCentre, yearOf } from "~/features/reports/report-request.server";
import { formatFigure, isReportList } from "~/features/reports/rules";
import { formatDate, formatDateTime, formatMoney } from "~/i18n/format";
import type { MessageKey } from "~/i18n/translate";
import { useLocale, useT } from "~/i18n/use-translation";
import { invariantResponse } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "reports:view");
  const list = params.list;
  invariantResponse(isReportList(list));
  const { scope, thisYear, centre } = await reportCentre(user.centre_id);
  const year = yearOf(request, thisYear);
  if (!year.ok)
    return data(
      { list, result: null, filter: null, input: year.input, error: year.error as MessageKey, zone: centre.time_zone },
      { status: 400 },
    );
  const filter = eventFilterOf(request);
  if (!filter) throw new Response("Unknown event kind, audience or group", { status: 400 });
  return {
    list,
    result: { year: year.year, ...(await readReportList(scope, list, year.year, filter)) },
    filter,
    input: String(year.year),
    error: null,
    zone: centre.time_zone,
  };
}

const th = "px-2 py-2 text-left font-semibold";
const td = "px-2 py-2 align-top";
const num = "px-2 py-2 text-right align-top tabular-nums";

/** A list's table: its column headings (numbers aligned right) around the rows. */
function ListTable({ columns, children }: { columns: Array<[MessageKey, "num"?]>; children: ReactNode }) {
  const t = useT();
  return (
    <table className="w-full text-sm">
      <thead>
        <tr className="border-b border-stone-300">
          {columns.map(([label, align]) => (
            <th key={label} scope="col" className={align ? `${th} text-right` : th}>
              {t(label)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-stone-200">{children}</tbody>
    </table>
  );
}

export default function ReportListPage() {
  const { list, result, filter, input, error, zone } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const year = result?.year ?? input;
  const yesNo = (value: boolean) => t(value ? "reports.list.yes" : "reports.list.no");
  const filterText = [
    filter?.kind ? t(`reports.kind.${filter.kind}`) : null,
    filter?.audience ? t(`reports.audience.${filter.audience}`) : null,
    filter?.group ? t("reports.list.group", { group: t(`reports.audience.${filter.group}`) }) : null,
  ]
    .filter(Boolean)
    .join(", ");

  function table() {
    if (!result) return null;
    if (result.rows.length === 0) return <p className="text-stone-700">{t("reports.list.empty")}</p>;
    switch (result.list) {
      case "founders-trained":
        return (
          <ListTable
            columns={[
              ["reports.list.name"],
              ["reports.list.email"],
              ["reports.list.member"],
              ["reports.list.organisation"],
              ["reports.list.trainings", "num"],
            ]}
          >
            {result.rows.map((row) => (
              <tr key={row.email}>
                <th scope="row" className={`${td} text-left font-medium`}>
                  {row.name}
                </th>
                <td className={td}>{row.email}</td>
                <td className={td}>{t(row.member ? "reports.list.isMember" : "reports.list.isGuest")}</td>
                <td className={td}>{row.organisation}</td>
                <td className={num}>{row.trainings}</td>
              </tr>
            ))}
          </ListTable>
        );
      case "teams":
        return (
          <ListTable
            columns={[
              ["reports.list.team"],
              ["reports.list.incubated"],
              ["reports.list.sessions", "num"],
              ["reports.list.bookings", "num"],
              ["reports.list.jobs", "num"],
            ]}
          >
            {result.rows.map((row) => (
              <tr key={row.id}>
                <th scope="row" className={`${td} text-left font-medium`}>
                  <Link to={`/staff/teams/${row.id}`} className="text-brand-800 underline">
                    {row.name}
                  </Link>
                </th>
                <td className={td}>{yesNo(row.incubated)}</td>
                <td className={num}>{row.sessions}</td>
                <td className={num}>{row.bookings}</td>
                <td className={num}>{row.incubated ? row.jobs_created : "–"}</td>
              </tr>
            ))}
          </ListTable>
        );
      case "events":
        return (
          <ListTable
            columns={[
              ["reports.list.event"],
              ["reports.list.date"],
              ["reports.list.kind"],
              ["reports.list.audiences"],
              ["reports.list.training"],
              ["reports.column.registered", "num"],
              ["reports.column.attended", "num"],
            ]}
          >
            {result.rows.map((row) => (
              <tr key={row.id}>
                <th scope="row" className={`${td} text-left font-medium`}>
                  <Link to={`/staff/events/${row.id}/attendance`} className="text-brand-800 underline">
                    {locale === "vi" ? row.title_vi : row.title_en}
                  </Link>
                </th>
                <td className={td}>{formatDate(row.starts_at, zone)}</td>
                <td className={td}>{t(`reports.kind.${row.kind}`)}</td>
                <td className={td}>{row.audiences.map((a) => t(`reports.audience.${a}`)).join(", ")}</td>
                <td className={td}>{yesNo(row.counts_as_training)}</td>
                <td className={num}>{row.registered}</td>
                <td className={num}>{row.attended}</td>
              </tr>
            ))}
          </ListTable>
        );
      case "sessions":
        return (
          <ListTable
            columns={[
              ["reports.list.date"],
              ["reports.list.mentor"],
              ["reports.list.team"],
              ["reports.list.topic"],
              ["reports.list.hours", "num"],
            ]}
          >
            {result.rows.map((row) => (
              <tr key={row.id}>
                <th scope="row" className={`${td} text-left font-medium`}>
                  <Link to={`/sessions/${row.id}`} className="text-brand-800 underline">
                    {formatDateTime(row.starts_at, zone)}
                  </Link>
                </th>
                <td className={td}>{row.mentor}</td>
                <td className={td}>{row.team}</td>
                <td className={td}>{row.topic}</td>
                <td className={num}>{formatFigure(row.hours, locale)}</td>
              </tr>
            ))}
          </ListTable>
        );
      case "bookings":
        return (
          <ListTable
            columns={[
              ["reports.list.resource"],
              ["reports.list.bookings", "num"],
              ["reports.short.deskDays", "num"],
              ["reports.short.roomHours", "num"],
              ["reports.list.value", "num"],
            ]}
          >
            {result.rows.map((row) => (
              <tr key={row.id}>
                <th scope="row" className={`${td} text-left font-medium`}>
                  {row.code} — {locale === "vi" ? row.name_vi : row.name_en}
                </th>
                <td className={num}>{row.bookings}</td>
                <td className={num}>{formatFigure(row.desk_days, locale)}</td>
                <td className={num}>{formatFigure(row.room_hours, locale)}</td>
                <td className={num}>{formatMoney(row.value, locale)}</td>
              </tr>
            ))}
          </ListTable>
        );
    }
  }

  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <h1 className="text-2xl font-bold">{t(`reports.list.title.${list}`, { year })}</h1>
        <Link to={`/staff/reports/annual?year=${year}`} className="font-medium text-brand-800 underline">
          {t("reports.list.back", { year })}
        </Link>
        <YearForm value={input} error={error ?? undefined} />
        {filterText ? <p className="text-stone-700">{t("reports.list.filtered", { filter: filterText })}</p> : null}
      </div>
      {result ? (
        <section
          // A wide table scrolls sideways on a phone: the region takes focus so keyboards can scroll it.
          tabIndex={0}
          className={`${cardClass} overflow-x-auto`}
          aria-label={t(`reports.list.title.${list}`, { year })}
        >
          <p className="mb-3 font-medium" data-count={result.rows.length}>
            {t("reports.list.count", { count: result.rows.length })}
          </p>
          {table()}
        </section>
      ) : null}
    </div>
  );
}

export const meta = titleMeta("reports.nav");
