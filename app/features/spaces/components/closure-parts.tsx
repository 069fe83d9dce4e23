import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { FormErrorSummary, FormField } from "~/components/form-field";
import { FormNotice } from "~/features/auth/components/auth-page";
import type { MessageKey } from "~/i18n/translate";
import { useLocale, useT } from "~/i18n/use-translation";
import type { FieldErrors } from "~/utils/forms";
import { ConfirmHeldBookings, type HeldRow } from "./held-bookings";
import { buttonClass, cardClass, dangerButtonClass } from "./spaces-parts";

// Parts the staff pages of closures and blocks share (fixed desks too, in part): each lists
// what is set, adds a period for the centre or a resource, and removes one.

/** What the action of the closures or blocks page answers when it does not redirect. */
export interface PeriodActionResult {
  errors?: FieldErrors;
  values?: Record<string, string>;
  held?: HeldRow[];
  notice?: MessageKey;
}

/**
 * The notice of a closures or blocks page after its redirect: a row removed ("?<removedParam>"),
 * or a period saved that cancelled this many bookings in the way ("?cancelled=N").
 */
export function savedNotice<K extends MessageKey>(
  params: URLSearchParams,
  removedParam: string,
  keys: { removed: K; saved: K; savedCancelled: K },
): { notice: K | null; cancelled: number } {
  const cancelled = Number(params.get("cancelled") ?? 0) || 0;
  if (params.has(removedParam)) return { notice: keys.removed, cancelled };
  if (!params.has("cancelled")) return { notice: null, cancelled };
  return { notice: cancelled > 0 ? keys.savedCancelled : keys.saved, cancelled };
}

/** The notices at the top of a closures or blocks page, and the bookings in the way to confirm. */
export function PeriodNotices({
  actionData,
  notice,
  cancelled,
  zone,
}: {
  actionData?: PeriodActionResult;
  notice: MessageKey | null;
  cancelled: number;
  zone: string;
}) {
  const t = useT();
  const values = actionData?.values;
  return (
    <>
      {actionData?.notice ? <FormNotice tone="success">{t(actionData.notice)}</FormNotice> : null}
      {!actionData && notice ? <FormNotice tone="success">{t(notice, { count: cancelled })}</FormNotice> : null}
      {actionData?.held && values ? <ConfirmHeldBookings held={actionData.held} values={values} zone={zone} /> : null}
    </>
  );
}

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

/** The form that adds a closure, a block or a desk holding: the error summary, the fields, the button. */
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

/**
 * A labelled choice among the centre's own things (resources, teams), whose option labels are
 * data rather than dictionary keys, optionally after a first option such as "whole centre".
 */
export function OptionSelect({
  name,
  label,
  options,
  first,
  errors,
  defaultValue,
}: {
  name: string;
  label: MessageKey;
  options: readonly { value: string; label: string }[];
  first?: { value: string; label: string };
  errors?: FieldErrors;
  defaultValue?: string;
}) {
  const t = useT();
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
        {first ? <option value={first.value}>{first.label}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
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

/** "C-01 — Phòng họp", a resource as an option, in the reader's language. */
export function resourceOption(r: NamedResource, locale: string) {
  return { value: r.id, label: `${r.code} — ${locale === "vi" ? r.name_vi : r.name_en}` };
}

/** A choice of one of the centre's resources (closures may also choose the whole centre). */
export function ResourceSelect({
  resources,
  wholeCentre,
  ...select
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
  return (
    <OptionSelect
      {...select}
      options={resources.map((r) => resourceOption(r, locale))}
      first={wholeCentre ? { value: wholeCentre, label: t("spacesAdmin.closures.wholeCentre") } : undefined}
    />
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

/** A row of the closures or blocks list: what is closed, when, and its remove button. */
export function PeriodRow({ title, detail, children }: { title: ReactNode; detail: ReactNode; children: ReactNode }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2">
      <div>
        <p className="font-medium">{title}</p>
        <p className="text-sm text-stone-700">{detail}</p>
      </div>
      {children}
    </li>
  );
}

/** A one-button form that removes a row of a staff list (a closure, a block, a desk holding). */
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
