import type { LoaderFunctionArgs } from "@remix-run/node";
import { getApplication } from "~/features/applications/queries.server";
import { requirePermission } from "~/features/auth/session.server";
import { openPitch } from "~/features/uploads/pitch-files.server";
import { db } from "~/utils/database.server";
import { invariantResponse } from "~/utils/http.server";

// The applicant's pitch document, for staff only, streamed from the upload directory.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "programmes:manage");
  const application = await getApplication(db(), user.centre_id, params.programmeId ?? "", params.applicationId ?? "");
  invariantResponse(application?.pitch_file_key);
  const file = await openPitch(application.pitch_file_key);
  invariantResponse(file);
  const name = application.pitch_file_name ?? "pitch.pdf";
  const ascii = name.replace(/[^\x20-\x7e]/g, "_");
  return new Response(file.body, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(file.size),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
