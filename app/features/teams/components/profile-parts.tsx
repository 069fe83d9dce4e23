import { REVENUE_BANDS, VENTURE_STAGES, type RevenueBand, type VentureStage } from "#db/schema";
import { FormField, SelectField, TextAreaField } from "~/components/form-field";
import { named } from "~/i18n/named";
import { useLocale, useT } from "~/i18n/use-translation";
import type { FieldErrors } from "~/utils/forms";
import { DESCRIPTION_MAX, PLACE_MAX } from "../profile-form";
import { LINK_MAX, SOCIAL_LINKS_MAX } from "../rules";
import { TEAM_NAME_MAX } from "../team-form";

const STAGE_OPTIONS = VENTURE_STAGES.map((stage) => ({ value: stage, label: `teams.stage.${stage}` as const }));
const REVENUE_OPTIONS = [
  { value: "", label: "teams.revenue.unset" as const },
  ...REVENUE_BANDS.map((band) => ({ value: band, label: `teams.revenue.${band}` as const })),
];

export interface ProfileView {
  id: string;
  name: string;
  description: string;
  sector_id: number | null;
  sector_name_vi: string | null;
  sector_name_en: string | null;
  place: string;
  stage: VentureStage;
  website: string | null;
  social_links: string[];
  jobs_created: number;
  revenue_band?: RevenueBand | null;
}

type Sector = { id: number; name_vi: string; name_en: string };

