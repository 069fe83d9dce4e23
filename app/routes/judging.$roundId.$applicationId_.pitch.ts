import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/features/auth/session.server";
import { isUuid } from "~/features/bookings/queries.server";
import { getAssignment, getPitchForJudge } from "~/features/judging/queries.server";
import { pitchDownload } from "~/features/uploads/pitch-files.server";
import { db } from "~/utils/database.server";
import { invariantResponse } from "~/utils/http.server";

// The pitch document of an application assigned to the signed-in judge: the same 404 as the
// score page for anyone else's (staff download it from the staff pages).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "judging:score");
  invariantResponse(isUuid(params.roundId) && isUuid(params.applicationId));
  const assignment = await getAssignment(db(), {
    roundId: params.roundId,
    judgeId: user.id,
    applicationId: params.applicationId,
  });
  const pitch = assignment ? await getPitchForJudge(db(), user.centre_id, params.applicationId) : undefined;
  const download = pitch ? await pitchDownload(pitch) : null;
  invariantResponse(download);
  return download;
}
