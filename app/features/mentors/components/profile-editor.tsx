import { Form } from "@remix-run/react";
import { buttonClass, dangerButtonClass } from "~/components/buttons";
import { cardClass } from "~/components/card";
import { FormErrorSummary, FormField, SelectField, TextAreaField } from "~/components/form-field";
import { FormNotice } from "~/features/auth/components/auth-page";
import { formatCalendarDate, formatWallClock } from "~/i18n/format";
import { named } from "~/i18n/named";
import { useLocale, useT } from "~/i18n/use-translation";
import { MEETING_MODES } from "#db/schema";
import type { FieldErrors } from "~/utils/forms";
import type { MessageKey } from "~/i18n/translate";
import { MENTOR_LANGUAGES } from "../rules";

export interface ProfileEditorData {
  user: { id: string; name: string; email: string; phone: string | null; is_active: boolean };
  profile: {
    organisation: string;
    title: string;
    bio: string;
    languages: string[];
    meeting_mode: string;
  };
  tags: ReadonlyArray<{ id: number; name_vi: string; name_en: string }>;
  hours: ReadonlyArray<{ id: number; weekday: number; starts_at: string; ends_at: string }>;
  away: ReadonlyArray<{ id: number; starts_on: string; ends_on: string; note: string }>;
}

export interface ProfileEditorResult {
  intent: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
  notice?: MessageKey;
}

