import { formatCalendarDate } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/use-translation";
import { hoursText, type StallReason } from "../rules";

/** One assignment: who with whom, period, focus, planned against delivered hours, and a stall flag in words. */
export function AssignmentSummary({
  assignment,
  heading,
}: {
  assignment: {
    starts_on: string;
    ends_on: string;
    focus: string;
    status: "active" | "ended";
    planned_hours: number;
    delivered_hours: number;
    stalled?: StallReason[];
  };
  heading: string;
}) {
  const t = useT();
  const locale = useLocale();
  const a = assignment;
  return (
    <div className="space-y-1">
      <p className="font-semibold">{heading}</p>
      <p className="text-sm text-stone-700">
        {formatCalendarDate(a.starts_on)}–{formatCalendarDate(a.ends_on)}
        {a.status === "ended" ? ` · ${t("assignments.status.ended")}` : ""}
      </p>
      {a.focus ? <p className="text-sm">{t("assignments.focus", { focus: a.focus })}</p> : null}
      <p className="text-sm text-stone-800">
        {t("assignments.hours", {
          delivered: hoursText(a.delivered_hours, locale),
          planned: hoursText(a.planned_hours, locale),
        })}
      </p>
      {a.stalled && a.stalled.length > 0 ? (
        <p className="text-sm font-semibold text-red-800">
          {t("assignments.stalled.flag")} {a.stalled.map((reason) => t(`assignments.stalled.${reason}`)).join("; ")}
        </p>
      ) : null}
    </div>
  );
}
