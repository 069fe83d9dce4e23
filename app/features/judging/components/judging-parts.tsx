import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { FormField } from "~/components/form-field";
import type { MessageKey } from "~/i18n/translate";
import type { FieldErrors } from "~/utils/forms";
import { useT } from "~/i18n/use-translation";
import { cardClass } from "~/features/programmes/components/programme-parts";

export { buttonClass } from "~/components/buttons";
export { cardClass };
export { named } from "~/i18n/named";

export const secondaryButtonClass =
  "rounded-md border border-brand-700 px-3 py-1 text-sm font-medium text-brand-800 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-800";

export const dangerButtonClass =
  "rounded-md border border-red-800 px-3 py-1 text-sm font-medium text-red-800 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-800";

export const linkClass = "font-medium text-brand-800 underline";

/** A judging page: the way back, the one h1, an optional line under it, then the content. */
export function JudgingPage({
  title,
  back,
  subtitle,
  children,
}: {
  title: string;
  back?: { to: string; label: string };
  subtitle?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="space-y-6">
      <div>
        {back ? (
          <Link to={back.to} className="text-sm font-medium text-brand-800 underline">
            {back.label}
          </Link>
        ) : null}
        <h1 className="mt-2 text-2xl font-bold">{title}</h1>
        {subtitle ? <p className="mt-1 text-stone-700">{subtitle}</p> : null}
      </div>
      {children}
    </div>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={cardClass}>
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A one-button form (remove, and the like) whose hidden fields say what it acts on. */
export function ButtonForm({
  intent,
  fields,
  label,
  ariaLabel,
}: {
  intent: string;
  fields: Record<string, string>;
  label: string;
  ariaLabel?: string;
}) {
  return (
    <Form method="post" className="inline">
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={dangerButtonClass} aria-label={ariaLabel}>
        {label}
      </button>
    </Form>
  );
}

/** Where a judge stands on one application: scored, waiting, or a declared conflict. */
export function assignmentState(a: { scored_at: unknown; conflict_declared_at: unknown }): MessageKey {
  if (a.conflict_declared_at) return "judging.state.conflict";
  return a.scored_at ? "judging.state.scored" : "judging.state.pending";
}

export function StateBadge({ state }: { state: MessageKey }) {
  const t = useT();
  const tone =
    state === "judging.state.scored"
      ? "bg-green-100 text-green-900"
      : state === "judging.state.conflict"
        ? "bg-amber-100 text-amber-900"
        : "bg-stone-100 text-stone-800";
  return <span className={`rounded px-2 py-0.5 text-xs font-semibold ${tone}`}>{t(state)}</span>;
}

/** The fields of a round: its names and when scoring closes (dd/MM/yyyy HH:mm, centre time). */
export function RoundFields({ errors, values }: { errors?: FieldErrors; values?: Record<string, string> }) {
  return (
    <>
      <FormField name="nameVi" label="judging.field.nameVi" errors={errors} defaultValue={values?.nameVi} required />
      <FormField name="nameEn" label="judging.field.nameEn" errors={errors} defaultValue={values?.nameEn} required />
      <FormField
        name="scoringClosesAt"
        label="judging.field.scoringClosesAt"
        hint="judging.field.scoringClosesAtHint"
        placeholder="dd/MM/yyyy HH:mm"
        autoComplete="off"
        errors={errors}
        defaultValue={values?.scoringClosesAt}
        required
      />
    </>
  );
}
