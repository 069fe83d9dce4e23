import { isUuid } from "~/features/bookings/queries.server";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { db } from "~/utils/database.server";
import { invariantResponse } from "~/utils/http.server";
import { getProgramme, getProgrammeBySlug } from "./queries.server";

/** The programme named in a staff URL, of the staff member's centre; 404 otherwise. */
export async function requireProgramme(centreId: number, programmeId: string | undefined) {
  invariantResponse(isUuid(programmeId));
  const programme = await getProgramme(db(), centreId, programmeId);
  invariantResponse(programme);
  return programme;
}

/** The programme named in a public URL (no account needed), of this centre; 404 otherwise. */
export async function requirePublicProgramme(slug: string | undefined) {
  const centre = await requireCurrentCentre();
  const programme = await getProgrammeBySlug(db(), centre.id, slug ?? "");
  invariantResponse(programme);
  return programme;
}
