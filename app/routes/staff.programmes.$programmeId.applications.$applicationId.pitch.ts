import type { LoaderFunctionArgs } from "@remix-run/node";
import { getApplication } from "~/features/applications/queries.server";
import { requirePermission } from "~/features/auth/session.server";
import { pitchDownload } from "~/features/uploads/pitch-files.server";
import { db } from "~/utils/database.server";
import { invariantResponse } from "~/utils/http.server";

// The applicant's pitch document, for staff, streamed from the upload directory.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "programmes:manage");
  const application = await getApplication(db(), user.centre_id, params.programmeId ?? "", params.applicationId ?? "");
  const download = application ? await pitchDownload(application) : null;
  invariantResponse(download);
  return download;
}