/** A mentor's profile with its forms: details and expertise, weekly office hours, days away. */
export function ProfileEditor({
  mentor,
  offeredTags,
  result,
}: {
  mentor: ProfileEditorData;
  offeredTags: ReadonlyArray<{ id: number; name_vi: string; name_en: string }>;
  result?: ProfileEditorResult;
}) {
  const t = useT();
  const locale = useLocale();
  const of = (intent: string) => (result?.intent === intent ? result : undefined);
  const profileResult = of("profile");
  const hoursResult = of("hours-add");
  const awayResult = of("away-add");
  const removed = result?.intent === "hours-remove" || result?.intent === "away-remove" ? result : undefined;
  const held = new Set(mentor.tags.map((tag) => tag.id));
  // Offered tags plus any retired tag the mentor still holds.
  const choices = [...offeredTags, ...mentor.tags.filter((tag) => !offeredTags.some((o) => o.id === tag.id))];
  const failedValues = profileResult?.errors ? profileResult.values : undefined;
  const chosenLanguages = new Set(mentor.profile.languages);
  return (
    <div className="space-y-6">
      <section aria-labelledby="profile-details" className={cardClass}>
        <h2 id="profile-details" className="text-lg font-semibold">
          {t("mentors.profile.details")}
        </h2>
        <p className="mt-1 text-sm text-stone-700">
          {mentor.user.name} · {mentor.user.email}
        </p>
        <Form method="post" noValidate className="mt-4 max-w-2xl space-y-4">
          <input type="hidden" name="intent" value="profile" />
          {profileResult?.notice ? <FormNotice tone="success">{t(profileResult.notice)}</FormNotice> : null}
          <FormErrorSummary errors={profileResult?.errors} />
          <FormField
            name="organisation"
            label="mentors.field.organisation"
            errors={profileResult?.errors}
            defaultValue={failedValues?.organisation ?? mentor.profile.organisation}
          />
          <FormField
            name="title"
            label="mentors.field.title"
            errors={profileResult?.errors}
            defaultValue={failedValues?.title ?? mentor.profile.title}
          />
          <FormField
            name="phone"
            type="tel"
            label="mentors.field.phone"
            hint="mentors.field.phoneHint"
            errors={profileResult?.errors}
            defaultValue={failedValues?.phone ?? mentor.user.phone ?? ""}
          />
          <SelectField
            name="meetingMode"
            label="mentors.field.meetingMode"
            errors={profileResult?.errors}
            defaultValue={failedValues?.meetingMode ?? mentor.profile.meeting_mode}
            options={MEETING_MODES.map((mode) => ({ value: mode, label: `mentors.mode.${mode}` as const }))}
          />
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium text-stone-800">{t("mentors.field.languages")}</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              {MENTOR_LANGUAGES.map((code) => (
                <label key={code} className="flex items-center gap-2">
                  <input type="checkbox" name="languages" value={code} defaultChecked={chosenLanguages.has(code)} />
                  {t(`mentors.language.${code}`)}
                </label>
              ))}
            </div>
            {profileResult?.errors?.languages ? (
              <p className="text-sm text-red-800">{t(profileResult.errors.languages)}</p>
            ) : null}
          </fieldset>
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium text-stone-800">{t("mentors.field.expertise")}</legend>
            <div className="grid gap-1 sm:grid-cols-2">
              {choices.map((tag) => (
                <label key={tag.id} className="flex items-center gap-2">
                  <input type="checkbox" name="tagIds" value={tag.id} defaultChecked={held.has(tag.id)} />
                  {named(tag, locale)}
                </label>
              ))}
            </div>
            {profileResult?.errors?.tagIds ? (
              <p className="text-sm text-red-800">{t(profileResult.errors.tagIds)}</p>
            ) : null}
          </fieldset>
          <TextAreaField
            name="bio"
            label="mentors.field.bio"
            rows={5}
            errors={profileResult?.errors}
            defaultValue={failedValues?.bio ?? mentor.profile.bio}
          />
          <button type="submit" className={buttonClass}>
            {t("form.save")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="profile-hours" className={cardClass}>
        <h2 id="profile-hours" className="text-lg font-semibold">
          {t("mentors.hours.title")}
        </h2>
        <p className="mt-1 text-sm text-stone-700">{t("mentors.hours.lead")}</p>
        {removed?.notice ? (
          <div className="mt-3">
            <FormNotice tone="success">{t(removed.notice)}</FormNotice>
          </div>
        ) : null}
        {mentor.hours.length === 0 ? (
          <p className="mt-3 text-stone-700">{t("mentors.hours.none")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200">
            {mentor.hours.map((w) => (
              <li key={w.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  {t(`mentors.weekday.${w.weekday}` as MessageKey)} {formatWallClock(w.starts_at)}–
                  {formatWallClock(w.ends_at)}
                </span>
                <RemoveRowForm intent="hours-remove" rowId={w.id} />
              </li>
            ))}
          </ul>
        )}
        <Form
          method="post"
          noValidate
          className="mt-4 grid max-w-2xl gap-3 sm:grid-cols-4 sm:items-end"
          key={hoursResult?.notice ?? "hours"}
        >
          <input type="hidden" name="intent" value="hours-add" />
          <div className="sm:col-span-4">
            {hoursResult?.notice ? <FormNotice tone="success">{t(hoursResult.notice)}</FormNotice> : null}
            <FormErrorSummary errors={hoursResult?.errors} />
          </div>
          <SelectField
            id="hours-weekday"
            name="weekday"
            label="mentors.field.weekday"
            errors={hoursResult?.errors}
            defaultValue={hoursResult?.values?.weekday ?? "2"}
            options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({
              value: String(d),
              label: `mentors.weekday.${d}` as MessageKey,
            }))}
          />
          <FormField
            id="hours-start"
            name="startsAt"
            type="time"
            label="mentors.field.startsAt"
            errors={hoursResult?.errors}
            defaultValue={hoursResult?.values?.startsAt ?? "08:00"}
          />
          <FormField
            id="hours-end"
            name="endsAt"
            type="time"
            label="mentors.field.endsAt"
            errors={hoursResult?.errors}
            defaultValue={hoursResult?.values?.endsAt ?? "11:00"}
          />
          <button type="submit" className={buttonClass}>
            {t("mentors.hours.add")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="profile-away" className={cardClass}>
        <h2 id="profile-away" className="text-lg font-semibold">
          {t("mentors.away.title")}
        </h2>
        {mentor.away.length === 0 ? (
          <p className="mt-3 text-stone-700">{t("mentors.away.none")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200">
            {mentor.away.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  {formatCalendarDate(a.starts_on)}–{formatCalendarDate(a.ends_on)}
                  {a.note ? <span className="text-stone-700"> · {a.note}</span> : null}
                </span>
                <RemoveRowForm intent="away-remove" rowId={a.id} />
              </li>
            ))}
          </ul>
        )}
        <Form
          method="post"
          noValidate
          className="mt-4 grid max-w-2xl gap-3 sm:grid-cols-2"
          key={awayResult?.notice ?? "away"}
        >
          <input type="hidden" name="intent" value="away-add" />
          <div className="sm:col-span-2">
            {awayResult?.notice ? <FormNotice tone="success">{t(awayResult.notice)}</FormNotice> : null}
            <FormErrorSummary errors={awayResult?.errors} />
          </div>
          <FormField
            id="away-start"
            name="startsOn"
            label="mentors.field.awayFrom"
            hint="mentors.field.dateHint"
            placeholder="dd/mm/yyyy"
            errors={awayResult?.errors}
            defaultValue={awayResult?.values?.startsOn ?? ""}
          />
          <FormField
            id="away-end"
            name="endsOn"
            label="mentors.field.awayTo"
            hint="mentors.field.dateHint"
            placeholder="dd/mm/yyyy"
            errors={awayResult?.errors}
            defaultValue={awayResult?.values?.endsOn ?? ""}
          />
          <div className="sm:col-span-2">
            <FormField
              id="away-note"
              name="note"
              label="mentors.field.awayNote"
              errors={awayResult?.errors}
              defaultValue={awayResult?.values?.note ?? ""}
            />
          </div>
          <div>
            <button type="submit" className={buttonClass}>
              {t("mentors.away.add")}
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}

/** The small form that removes one row (an office-hours window or a day away). */
function RemoveRowForm({ intent, rowId }: { intent: string; rowId: number }) {
  const t = useT();
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="rowId" value={rowId} />
      <button type="submit" className={dangerButtonClass}>
        {t("mentors.remove")}
      </button>
    </Form>
  );
}
