import type { TeamStatus } from "#db/schema";
import { formatCalendarDate } from "~/i18n/format";
import { useT } from "~/i18n/use-translation";

/** "dd/MM/yyyy – dd/MM/yyyy", or "From dd/MM/yyyy" while the end is open. */
export function IncubationPeriod({ startsOn, endsOn }: { startsOn: string; endsOn: string | null }) {
  const t = useT();
  const start = formatCalendarDate(startsOn);
  return (
    <span className="tabular-nums">
      {endsOn
        ? t("teams.period.range", { start, end: formatCalendarDate(endsOn) })
        : t("teams.period.openEnded", { start })}
    </span>
  );
}

const STATUS_STYLE: Record<TeamStatus, string> = {
  incubating: "bg-brand-50 text-brand-800 ring-brand-700",
  graduated: "bg-sky-50 text-sky-900 ring-sky-800",
  left: "bg-stone-100 text-stone-800 ring-stone-500",
};

export function TeamStatusBadge({ status }: { status: TeamStatus }) {
  const t = useT();
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-sm font-medium ring-1 ${STATUS_STYLE[status]}`}>
      {t(`teams.status.${status}`)}
    </span>
  );
}

/** Members as a simple list: name and email. */
export function MemberList({ members }: { members: ReadonlyArray<{ id: string; name: string; email: string }> }) {
  const t = useT();
  if (members.length === 0) return <p className="text-stone-700">{t("teams.members.none")}</p>;
  return (
    <ul className="divide-y divide-stone-200">
      {members.map((member) => (
        <li key={member.id} className="py-2">
          <p className="font-medium">{member.name}</p>
          <p className="text-sm text-stone-700">
            <a href={`mailto:${member.email}`} className="text-brand-800 underline">
              {member.email}
            </a>
          </p>
        </li>
      ))}
    </ul>
  );
}
