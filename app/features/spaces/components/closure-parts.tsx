import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { FormErrorSummary, FormField } from "~/components/form-field";
import type { MessageKey } from "~/i18n/translate";
import { useLocale, useT } from "~/i18n/use-translation";
import type { FieldErrors } from "~/utils/forms";
import { buttonClass, cardClass, dangerButtonClass } from "./spaces-parts";

// Parts the staff pages of closures and blocks share: both list what is set, add a period
// for the centre or a resource, and remove one.

/** A card of a staff page under its own heading. */
export function TitledSection({
  id,
  title,
  narrow,
  children,
}: {
  id: string;
  title: string;
  narrow?: boolean;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={narrow ? `${cardClass} max-w-2xl` : cardClass}>
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The form that adds a closure or a block: the error summary, the fields, the button. */
export function AddForm({
  errors,
  formKey,
  submitLabel,
  children,
}: {
  errors?: FieldErrors;
  formKey: string;
  submitLabel: string;
  children: ReactNode;
}) {
  return (
    <Form method="post" noValidate className="mt-4 space-y-4" key={formKey}>
      <input type="hidden" name="intent" value="add" />
      <FormErrorSummary errors={errors} />
      {children}
      <button type="submit" className={buttonClass}>
        {submitLabel}
      </button>
    </Form>
  );
}

interface NamedResource {
  id: string;
  code: string;
  name_vi: string;
  name_en: string;
}

/** A labelled choice of one of the centre's resources (closures may also choose the whole centre). */
export function ResourceSelect({
  name,
  label,
  resources,
  errors,
  defaultValue,
  wholeCentre,
}: {
  name: string;
  label: MessageKey;
  resources: readonly NamedResource[];
  errors?: FieldErrors;
  defaultValue?: string;
  /** The value of a first option for the whole centre. */
  wholeCentre?: string;
}) {
  const t = useT();
  const locale = useLocale();
  const error = errors?.[name];
  const id = `field-${name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {t(label)}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="block w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base shadow-sm"
      >
        {wholeCentre ? <option value={wholeCentre}>{t("spacesAdmin.closures.wholeCentre")}</option> : null}
        {resources.map((r) => (
          <option key={r.id} value={r.id}>
            {r.code} — {locale === "vi" ? r.name_vi : r.name_en}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

/** The start and end of a closure or a block, as local date-times of the centre. */
export function PeriodFields({ errors, values }: { errors?: FieldErrors; values?: Record<string, string> }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <FormField
        name="startsAt"
        type="datetime-local"
        label="spacesAdmin.closures.startsAt"
        errors={errors}
        defaultValue={values?.startsAt}
        required
      />
      <FormField
        name="endsAt"
        type="datetime-local"
        label="spacesAdmin.closures.endsAt"
        errors={errors}
        defaultValue={values?.endsAt}
        required
      />
    </div>
  );
}

/** A one-button form that removes a row of a staff list (a closure, a block). */
export function RemoveButton({
  intent,
  field,
  id,
  label,
  ariaLabel,
}: {
  intent: string;
  field: string;
  id: string;
  label: string;
  ariaLabel: string;
}) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={field} value={id} />
      <button type="submit" aria-label={ariaLabel} className={dangerButtonClass}>
        {label}
      </button>
    </Form>
  );
}
