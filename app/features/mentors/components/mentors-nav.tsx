import { NavLink } from "@remix-run/react";
import { useT } from "~/i18n/use-translation";

const LINKS = [
  { to: "/staff/mentors", label: "mentors.network.title", end: true },
  { to: "/staff/mentors/assignments", label: "assignments.title", end: false },
  { to: "/staff/mentors/requests", label: "assignments.requests.title", end: false },
  { to: "/staff/mentors/tags", label: "mentors.tags.title", end: false },
] as const;

/** The staff pages of the mentor network, side by side. */
export function MentorsNav() {
  const t = useT();
  return (
    <nav aria-label={t("mentors.nav.staff")} className="flex flex-wrap gap-2">
      {LINKS.map((link) => (
        <NavLink
          key={link.to}
          to={link.to}
          end={link.end}
          className={({ isActive }) =>
            `rounded-md px-3 py-1.5 text-sm font-medium underline-offset-2 focus-visible:outline-2 focus-visible:outline-brand-800 ${isActive ? "bg-brand-700 text-white" : "text-brand-800 underline ring-1 ring-brand-700"}`
          }
        >
          {t(link.label)}
        </NavLink>
      ))}
    </nav>
  );
}
