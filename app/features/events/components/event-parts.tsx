import type { ReactNode } from "react";
import { EVENT_AUDIENCES, EVENT_KINDS, type EventAudience, type EventKind, type Locale } from "#db/schema";
import { FormField, SelectField, TextAreaField } from "~/components/form-field";
import { formatDate, formatTime } from "~/i18n/format";
import { useT } from "~/i18n/use-translation";
import type { FieldErrors } from "~/utils/forms";
import { placeOf } from "../rules";

/** An event's title, time and place as every page shows them, read from the loader's plain data. */
export interface EventSummary {
  id: string;
  kind: EventKind;
  title_vi: string;
  title_en: string;
  starts_at: string | Date;
  ends_at: string | Date;
  venue_text: string;
  resource_code: string | null;
  resource_name_vi: string | null;
  resource_name_en: string | null;
  status: "scheduled" | "cancelled";
}

export function eventTitle(event: Pick<EventSummary, "title_vi" | "title_en">, locale: Locale): string {
  return locale === "vi" ? event.title_vi : event.title_en;
}

export function EventWhen({ event, zone }: { event: Pick<EventSummary, "starts_at" | "ends_at">; zone: string }) {
  return (
    <>
      {formatDate(event.starts_at, zone)}, {formatTime(event.starts_at, zone)}–{formatTime(event.ends_at, zone)}
    </>
  );
}

export function EventPlace({ event, locale }: { event: EventSummary; locale: Locale }) {
  return <>{placeOf(event, locale)}</>;
}

export function EventBadges({ event }: { event: Pick<EventSummary, "kind" | "status"> }) {
  const t = useT();
  return (
    <span className="flex flex-wrap gap-2">
      <span className="rounded bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-800">
        {t(`events.kind.${event.kind}`)}
      </span>
      {event.status === "cancelled" ? (
        <span className="rounded bg-red-100 px-2 py-0.5 text-xs font-medium text-red-900">
          {t("events.status.cancelled")}
        </span>
      ) : null}
    </span>
  );
}

export function AudienceList({ audiences }: { audiences: readonly EventAudience[] }) {
  const t = useT();
  return <>{audiences.map((a) => t(`events.audience.${a}`)).join(", ")}</>;
}

/** A QR code drawn on the server (see drawQrCode), with the address it opens written below. */
export function QrCode({ size, path, address, label }: { size: number; path: string; address: string; label: string }) {
  return (
    <figure className="space-y-2">
      <svg
        viewBox={`0 0 ${size} ${size}`}
        role="img"
        aria-label={label}
        shapeRendering="crispEdges"
        className="h-56 w-56 max-w-full"
      >
        <rect width={size} height={size} fill="#fff" />
        <path d={path} fill="#000" />
      </svg>
      <figcaption className="font-mono text-xs wrap-anywhere text-stone-800">{address}</figcaption>
    </figure>
  );
}

export interface EventFormOptions {
  rooms: { id: string; code: string; name_vi: string; name_en: string; capacity: number }[];
  programmes: { id: string; name_vi: string; name_en: string }[];
}

