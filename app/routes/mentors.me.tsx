import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { ProfileEditor, type ProfileEditorResult } from "~/features/mentors/components/profile-editor";
import { profilePageAction } from "~/features/mentors/profile-page-action.server";
import { ensureMentorProfile, listTags, readMentorProfile } from "~/features/mentors/queries.server";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { invariantResponse } from "~/utils/http.server";

// A mentor's own profile: details, expertise, office hours and days away.

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "mentoring:schedule");
  // The first visit creates the profile row of a mentor made without one (a role change).
  await ensureMentorProfile(db(), user.id);
  const [mentor, tags] = await Promise.all([
    readMentorProfile(db(), user.centre_id, user.id),
    listTags(db(), user.centre_id),
  ]);
  invariantResponse(mentor);
  return { mentor, tags };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "mentoring:schedule");
  invariantResponse(user.role === "mentor");
  return profilePageAction(db(), request, { centreId: user.centre_id, mentorId: user.id });
}

export default function MyMentorProfile() {
  const { mentor, tags } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ProfileEditorResult | undefined;
  const t = useT();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("mentors.me.title")}</h1>
        <p className="mt-2 max-w-2xl text-stone-700">{t("mentors.me.lead")}</p>
      </div>
      <ProfileEditor mentor={mentor} offeredTags={tags} result={result} />
    </div>
  );
}

export const meta = titleMeta("mentors.me.title");
