import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { SessionStatus } from "#db/schema";
import { formatDate, formatTime } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/use-translation";

export { cardClass } from "~/components/card";
export const linkClass = "font-medium text-brand-700 underline hover:text-brand-800";

/** What a list row of a session needs (dates arrive as Date through single fetch). */
export interface SessionRow {
  id: string;
  starts_at: Date | string;
  ends_at: Date | string;
  mode: "centre" | "online";
  online_url: string | null;
  topic: string;
  status: SessionStatus;
  mentor_name: string;
  team_name: string;
  room_code: string | null;
  room_name_vi: string | null;
  room_name_en: string | null;
}

export function SessionsPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{title}</h1>
      {children}
    </div>
  );
}

const STATUS_TONE: Record<SessionStatus, string> = {
  proposed: "bg-amber-100 text-amber-900",
  confirmed: "bg-green-100 text-green-900",
  declined: "bg-stone-200 text-stone-800",
  cancelled: "bg-stone-200 text-stone-800",
  done: "bg-brand-100 text-brand-800",
  no_show: "bg-red-100 text-red-900",
};

export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  const t = useT();
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-sm font-medium ${STATUS_TONE[status]}`}>
      {t(`sessions.status.${status}`)}
    </span>
  );
}

/** "Phòng P-201 · Phòng họp nhỏ" or "Trực tuyến". */
export function SessionPlace({
  session,
}: {
  session: Pick<SessionRow, "mode" | "room_code" | "room_name_vi" | "room_name_en">;
}) {
  const t = useT();
  const locale = useLocale();
  if (session.mode === "online") return <>{t("sessions.mode.online")}</>;
  const name = locale === "vi" ? session.room_name_vi : session.room_name_en;
  return <>{t("sessions.place.room", { code: session.room_code ?? "", name: name ?? "" })}</>;
}

export function SessionWhen({
  session,
  zone,
  withDate = true,
}: {
  session: SessionRow;
  zone: string;
  withDate?: boolean;
}) {
  const span = `${formatTime(new Date(session.starts_at), zone)}–${formatTime(new Date(session.ends_at), zone)}`;
  return <>{withDate ? `${formatDate(new Date(session.starts_at), zone)}, ${span}` : span}</>;
}

/** Sessions as a list of cards: readable on a phone, one session per item. */
export function SessionList({
  sessions,
  zone,
  show,
  withDate = true,
  empty,
}: {
  sessions: readonly SessionRow[];
  zone: string;
  show: "team" | "mentor" | "both";
  withDate?: boolean;
  empty: string;
}) {
  const t = useT();
  if (sessions.length === 0) return <p className="text-stone-700">{empty}</p>;
  return (
    <ul className="space-y-3">
      {sessions.map((s) => (
        <li key={s.id} className="rounded-lg border border-stone-200 bg-white p-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <Link to={`/sessions/${s.id}`} className={linkClass}>
              <SessionWhen session={s} zone={zone} withDate={withDate} />
            </Link>
            <SessionStatusBadge status={s.status} />
          </div>
          <dl className="mt-2 grid gap-1 text-sm text-stone-800 sm:grid-cols-3">
            {show !== "mentor" ? (
              <div>
                <dt className="sr-only">{t("sessions.field.team")}</dt>
                <dd>{t("sessions.list.team", { team: s.team_name })}</dd>
              </div>
            ) : null}
            {show !== "team" ? (
              <div>
                <dt className="sr-only">{t("sessions.field.mentor")}</dt>
                <dd>{t("sessions.list.mentor", { mentor: s.mentor_name })}</dd>
              </div>
            ) : null}
            <div>
              <dt className="sr-only">{t("sessions.field.place")}</dt>
              <dd>
                <SessionPlace session={s} />
              </dd>
            </div>
            <div className="sm:col-span-3">
              <dt className="sr-only">{t("sessions.field.topic")}</dt>
              <dd>{s.topic}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}

/** Links to propose a session for each active assignment. */
export function ProposeLinks({
  assignments,
  show,
}: {
  assignments: ReadonlyArray<{ id: string; team_name: string; mentor_name: string }>;
  show: "team" | "mentor" | "both";
}) {
  const t = useT();
  if (assignments.length === 0) return null;
  return (
    <ul className="space-y-2">
      {assignments.map((a) => (
        <li key={a.id} className="flex flex-wrap items-center justify-between gap-2">
          <span>
            {show === "team"
              ? a.team_name
              : show === "mentor"
                ? a.mentor_name
                : t("sessions.list.pair", { team: a.team_name, mentor: a.mentor_name })}
          </span>
          <Link to={`/sessions/new?assignment=${a.id}`} className={linkClass}>
            {t("sessions.propose.link")}
          </Link>
        </li>
      ))}
    </ul>
  );
}
