import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { FormField, SelectField, TextAreaField } from "~/components/form-field";
import type { MessageKey } from "~/i18n/translate";
import { useT } from "~/i18n/use-translation";
import type { FieldErrors } from "~/utils/forms";

export { buttonClass } from "~/components/buttons";
export const cardClass = "rounded-xl bg-white p-4 shadow-sm ring-1 ring-stone-200 sm:p-6";

/** A staff page of programmes: the way back, the one h1, then the content. */
export function ProgrammesAdminPage({
  title,
  back,
  children,
}: {
  title: string;
  back?: { to: string; label: MessageKey };
  children: ReactNode;
}) {
  const t = useT();
  return (
    <div className="space-y-6">
      <div>
        {back ? (
          <Link to={back.to} className="text-sm font-medium text-brand-800 underline">
            {t(back.label)}
          </Link>
        ) : null}
        <h1 className="mt-2 text-2xl font-bold">{title}</h1>
      </div>
      {children}
    </div>
  );
}

/** The programme form's fields (create and edit); values are what the form last held. */
export function ProgrammeFormFields({ values, errors }: { values: Record<string, string>; errors?: FieldErrors }) {
  return (
    <>
      <SelectField
        name="kind"
        label="programmes.field.kind"
        errors={errors}
        defaultValue={values.kind ?? "competition"}
        options={[
          { value: "competition", label: "programmes.kind.competition" },
          { value: "cohort", label: "programmes.kind.cohort" },
        ]}
      />
      <FormField name="nameVi" label="programmes.field.nameVi" errors={errors} defaultValue={values.nameVi} required />
      <FormField name="nameEn" label="programmes.field.nameEn" errors={errors} defaultValue={values.nameEn} required />
      <FormField
        name="slug"
        label="programmes.field.slug"
        hint="programmes.field.slugHint"
        errors={errors}
        defaultValue={values.slug}
        required
        autoCapitalize="none"
        spellCheck={false}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          name="startsOn"
          label="programmes.field.startsOn"
          hint="programmes.field.dateHint"
          errors={errors}
          defaultValue={values.startsOn}
          placeholder="dd/MM/yyyy"
          inputMode="numeric"
          required
        />
        <FormField
          name="endsOn"
          label="programmes.field.endsOn"
          hint="programmes.field.dateHint"
          errors={errors}
          defaultValue={values.endsOn}
          placeholder="dd/MM/yyyy"
          inputMode="numeric"
          required
        />
        <FormField
          name="opensAt"
          label="programmes.field.opensAt"
          hint="programmes.field.dateTimeHint"
          errors={errors}
          defaultValue={values.opensAt}
          placeholder="dd/MM/yyyy HH:mm"
        />
        <FormField
          name="closesAt"
          label="programmes.field.closesAt"
          hint="programmes.field.dateTimeHint"
          errors={errors}
          defaultValue={values.closesAt}
          placeholder="dd/MM/yyyy HH:mm"
        />
      </div>
      <TextAreaField
        name="rulesVi"
        label="programmes.field.rulesVi"
        errors={errors}
        defaultValue={values.rulesVi}
        rows={6}
      />
      <TextAreaField
        name="rulesEn"
        label="programmes.field.rulesEn"
        errors={errors}
        defaultValue={values.rulesEn}
        rows={6}
      />
      <div className="max-w-xs">
        <FormField
          name="freeDeskDays"
          label="programmes.field.freeDeskDays"
          hint="programmes.field.freeDeskDaysHint"
          errors={errors}
          defaultValue={values.freeDeskDays}
          inputMode="numeric"
        />
      </div>
    </>
  );
}
