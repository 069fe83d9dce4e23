import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { titleMeta } from "~/features/auth/meta";
import { auditActor } from "~/features/audit/record-audit.server";
import { requirePermission } from "~/features/auth/session.server";
import { ProfileEditor, type ProfileEditorResult } from "~/features/mentors/components/profile-editor";
import { profilePageAction } from "~/features/mentors/profile-page-action.server";
import { findMentorUser, listTags, readMentorProfile } from "~/features/mentors/queries.server";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { invariantResponse } from "~/utils/http.server";

// Staff edit any mentor's profile, office hours and days away.

/** A malformed id is answered like an unknown one, before any query. */
function mentorIdFrom(params: LoaderFunctionArgs["params"]): string {
  const parsed = z.uuid().safeParse(params.mentorId);
  invariantResponse(parsed.success);
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "mentors:manage");
  const mentorId = mentorIdFrom(params);
  const [mentor, tags] = await Promise.all([
    readMentorProfile(db(), user.centre_id, mentorId),
    listTags(db(), user.centre_id),
  ]);
  invariantResponse(mentor);
  return { mentor, tags };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = auditActor(context, await requirePermission(request, "mentors:manage"));
  const mentor = await findMentorUser(db(), user.centre_id, mentorIdFrom(params));
  invariantResponse(mentor);
  return profilePageAction(db(), request, { centreId: user.centre_id, mentorId: mentor.id, actor: user });
}

export default function StaffMentorProfile() {
  const { mentor, tags } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ProfileEditorResult | undefined;
  const t = useT();
  return (
    <div className="space-y-6">
      <div>
        <Link to="/staff/mentors" className="text-sm font-medium text-brand-800 underline">
          {t("mentors.network.back")}
        </Link>
        <h1 className="mt-2 text-2xl font-bold">{mentor.user.name}</h1>
        {!mentor.user.is_active ? (
          <p className="mt-1 font-medium text-red-800">{t("mentors.network.inactive")}</p>
        ) : null}
      </div>
      <ProfileEditor mentor={mentor} offeredTags={tags} result={result} />
    </div>
  );
}

export const meta = titleMeta("mentors.staffEdit.title");
