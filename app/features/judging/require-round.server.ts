import { isUuid } from "~/features/bookings/queries.server";
import { db } from "~/utils/database.server";
import { invariantResponse } from "~/utils/http.server";
import { requireProgramme } from "~/features/programmes/require-programme.server";
import { getRound } from "./queries.server";

/** The programme and the round named in the URL; 404 unless the round belongs to the programme. */
export async function requireRound(centreId: number, params: { programmeId?: string; roundId?: string }) {
  const programme = await requireProgramme(centreId, params.programmeId);
  invariantResponse(isUuid(params.roundId));
  const round = await getRound(db(), centreId, programme.id, params.roundId);
  invariantResponse(round);
  return { programme, round };
}
