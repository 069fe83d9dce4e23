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

/**
 * The states' colours and patterns, written once on a page's container: any element inside
 * with `data-state="…"` takes them. Hundreds of cells then carry one short attribute instead
 * of the same long class list each, which keeps the page light on slow connections.
 */
export const STATE_VARIANTS = [
  "[&_[data-state=free]]:bg-green-100 [&_[data-state=free]]:text-green-900 [&_[data-state=free]]:ring-green-800",
  "[&_[data-state=taken]]:bg-stone-200 [&_[data-state=taken]]:text-stone-900 [&_[data-state=taken]]:ring-stone-700",
  "[&_[data-state=taken]]:bg-[repeating-linear-gradient(45deg,#d6d3d1_0_4px,#f5f5f4_4px_8px)]",
  "[&_[data-state=mine]]:bg-blue-100 [&_[data-state=mine]]:text-blue-950 [&_[data-state=mine]]:ring-blue-900",
  "[&_[data-state=mine]]:bg-[radial-gradient(#93c5fd_2px,transparent_2px)] [&_[data-state=mine]]:bg-[length:8px_8px]",
  "[&_[data-state=closed]]:bg-red-100 [&_[data-state=closed]]:text-red-950 [&_[data-state=closed]]:ring-red-900",
  "[&_[data-state=closed]]:bg-[repeating-linear-gradient(-45deg,#fecaca_0_4px,#fef2f2_4px_8px)]",
].join(" ");

/** A state's badge (inside a STATE_VARIANTS container); `label` replaces the state's name when there is more to say. */
export function StateBadge({ state, label }: { state: SpaceState; label?: string }) {
  const t = useT();
  return (
    <span data-state={state} className="inline-block rounded px-2 py-0.5 text-sm font-medium ring-1">
      <span aria-hidden="true">{STATE_STYLE[state].symbol}</span>
      {` ${label ?? t(`spaces.state.${state}`)}`}
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

/**
 * The booking form's address for a free slot of a room's timeline, or null: an hour when the
 * next slot is free too, else the half hour that is left. `book` is the room's
 * "/bookings/new?resource=…&date=…" (null when it cannot be booked); built here rather than
 * sent per slot, so the page's data stays small.
 */
export function slotHref(book: string | null, times: readonly string[], states: readonly SpaceState[], i: number) {
  if (!book || states[i] !== "free") return null;
  return `${book}&start=${times[i]}&minutes=${states[i + 1] === "free" ? 60 : 30}&people=1`;
}
