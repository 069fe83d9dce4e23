import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import type { Role } from "#db/schema";
import { can, type Permission } from "~/features/auth/permissions";
import { useLocale, useT } from "~/i18n/use-translation";
import type { MessageKey } from "~/i18n/translate";

interface ShellUser {
  name: string;
  role: Role;
}

// Navigation fits each role: an entry shows only when the role holds its permission.
const NAV: ReadonlyArray<{ to: string; label: MessageKey; permission?: Permission }> = [
  { to: "/programmes", label: "programmes.nav.public" },
  { to: "/events", label: "events.nav.public" },
  { to: "/team", label: "nav.myTeam", permission: "team:view-own" },
  { to: "/spaces", label: "spaces.nav", permission: "spaces:view" },
  { to: "/bookings", label: "bookings.nav", permission: "bookings:book" },
  // Every account has its own calendar feed.
  { to: "/calendar", label: "calendar.nav", permission: "account:edit-own" },
  { to: "/account/payments", label: "payments.nav.account", permission: "bookings:book" },
  { to: "/judging", label: "judging.nav", permission: "judging:score" },
  { to: "/mentor", label: "sessions.nav.mentor", permission: "mentoring:schedule" },
  { to: "/team/sessions", label: "sessions.nav.team", permission: "team:view-own" },
  { to: "/team/mentors", label: "mentors.nav.team", permission: "team:view-own" },
  { to: "/mentors/teams", label: "mentors.nav.myTeams", permission: "mentoring:schedule" },
  { to: "/mentors/me", label: "mentors.nav.profile", permission: "mentoring:schedule" },
  { to: "/staff/teams", label: "nav.teams", permission: "teams:manage" },
  { to: "/staff/spaces", label: "spacesAdmin.nav", permission: "spaces:manage" },
  { to: "/staff/occupancy", label: "occupancy.nav", permission: "staff-area:view" },
  { to: "/staff/targets", label: "targets.nav", permission: "reports:view" },
  { to: "/staff/reports/annual", label: "reports.nav", permission: "reports:view" },
  { to: "/staff/programmes", label: "programmes.nav.staff", permission: "programmes:manage" },
  { to: "/staff/mentors", label: "mentors.nav.staff", permission: "mentors:manage" },
  { to: "/staff/events", label: "events.nav.staff", permission: "events:manage" },
  { to: "/staff/sessions", label: "sessions.nav.staff", permission: "teams:manage" },
  { to: "/staff/payments", label: "payments.nav.staff", permission: "payments:manage" },
  { to: "/staff/invitations", label: "nav.invitations", permission: "invite:mentor" },
  { to: "/admin/users", label: "nav.users", permission: "users:change-role" },
  { to: "/admin/outbox", label: "nav.outbox", permission: "outbox:read" },
  { to: "/admin/audit", label: "audit.nav", permission: "audit:read" },
  { to: "/teams", label: "teams.nav.directory" },
];

function LanguageSwitch() {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const next = locale === "vi" ? "en" : "vi";
  return (
    <Form method="post" action="/language" className="inline">
      <input type="hidden" name="locale" value={next} />
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <button
        type="submit"
        lang={next}
        aria-label={t("language.switchToLabel")}
        className="rounded-md border border-white/60 px-2 py-1 text-sm font-medium text-white hover:bg-white/10"
      >
        {t("language.switchTo")}
      </button>
    </Form>
  );
}

const navLinkClass = ({ isActive }: { isActive: boolean }) =>
  `block rounded-md px-3 py-2 text-sm font-medium ${isActive ? "bg-brand-800 text-white" : "text-white hover:bg-white/10"}`;

export function AppShell({
  user,
  centreName,
  children,
}: {
  user: ShellUser | null;
  centreName: string;
  children: ReactNode;
}) {
  const t = useT();
  // An entry without a permission (the public competitions) shows to everyone, visitors too.
  const links = NAV.filter((item) => !item.permission || (user && can(user.role, item.permission)));
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-brand-800"
      >
        {t("app.skipToContent")}
      </a>
      <header className="bg-brand-700 text-white print:hidden">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <Link to="/" className="text-base font-semibold">
            {centreName}
          </Link>
          <div className="flex items-center gap-2">
            <LanguageSwitch />
          </div>
        </div>
        <nav aria-label={t("nav.label")} className="mx-auto max-w-5xl px-2 pb-2">
          <ul className="flex flex-wrap gap-1">
            <li>
              <NavLink to="/" end className={navLinkClass}>
                {t("nav.home")}
              </NavLink>
            </li>
            {links.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} className={navLinkClass}>
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
            {user ? (
              <>
                <li>
                  <NavLink to="/account" className={navLinkClass}>
                    {t("nav.account")}
                  </NavLink>
                </li>
                <li>
                  <Form method="post" action="/sign-out">
                    <button
                      type="submit"
                      className="block rounded-md px-3 py-2 text-sm font-medium text-white hover:bg-white/10"
                    >
                      {t("nav.signOut")}
                    </button>
                  </Form>
                </li>
              </>
            ) : (
              <>
                <li>
                  <NavLink to="/sign-in" className={navLinkClass}>
                    {t("nav.signIn")}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/sign-up" className={navLinkClass}>
                    {t("nav.signUp")}
                  </NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
      </header>
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 print:max-w-none print:p-0">
        {children}
      </main>
    </div>
  );
}
