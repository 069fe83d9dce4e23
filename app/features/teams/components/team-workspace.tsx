import { Form } from "@remix-run/react";
import { cardClass } from "~/components/card";
import { buttonClass } from "~/components/buttons";
import { FormErrorSummary } from "~/components/form-field";
import { FormNotice } from "~/features/auth/components/auth-page";
import {
  MilestonesSection,
  type MilestoneFormState,
  type MilestoneView,
} from "~/features/milestones/components/milestones-section";
import type { MilestoneProgress } from "~/features/milestones/rules";
import { SupportSection } from "~/features/support/components/support-section";
import type { SupportFigure, SupportPeriod } from "~/features/support/rules";
import type { TeamStatus } from "#db/schema";
import { useT } from "~/i18n/use-translation";
import type { FieldErrors } from "~/utils/forms";
import { DirectorySettings } from "./directory-settings";
import { isInDirectory } from "../rules";
import { ProfileFormFields, ProfileSummary, type ProfileView } from "./profile-parts";

export interface WorkspaceData {
  profile: ProfileView & { status: TeamStatus; directory_listed: boolean; directory_fields: string[] };
  milestones: readonly MilestoneView[];
  progress: MilestoneProgress;
  support: { period: SupportPeriod; figures: readonly SupportFigure[]; totalVnd: number };
  sectors: ReadonlyArray<{ id: number; name_vi: string; name_en: string }>;
}

/** What one of the workspace's forms answered (the milestone forms read the same shape). */
export interface WorkspaceResult extends MilestoneFormState {
  teamId?: string;
}

/**
 * The private parts of a team's page shared by the founder's /team and the staff page:
 * profile (with its form for editors), milestones, support received and directory settings.
 */
export function TeamWorkspace({
  page,
  canEdit,
  withTeamId,
  withName,
  result,
  supportPicker,
}: {
  page: WorkspaceData;
  canEdit: boolean;
  /** The founder's page holds several teams: its forms say which. */
  withTeamId: boolean;
  withName: boolean;
  result?: WorkspaceResult;
  supportPicker?: { errors?: FieldErrors; values?: { from: string; to: string } };
}) {
  const t = useT();
  const teamId = page.profile.id;
  const mine = result && (result.teamId === undefined || result.teamId === teamId) ? result : undefined;
  const profileResult = mine?.intent === "profile" ? mine : undefined;
  const directoryResult = mine?.intent === "directory" ? mine : undefined;
  return (
    <div className="space-y-6">
      <section aria-labelledby={`profile-${teamId}`} className={cardClass}>
        <h2 id={`profile-${teamId}`} className="text-lg font-semibold">
          {t("teams.profile.title")}
        </h2>
        <div className="mt-3">
          <ProfileSummary profile={page.profile} />
        </div>
        {canEdit ? (
          <details className="mt-4" open={profileResult?.errors ? true : undefined}>
            <summary className="cursor-pointer font-medium text-brand-800 underline">{t("teams.profile.edit")}</summary>
            <Form method="post" noValidate className="mt-4 space-y-4">
              <input type="hidden" name="intent" value="profile" />
              {withTeamId ? <input type="hidden" name="teamId" value={teamId} /> : null}
              <FormErrorSummary errors={profileResult?.errors} />
              <ProfileFormFields
                idPrefix={`profile-${teamId}`}
                profile={page.profile}
                sectors={page.sectors}
                errors={profileResult?.errors}
                values={profileResult?.errors ? profileResult.values : undefined}
                withName={withName}
              />
              <button type="submit" className={buttonClass}>
                {t("form.save")}
              </button>
            </Form>
          </details>
        ) : null}
        {profileResult?.notice ? (
          <div className="mt-3">
            <FormNotice tone="success">{t("teams.profile.saved")}</FormNotice>
          </div>
        ) : null}
      </section>

      <MilestonesSection
        teamId={teamId}
        milestones={page.milestones}
        progress={page.progress}
        canEdit={canEdit}
        withTeamId={withTeamId}
        result={mine}
      />

      <SupportSection teamId={teamId} support={page.support} picker={supportPicker} />

      {canEdit ? (
        <DirectorySettings
          teamId={teamId}
          listed={page.profile.directory_listed}
          hasPublicPage={isInDirectory(page.profile)}
          fields={page.profile.directory_fields}
          notice={Boolean(directoryResult?.notice)}
          errors={directoryResult?.errors}
          withTeamId={withTeamId}
        />
      ) : null}
    </div>
  );
}
