import { admin } from "./messages/admin";
import { auth } from "./messages/auth";
import { bookings } from "./messages/bookings";
import { calendarFeed } from "./messages/calendarFeed";
import { calendar } from "./messages/calendar";
import { common } from "./messages/common";
import { events } from "./messages/events";
import { judging } from "./messages/judging";
import { mentors } from "./messages/mentors";
import { payments } from "./messages/payments";
import { milestones } from "./messages/milestones";
import { programmes } from "./messages/programmes";
import { reports } from "./messages/reports";
import { sessions } from "./messages/sessions";
import { spaces } from "./messages/spaces";
import { spacesAdmin } from "./messages/spacesAdmin";
import { stripe } from "./messages/stripe";
import { support } from "./messages/support";
import { teams } from "./messages/teams";
import { occupancy } from "./messages/occupancy";
import { audit } from "./messages/audit";

// Each area keeps its strings in app/i18n/messages/<area>.ts; add new areas here.
const areas = [
  common,
  auth,
  teams,
  admin,
  bookings,
  spaces,
  spacesAdmin,
  programmes,
  judging,
  milestones,
  support,
  sessions,
  mentors,
  calendar,
  calendarFeed,
  stripe,
  payments,
  events,
  occupancy,
  audit,
  reports,
] as const;

type Union<T> = T extends readonly (infer U)[] ? U : never;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type AllVi = UnionToIntersection<Union<typeof areas>["vi"]>;

export type MessageKey = keyof AllVi & string;
export type Dictionary = Record<MessageKey, string>;

function merge(locale: "vi" | "en"): Dictionary {
  const out: Record<string, string> = {};
  for (const area of areas) {
    for (const [key, value] of Object.entries(area[locale])) {
      if (key in out) throw new Error(`Duplicate message key ${key}`);
      out[key] = value;
    }
  }
  return out as Dictionary;
}

export const dictionaries = { vi: merge("vi"), en: merge("en") } as const;
