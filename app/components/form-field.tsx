import type { InputHTMLAttributes, SelectHTMLAttributes } from "react";
import { useT } from "~/i18n/use-translation";
import type { FieldErrors } from "~/utils/forms";
import type { MessageKey } from "~/i18n/translate";

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  name: string;
  label: MessageKey;
  errors?: FieldErrors;
  hint?: MessageKey;
  /** Values for placeholders in the error message, such as {max}. */
  errorParams?: Record<string, string | number>;
}

/** A labelled input with its error message beside it, announced to screen readers. */
export function FormField({ name, label, errors, hint, errorParams, id, ...input }: FieldProps) {
  const t = useT();
  const fieldId = id ?? `field-${name}`;
  const error = errors?.[name];
  const describedBy = [hint ? `${fieldId}-hint` : null, error ? `${fieldId}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="space-y-1">
      <label htmlFor={fieldId} className="block text-sm font-medium text-stone-800">
        {t(label)}
      </label>
      <input
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={`block w-full rounded-md border bg-white px-3 py-2 text-base shadow-sm focus:border-brand-700 ${error ? "border-red-700" : "border-stone-400"}`}
        {...input}
      />
      {hint ? (
        <p id={`${fieldId}-hint`} className="text-sm text-stone-600">
          {t(hint)}
        </p>
      ) : null}
      {error ? (
        <p id={`${fieldId}-error`} className="text-sm font-medium text-red-800">
          {t(error, { max: 200, ...errorParams })}
        </p>
      ) : null}
    </div>
  );
}

/** A summary at the top of a form that failed, so the reader knows to look below. */
export function FormErrorSummary({ errors }: { errors?: FieldErrors }) {
  const t = useT();
  if (!errors || Object.keys(errors).length === 0) return null;
  const formError = errors._form;
  return (
    <div role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-sm text-red-900">
      {formError ? t(formError) : t("form.fixErrors")}
    </div>
  );
}

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  name: string;
  label: MessageKey;
  options: ReadonlyArray<{ value: string; label: MessageKey }>;
  errors?: FieldErrors;
}

/** A labelled <select> with its error message beside it, like FormField. */
export function SelectField({ name, label, options, errors, id, ...select }: SelectFieldProps) {
  const t = useT();
  const fieldId = id ?? `field-${name}`;
  const error = errors?.[name];
  return (
    <div className="space-y-1">
      <label htmlFor={fieldId} className="block text-sm font-medium text-stone-800">
        {t(label)}
      </label>
      <select
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${fieldId}-error` : undefined}
        className={`block w-full rounded-md border bg-white px-3 py-2 text-base shadow-sm focus:border-brand-700 ${error ? "border-red-700" : "border-stone-400"}`}
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {t(option.label)}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${fieldId}-error`} className="text-sm font-medium text-red-800">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}
