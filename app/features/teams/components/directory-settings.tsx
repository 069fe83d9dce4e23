import { Form, Link } from "@remix-run/react";
import { cardClass } from "~/components/card";
import { buttonClass } from "~/components/buttons";
import { FormErrorSummary } from "~/components/form-field";
import { FormNotice } from "~/features/auth/components/auth-page";
import { useT } from "~/i18n/use-translation";
import type { FieldErrors } from "~/utils/forms";
import { DIRECTORY_FIELDS } from "../rules";

/** Opt in to the public directory and choose what it shows; revenue is never offered. */
export function DirectorySettings({
  teamId,
  listed,
  hasPublicPage,
  fields,
  notice,
  errors,
  withTeamId,
}: {
  teamId: string;
  listed: boolean;
  /** Listed and incubating or graduated: the public card exists. */
  hasPublicPage: boolean;
  fields: readonly string[];
  notice?: boolean;
  errors?: FieldErrors;
  withTeamId: boolean;
}) {
  const t = useT();
  const prefix = `dir-${teamId}`;
  return (
    <section aria-labelledby={`${prefix}-title`} className={cardClass}>
      <h2 id={`${prefix}-title`} className="text-lg font-semibold">
        {t("teams.directory.title")}
      </h2>
      <p className="mt-1 text-sm text-stone-700">{t("teams.directory.intro")}</p>
      {hasPublicPage ? (
        <p className="mt-2 text-sm">
          <Link to={`/teams/${teamId}`} className="font-medium text-brand-800 underline">
            {t("teams.directory.view")}
          </Link>
        </p>
      ) : null}
      <Form method="post" className="mt-4 space-y-4">
        <input type="hidden" name="intent" value="directory" />
        {withTeamId ? <input type="hidden" name="teamId" value={teamId} /> : null}
        {notice ? <FormNotice tone="success">{t("teams.directory.saved")}</FormNotice> : null}
        <FormErrorSummary errors={errors} />
        <div className="flex items-start gap-2">
          <input
            id={`${prefix}-listed`}
            type="checkbox"
            name="listed"
            defaultChecked={listed}
            className="mt-1 size-5 accent-brand-700"
          />
          <label htmlFor={`${prefix}-listed`} className="font-medium">
            {t("teams.directory.listed")}
          </label>
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-stone-800">{t("teams.directory.fields")}</legend>
          <ul className="mt-2 grid gap-2 sm:grid-cols-2">
            {DIRECTORY_FIELDS.map((field) => (
              <li key={field} className="flex items-center gap-2">
                <input
                  id={`${prefix}-${field}`}
                  type="checkbox"
                  name="fields"
                  value={field}
                  defaultChecked={fields.includes(field)}
                  className="size-5 accent-brand-700"
                />
                <label htmlFor={`${prefix}-${field}`}>{t(`teams.directory.field.${field}`)}</label>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm text-stone-700">{t("teams.directory.neverShown")}</p>
        </fieldset>
        <button type="submit" className={buttonClass}>
          {t("teams.directory.submit")}
        </button>
      </Form>
    </section>
  );
}
