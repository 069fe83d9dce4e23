import { AMENITIES, AUDIENCES, RESOURCE_KINDS } from "#db/schema";
import { FormField, SelectField } from "~/components/form-field";
import { useLocale, useT } from "~/i18n/use-translation";
import type { FieldErrors } from "~/utils/forms";

export interface ResourceFormValues {
  code: string;
  kind: string;
  nameVi: string;
  nameEn: string;
  capacity: string;
  amenities: string[];
  audience: string;
  priceHour: string;
  priceHalfDay: string;
  priceDay: string;
  floorId: string;
  planX: string;
  planY: string;
  planWidth: string;
  planHeight: string;
  isActive: boolean;
}

/** The fields of a desk or room, shared by the create and edit pages. */
export function ResourceFormFields({
  values,
  errors,
  floors,
}: {
  values: ResourceFormValues;
  errors?: FieldErrors;
  floors: ReadonlyArray<{ id: string; code: string; name_vi: string; name_en: string }>;
}) {
  const t = useT();
  const locale = useLocale();
  const amenityError = errors?.amenities;
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField name="code" label="spacesAdmin.resource.code" errors={errors} defaultValue={values.code} required />
        <SelectField
          name="kind"
          label="spacesAdmin.resource.kind"
          errors={errors}
          defaultValue={values.kind}
          options={RESOURCE_KINDS.map((kind) => ({ value: kind, label: `spacesAdmin.kind.${kind}` as const }))}
        />
        <FormField
          name="nameVi"
          label="spacesAdmin.resource.nameVi"
          errors={errors}
          defaultValue={values.nameVi}
          required
        />
        <FormField
          name="nameEn"
          label="spacesAdmin.resource.nameEn"
          errors={errors}
          defaultValue={values.nameEn}
          required
        />
        <FormField
          name="capacity"
          label="spacesAdmin.resource.capacity"
          errors={errors}
          defaultValue={values.capacity}
          inputMode="numeric"
          required
        />
        <SelectField
          name="audience"
          label="spacesAdmin.resource.audience"
          errors={errors}
          defaultValue={values.audience}
          options={AUDIENCES.map((a) => ({ value: a, label: `spacesAdmin.audience.${a}` as const }))}
        />
      </div>
      <fieldset aria-describedby={amenityError ? "amenities-error" : undefined}>
        <legend className="text-sm font-medium text-stone-800">{t("spacesAdmin.resource.amenities")}</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-3">
          {AMENITIES.map((amenity) => (
            <label key={amenity} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="amenities"
                value={amenity}
                defaultChecked={values.amenities.includes(amenity)}
                className="h-4 w-4"
              />
              {t(`spacesAdmin.amenity.${amenity}`)}
            </label>
          ))}
        </div>
        {amenityError ? (
          <p id="amenities-error" className="mt-1 text-sm font-medium text-red-800">
            {t(amenityError)}
          </p>
        ) : null}
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium text-stone-800">{t("spacesAdmin.resource.prices")}</legend>
        <div className="mt-2 grid gap-4 sm:grid-cols-3">
          <FormField
            name="priceHour"
            label="spacesAdmin.resource.priceHour"
            errors={errors}
            defaultValue={values.priceHour}
            inputMode="numeric"
          />
          <FormField
            name="priceHalfDay"
            label="spacesAdmin.resource.priceHalfDay"
            errors={errors}
            defaultValue={values.priceHalfDay}
            inputMode="numeric"
          />
          <FormField
            name="priceDay"
            label="spacesAdmin.resource.priceDay"
            errors={errors}
            defaultValue={values.priceDay}
            inputMode="numeric"
          />
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium text-stone-800">{t("spacesAdmin.resource.plan")}</legend>
        <div className="mt-2 grid gap-4 sm:grid-cols-2">
          <div className="space-y-1">
            <label htmlFor="field-floorId" className="block text-sm font-medium text-stone-800">
              {t("spacesAdmin.resource.floor")}
            </label>
            <select
              id="field-floorId"
              name="floorId"
              defaultValue={values.floorId}
              aria-invalid={errors?.floorId ? true : undefined}
              aria-describedby={errors?.floorId ? "field-floorId-error" : undefined}
              className="block w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base shadow-sm"
            >
              {floors.map((floor) => (
                <option key={floor.id} value={floor.id}>
                  {locale === "vi" ? floor.name_vi : floor.name_en} ({floor.code})
                </option>
              ))}
            </select>
            {errors?.floorId ? (
              <p id="field-floorId-error" className="text-sm font-medium text-red-800">
                {t(errors.floorId)}
              </p>
            ) : null}
          </div>
          <div />
          <FormField
            name="planX"
            label="spacesAdmin.resource.planX"
            errors={errors}
            defaultValue={values.planX}
            inputMode="numeric"
            required
          />
          <FormField
            name="planY"
            label="spacesAdmin.resource.planY"
            errors={errors}
            defaultValue={values.planY}
            inputMode="numeric"
            required
          />
          <FormField
            name="planWidth"
            label="spacesAdmin.resource.planWidth"
            errors={errors}
            defaultValue={values.planWidth}
            inputMode="numeric"
            required
          />
          <FormField
            name="planHeight"
            label="spacesAdmin.resource.planHeight"
            errors={errors}
            defaultValue={values.planHeight}
            inputMode="numeric"
            required
          />
        </div>
      </fieldset>
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" name="isActive" defaultChecked={values.isActive} className="h-4 w-4" />
        {t("spacesAdmin.resource.isActive")}
      </label>
    </>
  );
}

/** Form values after a failed submission: what the person typed, checkboxes included. */
export function submittedResourceValues(form: FormData): ResourceFormValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  return {
    code: text("code"),
    kind: text("kind"),
    nameVi: text("nameVi"),
    nameEn: text("nameEn"),
    capacity: text("capacity"),
    amenities: form.getAll("amenities").filter((v): v is string => typeof v === "string"),
    audience: text("audience"),
    priceHour: text("priceHour"),
    priceHalfDay: text("priceHalfDay"),
    priceDay: text("priceDay"),
    floorId: text("floorId"),
    planX: text("planX"),
    planY: text("planY"),
    planWidth: text("planWidth"),
    planHeight: text("planHeight"),
    isActive: form.get("isActive") === "on",
  };
}
