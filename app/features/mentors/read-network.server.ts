import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { mentorLoad, roundHours, type MentorLoad } from "~/features/assignments/rules";
import { listNetwork } from "./queries.server";

export interface NetworkFilter {
  tagId: number | null;
  load: MentorLoad | null;
}

/** The network as staff see it, filtered by an expertise tag and by load (free or busy). */
export async function readNetwork(db: Kysely<Database>, centreId: number, filter: NetworkFilter) {
  const mentors = await listNetwork(db, centreId);
  return mentors
    .map((m) => ({
      ...m,
      load: mentorLoad(m.activeAssignments),
      plannedHours: roundHours(m.plannedHours),
      deliveredHours: roundHours(m.deliveredHours),
    }))
    .filter((m) => filter.tagId === null || m.tags.some((t) => t.id === filter.tagId))
    .filter((m) => filter.load === null || m.load === filter.load);
}

/** The filter from the query string; anything unknown means "all". */
export function networkFilter(url: URL): NetworkFilter {
  const tag = Number(url.searchParams.get("tag"));
  const load = url.searchParams.get("load");
  return {
    tagId: Number.isInteger(tag) && tag > 0 ? tag : null,
    load: load === "free" || load === "busy" ? load : null,
  };
}
