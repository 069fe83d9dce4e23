import { NavLink } from "@remix-run/react";
import { useT } from "~/i18n/use-translation";
import type { SpaceState } from "../rules";

const TABS = [
  { to: "/spaces", label: "spaces.tabs.plan" },
  { to: "/spaces/rooms", label: "spaces.tabs.rooms" },
  { to: "/spaces/search", label: "spaces.tabs.search" },
] as const;

/** The three ways to see availability, as links that keep working without JavaScript. */
export function SpacesTabs({ date }: { date?: string }) {
  const t = useT();
  const query = date ? `?date=${date}` : "";
  return (
    <nav aria-label={t("spaces.tabs.label")}>
      <ul className="flex flex-wrap gap-2">
        {TABS.map((tab) => (
          <li key={tab.to}>
            <NavLink
              to={`${tab.to}${query}`}
              end
              className={({ isActive }) =>
                `inline-block rounded-md px-3 py-2 text-sm font-medium ring-1 ${isActive ? "bg-brand-700 text-white ring-brand-700" : "bg-white text-brand-800 ring-stone-300 hover:bg-stone-50"}`
              }
            >
              {t(tab.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

// Each state has a colour AND a pattern and a symbol, so it never rests on colour alone.
export const STATE_STYLE: Record<SpaceState, { fill: string; stroke: string; pattern: string; symbol: string }> = {
  free: { fill: "#dcfce7", stroke: "#166534", pattern: "", symbol: "✓" },
  taken: { fill: "#e7e5e4", stroke: "#44403c", pattern: "url(#state-taken)", symbol: "✕" },
  mine: { fill: "#dbeafe", stroke: "#1e3a8a", pattern: "url(#state-mine)", symbol: "★" },
  closed: { fill: "#fee2e2", stroke: "#991b1b", pattern: "url(#state-closed)", symbol: "—" },
};

/** Pattern definitions the plan and the legend share. */
export function StatePatterns() {
  return (
    <defs>
      <pattern id="state-taken" width="10" height="10" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="10" height="10" fill={STATE_STYLE.taken.fill} />
        <line x1="0" y1="0" x2="0" y2="10" stroke="#78716c" strokeWidth="4" />
      </pattern>
      <pattern id="state-mine" width="12" height="12" patternUnits="userSpaceOnUse">
        <rect width="12" height="12" fill={STATE_STYLE.mine.fill} />
        <circle cx="6" cy="6" r="2.5" fill="#3b82f6" />
      </pattern>
      <pattern id="state-closed" width="12" height="12" patternUnits="userSpaceOnUse">
        <rect width="12" height="12" fill={STATE_STYLE.closed.fill} />
        <path d="M0 0L12 12M12 0L0 12" stroke="#ef4444" strokeWidth="1.5" />
      </pattern>
    </defs>
  );
}

/** Tailwind classes for a timeline cell or a badge: colour plus a pattern. */
export const STATE_CLASS: Record<SpaceState, string> = {
  free: "bg-green-100 text-green-900 ring-green-800",
  taken:
    "bg-stone-200 text-stone-900 ring-stone-700 bg-[repeating-linear-gradient(45deg,#d6d3d1_0_4px,#f5f5f4_4px_8px)]",
  mine: "bg-blue-100 text-blue-950 ring-blue-900 bg-[radial-gradient(#93c5fd_2px,transparent_2px)] bg-[length:8px_8px]",
  closed: "bg-red-100 text-red-950 ring-red-900 bg-[repeating-linear-gradient(-45deg,#fecaca_0_4px,#fef2f2_4px_8px)]",
};

/** A state's badge; `label` replaces the state's name when there is more to say. */
export function StateBadge({ state, label }: { state: SpaceState; label?: string }) {
  const t = useT();
  return (
    <span
      className={`inline-flex items-center gap-1 rounded px-2 py-0.5 text-sm font-medium ring-1 ${STATE_CLASS[state]}`}
    >
      <span aria-hidden="true">{STATE_STYLE[state].symbol}</span>
      {label ?? t(`spaces.state.${state}`)}
    </span>
  );
}

export function StateLegend() {
  const t = useT();
  return (
    <div>
      <h2 className="text-sm font-semibold text-stone-800">{t("spaces.legend")}</h2>
      <ul className="mt-1 flex flex-wrap gap-2">
        {(["free", "taken", "mine", "closed"] as const).map((state) => (
          <li key={state}>
            <StateBadge state={state} />
          </li>
        ))}
      </ul>
    </div>
  );
}
