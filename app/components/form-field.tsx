import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { useT } from "~/i18n/use-translation";
import type { FieldErrors } from "~/utils/forms";
import type { MessageKey } from "~/i18n/translate";

/** What every labelled control shares: its name, label, hint and the errors of its form. */
interface LabelledProps {
  name: string;
  label: MessageKey;
  errors?: FieldErrors;
  hint?: MessageKey;
  /** Values for placeholders in the hint and the error message, such as {max}. */
  errorParams?: Record<string, string | number>;
}

const controlClass = (error: unknown) =>
  `block w-full rounded-md border bg-white px-3 py-2 text-base shadow-sm focus:border-brand-700 ${error ? "border-red-700" : "border-stone-400"}`;

/**
 * The label, hint and error around one control, with the ids that tie them together so
 * the error is announced to screen readers. `control` receives the attributes to spread.
 */
function Labelled({
  name,
  label,
  errors,
  hint,
  errorParams,
  id,
  control,
}: LabelledProps & {
  id?: string;
  control: (attributes: {
    id: string;
    name: string;
    "aria-invalid": true | undefined;
    "aria-describedby": string | undefined;
    className: string;
  }) => ReactNode;
}) {
  const t = useT();
  const fieldId = id ?? `field-${name}`;
  const error = errors?.[name];
  const describedBy = [hint ? `${fieldId}-hint` : null, error ? `${fieldId}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="space-y-1">
      <label htmlFor={fieldId} className="block text-sm font-medium text-stone-800">
        {t(label)}
      </label>
      {control({
        id: fieldId,
        name,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy || undefined,
        className: controlClass(error),
      })}
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

type FieldProps = LabelledProps & InputHTMLAttributes<HTMLInputElement>;

/** A labelled input with its error message beside it, announced to screen readers. */
export function FormField({ name, label, errors, hint, errorParams, id, ...input }: FieldProps) {
  return (
    <Labelled
      {...{ name, label, errors, hint, errorParams, id }}
      control={(attributes) => <input {...attributes} {...input} />}
    />
  );
}

type TextAreaFieldProps = LabelledProps & TextareaHTMLAttributes<HTMLTextAreaElement>;

/** A labelled <textarea> with its hint and error beside it, like FormField. */
export function TextAreaField({ name, label, errors, hint, errorParams, id, ...area }: TextAreaFieldProps) {
  return (
    <Labelled
      {...{ name, label, errors, hint, errorParams, id }}
      control={(attributes) => <textarea {...attributes} {...area} />}
    />
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

/** A choice labelled from the dictionary, or with text already in the reader's language (a name from the database). */
type SelectOption = { value: string; label: MessageKey } | { value: string; text: string };

type SelectFieldProps = LabelledProps &
  SelectHTMLAttributes<HTMLSelectElement> & {
    options: ReadonlyArray<SelectOption>;
  };

/** A labelled <select> with its error message beside it, like FormField. */
export function SelectField({ name, label, options, errors, hint, errorParams, id, ...select }: SelectFieldProps) {
  const t = useT();
  return (
    <Labelled
      {...{ name, label, errors, hint, errorParams, id }}
      control={(attributes) => (
        <select {...attributes} {...select}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {"text" in option ? option.text : t(option.label)}
            </option>
          ))}
        </select>
      )}
    />
  );
}