/** The staff form's fields for an event (create and edit). */
export function EventFormFields({
  values,
  errors,
  errorParams,
  options,
  locale,
}: {
  values: Record<string, string | string[] | undefined>;
  errors?: FieldErrors;
  /** Values for the placeholders of a refusal's message ({capacity}, {days}, {registered}). */
  errorParams?: Record<string, string | number>;
  options: EventFormOptions;
  locale: Locale;
}) {
  const t = useT();
  const text = (name: string) => {
    const v = values[name];
    return typeof v === "string" ? v : "";
  };
  const audiences = new Set(
    Array.isArray(values.audiences) ? values.audiences : values.audiences ? [values.audiences] : [],
  );
  return (
    <div className="space-y-4">
      <SelectField
        name="kind"
        label="events.field.kind"
        errors={errors}
        defaultValue={text("kind") || "training"}
        options={EVENT_KINDS.map((kind) => ({ value: kind, label: `events.kind.${kind}` as const }))}
      />
      <FormField
        name="titleVi"
        label="events.field.titleVi"
        errors={errors}
        defaultValue={text("titleVi")}
        required
        lang="vi"
      />
      <FormField
        name="titleEn"
        label="events.field.titleEn"
        errors={errors}
        defaultValue={text("titleEn")}
        required
        lang="en"
      />
      <TextAreaField
        name="descriptionVi"
        label="events.field.descriptionVi"
        errors={errors}
        defaultValue={text("descriptionVi")}
        rows={4}
        lang="vi"
      />
      <TextAreaField
        name="descriptionEn"
        label="events.field.descriptionEn"
        errors={errors}
        defaultValue={text("descriptionEn")}
        rows={4}
        lang="en"
      />
      <FormField name="organiser" label="events.field.organiser" errors={errors} defaultValue={text("organiser")} />
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField
          name="date"
          type="date"
          label="events.field.date"
          hint="events.field.dateHint"
          errors={errors}
          errorParams={errorParams}
          defaultValue={text("date")}
          required
        />
        <FormField
          name="start"
          type="time"
          step={1800}
          label="events.field.start"
          hint="events.field.timeHint"
          errors={errors}
          defaultValue={text("start")}
          required
        />
        <FormField
          name="end"
          type="time"
          step={1800}
          label="events.field.end"
          errors={errors}
          defaultValue={text("end")}
          required
        />
      </div>
      <SelectField
        name="resourceId"
        label="events.field.room"
        hint="events.field.roomHint"
        errors={errors}
        errorParams={errorParams}
        defaultValue={text("resourceId")}
        options={[
          { value: "", label: "events.field.roomOutside" },
          ...options.rooms.map((room) => ({
            value: room.id,
            text: t("events.field.roomOption", {
              code: room.code,
              name: locale === "vi" ? room.name_vi : room.name_en,
              capacity: room.capacity,
            }),
          })),
        ]}
      />
      <FormField
        name="venueText"
        label="events.field.venue"
        hint="events.field.venueHint"
        errors={errors}
        defaultValue={text("venueText")}
      />
      <FormField
        name="capacity"
        type="number"
        inputMode="numeric"
        min={1}
        label="events.field.capacity"
        errors={errors}
        errorParams={errorParams}
        defaultValue={text("capacity")}
        required
      />
      <fieldset className="space-y-2" aria-describedby={errors?.audiences ? "field-audiences-error" : undefined}>
        <legend className="text-sm font-medium text-stone-800">{t("events.field.audiences")}</legend>
        {EVENT_AUDIENCES.map((audience) => (
          <label key={audience} className="flex items-center gap-2">
            <input
              type="checkbox"
              name="audiences"
              value={audience}
              defaultChecked={audiences.has(audience)}
              className="h-5 w-5"
            />
            <span>{t(`events.audience.${audience}`)}</span>
          </label>
        ))}
        {errors?.audiences ? (
          <p id="field-audiences-error" className="text-sm font-medium text-red-800">
            {t(errors.audiences)}
          </p>
        ) : null}
      </fieldset>
      <label className="flex items-start gap-2">
        <input
          type="checkbox"
          name="countsAsTraining"
          defaultChecked={text("countsAsTraining") === "on"}
          className="mt-1 h-5 w-5"
        />
        <span>
          <span className="block font-medium">{t("events.field.countsAsTraining")}</span>
          <span className="block text-sm text-stone-700">{t("events.field.countsAsTrainingHint")}</span>
        </span>
      </label>
      <SelectField
        name="programmeId"
        label="events.field.programme"
        errors={errors}
        defaultValue={text("programmeId")}
        options={[
          { value: "", label: "events.field.noProgramme" },
          ...options.programmes.map((p) => ({ value: p.id, text: locale === "vi" ? p.name_vi : p.name_en })),
        ]}
      />
    </div>
  );
}

/** The staff pages' frame: one h1, a way back. */
export function StaffEventsPage({ title, back, children }: { title: string; back?: ReactNode; children: ReactNode }) {
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        {back}
        <h1 className="text-2xl font-bold">{title}</h1>
      </div>
      {children}
    </div>
  );
}
