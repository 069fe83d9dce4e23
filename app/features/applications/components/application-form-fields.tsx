import { Form, Link } from "@remix-run/react";
import { VENTURE_STAGES } from "#db/schema";
import { FormErrorSummary, FormField, SelectField, TextAreaField } from "~/components/form-field";
import { named } from "~/i18n/named";
import type { MessageKey } from "~/i18n/translate";
import { useLocale, useT } from "~/i18n/use-translation";
import type { FieldErrors } from "~/utils/forms";
import { FOUNDER_ROWS_SHOWN, MAX_FOUNDERS } from "../application-form";

// The fields of the public application form, shared by the apply page and the applicant's
// own page. It works without JavaScript: founder rows are plain numbered fields.

export interface SectorOption {
  id: number;
  name_vi: string;
  name_en: string;
}

/** How many founder rows to show: enough for what was typed, at least FOUNDER_ROWS_SHOWN. */
export function founderRowCount(values: Record<string, string>, asked: number): number {
  let filled = 0;
  for (let row = 0; row < MAX_FOUNDERS; row++) {
    if (["founderName", "founderEmail", "founderPhone"].some((field) => values[`${field}${row}`]?.trim())) {
      filled = row + 1;
    }
  }
  return Math.min(MAX_FOUNDERS, Math.max(FOUNDER_ROWS_SHOWN, filled, asked));
}

export function formatBytes(bytes: number, locale: "vi" | "en"): string {
  const mb = bytes / 1_048_576;
  const text = mb >= 1 ? `${mb.toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return locale === "vi" ? text.replace(".", ",") : text;
}

export function ApplicationFormFields({
  sectors,
  values,
  errors,
  founderRows,
  pitchMaxMb,
  currentPitch,
  moreRowsHref,
}: {
  sectors: SectorOption[];
  values: Record<string, string>;
  errors?: FieldErrors;
  founderRows: number;
  pitchMaxMb: number;
  currentPitch?: { name: string; bytes: number } | null;
  /** A plain link that shows more founder rows (no JavaScript needed). */
  moreRowsHref?: string;
}) {
  const t = useT();
  const locale = useLocale();
  const pitchError = errors?.pitch;
  return (
    <>
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">{t("programmes.form.team")}</legend>
        <FormField
          name="teamName"
          label="programmes.field.teamName"
          errors={errors}
          defaultValue={values.teamName}
          required
          maxLength={120}
          errorParams={{ max: 120 }}
        />
        <TextAreaField
          name="idea"
          label="programmes.field.idea"
          errors={errors}
          errorParams={{ max: 3000 }}
          defaultValue={values.idea}
          rows={4}
          required
        />
        <TextAreaField
          name="problem"
          label="programmes.field.problem"
          errors={errors}
          errorParams={{ max: 3000 }}
          defaultValue={values.problem}
          rows={4}
          required
        />
        <SelectField
          name="sectorId"
          label="programmes.field.sector"
          errors={errors}
          defaultValue={values.sectorId ?? ""}
          required
          options={[
            { value: "", label: "programmes.form.choose" },
            ...sectors.map((sector) => ({
              value: String(sector.id),
              text: named(sector, locale),
            })),
          ]}
        />
        <FormField
          name="place"
          label="programmes.field.place"
          errors={errors}
          defaultValue={values.place}
          required
          maxLength={200}
          errorParams={{ max: 200 }}
        />
        <SelectField
          name="stage"
          label="programmes.field.stage"
          errors={errors}
          defaultValue={values.stage ?? ""}
          required
          options={[
            { value: "", label: "programmes.form.choose" },
            ...VENTURE_STAGES.map((stage) => ({ value: stage, label: `programmes.stage.${stage}` as const })),
          ]}
        />
        <div className="max-w-xs">
          <FormField
            name="jobsExpected"
            label="programmes.field.jobsExpected"
            errors={errors}
            defaultValue={values.jobsExpected}
            inputMode="numeric"
            pattern="[0-9]*"
            required
          />
        </div>
        <TextAreaField
          name="links"
          label="programmes.field.links"
          errors={errors}
          defaultValue={values.links}
          hint="programmes.field.linksHint"
          rows={3}
        />
        <div className="space-y-1">
          <label htmlFor="field-pitch" className="block text-sm font-medium text-stone-800">
            {t("programmes.field.pitch")}
          </label>
          <input
            id="field-pitch"
            name="pitch"
            type="file"
            accept="application/pdf,.pdf"
            aria-invalid={pitchError ? true : undefined}
            aria-describedby={`field-pitch-hint${pitchError ? " field-pitch-error" : ""}`}
            className="block w-full text-base"
          />
          <p id="field-pitch-hint" className="text-sm text-stone-600">
            {currentPitch
              ? t("programmes.field.pitchCurrent", {
                  name: currentPitch.name,
                  size: formatBytes(currentPitch.bytes, locale),
                })
              : null}{" "}
            {t("programmes.field.pitchHint", { max: pitchMaxMb })}
          </p>
          {pitchError ? (
            <p id="field-pitch-error" className="text-sm font-medium text-red-800">
              {t(pitchError, { max: pitchMaxMb })}
            </p>
          ) : errors && Object.keys(errors).length > 0 ? (
            <p className="text-sm text-stone-700">{t("programmes.error.pitchAgain")}</p>
          ) : null}
        </div>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">{t("programmes.form.founders")}</legend>
        <p className="text-sm text-stone-700">{t("programmes.form.foundersHint")}</p>
        {Array.from({ length: founderRows }, (_, row) => (
          <fieldset key={row} className="space-y-3 rounded-md border border-stone-300 p-3">
            <legend className="px-1 text-sm font-semibold">{t("programmes.form.founder", { n: row + 1 })}</legend>
            <FormField
              name={`founderName${row}`}
              label="programmes.field.founderName"
              errors={errors}
              defaultValue={values[`founderName${row}`]}
              autoComplete={row === 0 ? "name" : "off"}
              required={row === 0}
              errorParams={{ max: 120 }}
            />
            <FormField
              name={`founderEmail${row}`}
              label="programmes.field.founderEmail"
              type="email"
              errors={errors}
              defaultValue={values[`founderEmail${row}`]}
              autoComplete={row === 0 ? "email" : "off"}
              required={row === 0}
            />
            <FormField
              name={`founderPhone${row}`}
              label="programmes.field.founderPhone"
              type="tel"
              errors={errors}
              defaultValue={values[`founderPhone${row}`]}
              autoComplete={row === 0 ? "tel" : "off"}
              required={row === 0}
            />
          </fieldset>
        ))}
        {moreRowsHref && founderRows < MAX_FOUNDERS ? (
          <Link to={moreRowsHref} className="inline-block text-sm font-medium text-brand-800 underline">
            {t("programmes.form.moreFounders")}
          </Link>
        ) : null}
      </fieldset>
    </>
  );
}

/** The whole form as the apply page and the applicant's own page post it (multipart: the pitch). */
export function ApplicationForm({
  submitLabel,
  ...fields
}: Parameters<typeof ApplicationFormFields>[0] & { submitLabel: MessageKey }) {
  const t = useT();
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      noValidate
      className="space-y-6 rounded-xl bg-white p-4 shadow-sm ring-1 ring-stone-200 sm:p-6"
    >
      <FormErrorSummary errors={fields.errors} />
      <ApplicationFormFields {...fields} />
      <button
        type="submit"
        className="w-full rounded-md bg-brand-700 px-4 py-3 font-medium text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-800 sm:w-auto"
      >
        {t(submitLabel)}
      </button>
    </Form>
  );
}
