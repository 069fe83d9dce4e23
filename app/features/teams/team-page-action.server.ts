import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { AuditActor } from "~/features/audit/record-audit.server";
import { milestoneFormSchema, milestoneIdSchema } from "~/features/milestones/milestone-form";
import { addMilestone, editMilestone } from "~/features/milestones/save-milestone.server";
import type { MessageKey } from "~/i18n/translate";
import { parseForm, typedValues, type FieldErrors } from "~/utils/forms";
import { invariantResponse } from "~/utils/http.server";
import { directoryFormSchema, profileFormSchema } from "./profile-form";
import { saveDirectorySettings, saveTeamProfile } from "./save-profile.server";
import type { TeamPageIntent } from "./team-page-intents";

export interface TeamPageResult {
  intent: TeamPageIntent;
  teamId: string;
  status: 200 | 400;
  errors?: FieldErrors;
  values?: Record<string, string>;
  notice?: MessageKey;
  /** The milestone the edit form was for, so its errors show beside it. */
  milestoneId?: string;
}

/**
 * Handles one of the team page's forms for a team the caller has already allowed the
 * person to edit. Bad input comes back with status 400 and nothing is changed; an unknown
 * milestone of this team is a 404.
 */
export async function submitTeamPageForm(
  db: Kysely<Database>,
  input: {
    intent: TeamPageIntent;
    form: FormData;
    centreId: number;
    teamId: string;
    currentSectorId: number | null;
    userId: string;
    today: string;
    /** Staff acting on a team's page (recorded in the audit log). */
    actor?: AuditActor;
  },
): Promise<TeamPageResult> {
  const { intent, form, teamId } = input;
  const refuse = (errors: FieldErrors, values: Record<string, string>, milestoneId?: string): TeamPageResult => ({
    intent,
    teamId,
    status: 400,
    errors,
    values,
    milestoneId,
  });

  if (intent === "profile") {
    const parsed = parseForm(profileFormSchema, form);
    if (!parsed.ok) return refuse(parsed.errors, parsed.values);
    const saved = await saveTeamProfile(db, {
      centreId: input.centreId,
      teamId,
      currentSectorId: input.currentSectorId,
      values: parsed.data,
      actor: input.actor,
    });
    if (!saved.ok) return refuse(saved.errors, typedValues(form));
    return { intent, teamId, status: 200, notice: "teams.profile.saved" };
  }

  if (intent === "directory") {
    const parsed = parseForm(directoryFormSchema, form);
    if (!parsed.ok) return refuse(parsed.errors, parsed.values);
    await saveDirectorySettings(db, { centreId: input.centreId, teamId, ...parsed.data, actor: input.actor });
    return { intent, teamId, status: 200, notice: "teams.directory.saved" };
  }

  if (intent === "milestone-add") {
    const parsed = parseForm(milestoneFormSchema, form);
    if (!parsed.ok) return refuse(parsed.errors, parsed.values);
    await addMilestone(db, {
      teamId,
      userId: input.userId,
      today: input.today,
      milestone: parsed.data,
      actor: input.actor,
    });
    return { intent, teamId, status: 200, notice: "milestones.added" };
  }

  const id = milestoneIdSchema.safeParse({ milestoneId: form.get("milestoneId") });
  invariantResponse(id.success);
  const milestoneId = id.data.milestoneId;
  const parsed = parseForm(milestoneFormSchema, form);
  if (!parsed.ok) return refuse(parsed.errors, parsed.values, milestoneId);
  const saved = await editMilestone(db, {
    teamId,
    milestoneId,
    today: input.today,
    milestone: parsed.data,
    actor: input.actor,
  });
  invariantResponse(saved);
  return { intent, teamId, status: 200, notice: "milestones.saved", milestoneId };
}
