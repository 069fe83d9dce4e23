import { TEAM_STATUSES } from "#db/schema";
import { FormField, SelectField } from "~/components/form-field";
import type { FieldErrors } from "~/utils/forms";
import { TEAM_NAME_MAX } from "../team-form";

const STATUS_OPTIONS = TEAM_STATUSES.map((status) => ({ value: status, label: `teams.status.${status}` as const }));

/** The fields of the team form (create and edit); dates are yyyy-MM-dd as <input type="date"> wants. */
export function TeamFormFields({
  errors,
  values,
  idPrefix = "team",
}: {
  errors?: FieldErrors;
  values: { name?: string; status?: string; startsOn?: string; endsOn?: string };
  idPrefix?: string;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <FormField
          id={`${idPrefix}-name`}
          name="name"
          label="teams.field.name"
          errors={errors}
          errorParams={{ max: TEAM_NAME_MAX }}
          defaultValue={values.name}
          required
          maxLength={TEAM_NAME_MAX}
        />
      </div>
      <SelectField
        id={`${idPrefix}-status`}
        name="status"
        label="teams.field.status"
        options={STATUS_OPTIONS}
        errors={errors}
        defaultValue={values.status ?? "incubating"}
      />
      <div className="hidden sm:block" />
      <FormField
        id={`${idPrefix}-startsOn`}
        name="startsOn"
        label="teams.field.startsOn"
        type="date"
        errors={errors}
        defaultValue={values.startsOn}
        required
      />
      <FormField
        id={`${idPrefix}-endsOn`}
        name="endsOn"
        label="teams.field.endsOn"
        hint="teams.field.endsOnHint"
        type="date"
        errors={errors}
        defaultValue={values.endsOn}
      />
    </div>
  );
}