/** What the profile says, as a definition list; the revenue band only when the page was given it. */
export function ProfileSummary({ profile }: { profile: ProfileView }) {
  const t = useT();
  const locale = useLocale();
  const sector = locale === "vi" ? profile.sector_name_vi : profile.sector_name_en;
  const none = <span className="text-stone-700">{t("teams.profile.notGiven")}</span>;
  return (
    <dl className="grid gap-3 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <dt className="text-sm text-stone-700">{t("teams.field.description")}</dt>
        <dd className="mt-1 whitespace-pre-line">{profile.description || none}</dd>
      </div>
      <div>
        <dt className="text-sm text-stone-700">{t("teams.field.sector")}</dt>
        <dd className="mt-1">{sector ?? none}</dd>
      </div>
      <div>
        <dt className="text-sm text-stone-700">{t("teams.field.place")}</dt>
        <dd className="mt-1">{profile.place || none}</dd>
      </div>
      <div>
        <dt className="text-sm text-stone-700">{t("teams.field.stage")}</dt>
        <dd className="mt-1">{t(`teams.stage.${profile.stage}`)}</dd>
      </div>
      <div>
        <dt className="text-sm text-stone-700">{t("teams.field.jobsCreated")}</dt>
        <dd className="mt-1 tabular-nums">{profile.jobs_created}</dd>
      </div>
      <div>
        <dt className="text-sm text-stone-700">{t("teams.field.website")}</dt>
        <dd className="mt-1 break-all">{profile.website ? <ExternalLink href={profile.website} /> : none}</dd>
      </div>
      <div>
        <dt className="text-sm text-stone-700">{t("teams.field.socialLinks")}</dt>
        <dd className="mt-1 break-all">
          {profile.social_links.length > 0 ? (
            <ul>
              {profile.social_links.map((link) => (
                <li key={link}>
                  <ExternalLink href={link} />
                </li>
              ))}
            </ul>
          ) : (
            none
          )}
        </dd>
      </div>
      {"revenue_band" in profile ? (
        <div>
          <dt className="text-sm text-stone-700">
            {t("teams.field.revenueBand")} <span className="text-xs">({t("teams.field.revenuePrivate")})</span>
          </dt>
          <dd className="mt-1">
            {t(profile.revenue_band ? `teams.revenue.${profile.revenue_band}` : "teams.revenue.unset")}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** A link out of the site: no referrer, no opener. */
export function ExternalLink({ href }: { href: string }) {
  return (
    <a href={href} rel="noopener noreferrer nofollow" className="text-brand-800 underline">
      {href.replace(/^https?:\/\//, "")}
    </a>
  );
}

/** The profile form's fields; the name only where the form renames the team. */
export function ProfileFormFields({
  profile,
  sectors,
  errors,
  values,
  withName,
  idPrefix,
}: {
  profile: ProfileView;
  sectors: readonly Sector[];
  errors?: FieldErrors;
  values?: Record<string, string>;
  withName: boolean;
  idPrefix: string;
}) {
  const t = useT();
  const locale = useLocale();
  const value = (field: string, current: string) => values?.[field] ?? current;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {withName ? (
        <div className="sm:col-span-2">
          <FormField
            id={`${idPrefix}-name`}
            name="name"
            label="teams.field.name"
            errors={errors}
            errorParams={{ max: TEAM_NAME_MAX }}
            defaultValue={value("name", profile.name)}
            required
            maxLength={TEAM_NAME_MAX}
          />
        </div>
      ) : null}
      <div className="sm:col-span-2">
        <TextAreaField
          id={`${idPrefix}-description`}
          name="description"
          label="teams.field.description"
          errors={errors}
          errorParams={{ max: DESCRIPTION_MAX }}
          rows={4}
          maxLength={DESCRIPTION_MAX}
          defaultValue={value("description", profile.description)}
        />
      </div>
      <SelectField
        id={`${idPrefix}-sectorId`}
        name="sectorId"
        label="teams.field.sector"
        options={[
          { value: "", label: "teams.sector.none" },
          ...sectors.map((sector) => ({
            value: String(sector.id),
            text: named(sector, locale),
          })),
        ]}
        errors={errors}
        defaultValue={value("sectorId", profile.sector_id === null ? "" : String(profile.sector_id))}
      />
      <FormField
        id={`${idPrefix}-place`}
        name="place"
        label="teams.field.place"
        hint="teams.field.placeHint"
        errors={errors}
        errorParams={{ max: PLACE_MAX }}
        maxLength={PLACE_MAX}
        defaultValue={value("place", profile.place)}
      />
      <SelectField
        id={`${idPrefix}-stage`}
        name="stage"
        label="teams.field.stage"
        options={STAGE_OPTIONS}
        errors={errors}
        defaultValue={value("stage", profile.stage)}
      />
      <FormField
        id={`${idPrefix}-jobsCreated`}
        name="jobsCreated"
        label="teams.field.jobsCreated"
        type="number"
        inputMode="numeric"
        min={0}
        errors={errors}
        defaultValue={value("jobsCreated", String(profile.jobs_created))}
        required
      />
      <div className="sm:col-span-2">
        <FormField
          id={`${idPrefix}-website`}
          name="website"
          label="teams.field.website"
          hint="teams.field.websiteHint"
          type="url"
          inputMode="url"
          maxLength={LINK_MAX}
          errors={errors}
          defaultValue={value("website", profile.website ?? "")}
        />
      </div>
      <div className="sm:col-span-2">
        <TextAreaField
          id={`${idPrefix}-socialLinks`}
          name="socialLinks"
          label="teams.field.socialLinks"
          hint="teams.field.socialLinksHint"
          errors={errors}
          errorParams={{ max: SOCIAL_LINKS_MAX }}
          rows={3}
          defaultValue={value("socialLinks", profile.social_links.join("\n"))}
        />
      </div>
      {"revenue_band" in profile ? (
        <div className="sm:col-span-2">
          <SelectField
            id={`${idPrefix}-revenueBand`}
            name="revenueBand"
            label="teams.field.revenueBand"
            options={REVENUE_OPTIONS}
            errors={errors}
            defaultValue={value("revenueBand", profile.revenue_band ?? "")}
          />
          <p className="mt-1 text-sm text-stone-700">{t("teams.field.revenueHint")}</p>
        </div>
      ) : null}
    </div>
  );
}
