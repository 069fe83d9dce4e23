import type { TextareaHTMLAttributes } from "react";
import type { MessageKey } from "~/i18n/translate";
import { useT } from "~/i18n/use-translation";
import type { FieldErrors } from "~/utils/forms";

interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  name: string;
  label: MessageKey;
  errors?: FieldErrors;
  hint?: MessageKey;
  /** Values for placeholders in the hint and the error message, such as {max}. */
  errorParams?: Record<string, string | number>;
}

/** A labelled <textarea> with its hint and error beside it, like FormField. */
export function TextAreaField({ name, label, errors, hint, errorParams, id, ...area }: TextAreaFieldProps) {
  const t = useT();
  const fieldId = id ?? `field-${name}`;
  const error = errors?.[name];
  const describedBy = [hint ? `${fieldId}-hint` : null, error ? `${fieldId}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="space-y-1">
      <label htmlFor={fieldId} className="block text-sm font-medium text-stone-800">
        {t(label)}
      </label>
      <textarea
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={`block w-full rounded-md border bg-white px-3 py-2 text-base shadow-sm focus:border-brand-700 ${error ? "border-red-700" : "border-stone-400"}`}
        {...area}
      />
      {hint ? (
        <p id={`${fieldId}-hint`} className="text-sm text-stone-600">
          {t(hint, errorParams)}
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
