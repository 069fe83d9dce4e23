import { db } from "~/utils/database.server";
import type { ReportScope } from "./figures.server";
import { bookingsList, eventsList, foundersTrainedList, sessionsList, teamsList } from "./lists.server";
import { EVENT_AUDIENCES, EVENT_KINDS, type ReportAudience, type ReportEventKind, type ReportList } from "./rules";

export type EventFilter = {
  kind: ReportEventKind | null;
  audience: ReportAudience | null;
  group: ReportAudience | null;
};

/** The events list's optional ?kind=, ?audience= and ?group=; null when either names nothing we know. */
export function eventFilterOf(request: Request): EventFilter | null {
  const params = new URL(request.url).searchParams;
  const kind = params.get("kind") || null;
  const audience = params.get("audience") || null;
  const group = params.get("group") || null;
  if (kind && !(EVENT_KINDS as readonly string[]).includes(kind)) return null;
  for (const value of [audience, group]) {
    if (value && !(EVENT_AUDIENCES as readonly string[]).includes(value)) return null;
  }
  return {
    kind: kind as ReportEventKind | null,
    audience: audience as ReportAudience | null,
    group: group as ReportAudience | null,
  };
}

/** One of the lists behind the report's figures, tagged with its name. */
export async function readReportList(scope: ReportScope, list: ReportList, year: number, filter: EventFilter) {
  switch (list) {
    case "founders-trained":
      return { list, rows: await foundersTrainedList(db(), scope, year) } as const;
    case "teams":
      return { list, rows: await teamsList(db(), scope, year) } as const;
    case "events":
      return { list, rows: await eventsList(db(), scope, year, filter) } as const;
    case "sessions":
      return { list, rows: await sessionsList(db(), scope, year) } as const;
    case "bookings":
      return { list, rows: await bookingsList(db(), scope, year) } as const;
  }
}
