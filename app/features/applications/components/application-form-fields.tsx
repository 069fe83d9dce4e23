import { Link } from "@remix-run/react";
import type { TextareaHTMLAttributes } from "react";
import { VENTURE_STAGES } from "#db/schema";
import { FormField } from "~/components/form-field";
import type { MessageKey } from "~/i18n/translate";
import { useLocale, useT } from "~/i18n/use-translation";
import type { FieldErrors } from "~/utils/forms";
import { FOUNDER_ROWS_SHOWN, MAX_FOUNDERS } from "../application-form";

// The fields of the public application form, shared by the apply page and the applicant's
// own page. It works without JavaScript: founder rows are plain numbered fields.

export const inputClass = (error: unknown) =>
  `block w-full rounded-md border bg-white px-3 py-2 text-base shadow-sm focus:border-brand-700 ${error ? "border-red-700" : "border-stone-400"}`;

interface TextAreaProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  name: string;
  label: MessageKey;
  errors?: FieldErrors;
  hint?: string;
}

export function TextAreaField({ name, label, errors, hint, ...textarea }: TextAreaProps) {
  const t = useT();
  const id = `field-${name}`;
  const error = errors?.[name];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {t(label)}
      </label>
      <textarea
        id={id}
        name={name}
        rows={4}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={inputClass(error)}
        {...textarea}
      />
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {t(error, { max: 3000 })}
        </p>
      ) : null}
    </div>
  );
}

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
        <TextAreaField name="idea" label="programmes.field.idea" errors={errors} defaultValue={values.idea} required />
        <TextAreaField
          name="problem"
          label="programmes.field.problem"
          errors={errors}
          defaultValue={values.problem}
          required
        />
        <div className="space-y-1">
          <label htmlFor="field-sectorId" className="block text-sm font-medium text-stone-800">
            {t("programmes.field.sector")}
          </label>
          <select
            id="field-sectorId"
            name="sectorId"
            required
            defaultValue={values.sectorId ?? ""}
            aria-invalid={errors?.sectorId ? true : undefined}
            aria-describedby={errors?.sectorId ? "field-sectorId-error" : undefined}
            className={inputClass(errors?.sectorId)}
          >
            <option value="">{t("programmes.form.choose")}</option>
            {sectors.map((sector) => (
              <option key={sector.id} value={sector.id}>
                {locale === "vi" ? sector.name_vi : sector.name_en}
              </option>
            ))}
          </select>
          {errors?.sectorId ? (
            <p id="field-sectorId-error" className="text-sm font-medium text-red-800">
              {t(errors.sectorId)}
            </p>
          ) : null}
        </div>
        <FormField
          name="place"
          label="programmes.field.place"
          errors={errors}
          defaultValue={values.place}
          required
          maxLength={200}
        />
        <div className="space-y-1">
          <label htmlFor="field-stage" className="block text-sm font-medium text-stone-800">
            {t("programmes.field.stage")}
          </label>
          <select
            id="field-stage"
            name="stage"
            required
            defaultValue={values.stage ?? ""}
            aria-invalid={errors?.stage ? true : undefined}
            aria-describedby={errors?.stage ? "field-stage-error" : undefined}
            className={inputClass(errors?.stage)}
          >
            <option value="">{t("programmes.form.choose")}</option>
            {VENTURE_STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {t(`programmes.stage.${stage}`)}
              </option>
            ))}
          </select>
          {errors?.stage ? (
            <p id="field-stage-error" className="text-sm font-medium text-red-800">
              {t(errors.stage)}
            </p>
          ) : null}
        </div>
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
          hint={t("programmes.field.linksHint")}
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
