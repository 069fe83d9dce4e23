import { Form } from "@remix-run/react";
import { MILESTONE_STATUSES, type MilestoneStatus } from "#db/schema";
import { cardClass } from "~/components/card";
import { buttonClass } from "~/components/buttons";
import { FormErrorSummary, FormField, SelectField, TextAreaField } from "~/components/form-field";
import { FormNotice } from "~/features/auth/components/auth-page";
import { formatCalendarDate } from "~/i18n/format";
import { useT } from "~/i18n/use-translation";
import type { FieldErrors } from "~/utils/forms";
import { EVIDENCE_MAX, MILESTONE_TITLE_MAX } from "../milestone-form";
import type { MilestoneProgress } from "../rules";

const STATUS_OPTIONS = MILESTONE_STATUSES.map((status) => ({
  value: status,
  label: `milestones.status.${status}` as const,
}));

export interface MilestoneView {
  id: string;
  title: string;
  due_on: string;
  status: MilestoneStatus;
  evidence: string;
  done_on: string | null;
  overdue: boolean;
}

export interface MilestoneFormState {
  intent: string;
  milestoneId?: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
  notice?: string;
}

/** "Overdue" (or "n overdue") in words and an outline, so it never rests on colour alone. */
export function OverdueFlag({ count }: { count?: number }) {
  const t = useT();
  return (
    <span className="inline-block rounded-full border border-red-800 bg-red-50 px-2 py-0.5 text-sm font-semibold whitespace-nowrap text-red-900">
      ⚠ {count === undefined ? t("milestones.overdue") : t("milestones.overdueCount", { count })}
    </span>
  );
}

/** The evidence: a link when it is one, otherwise the note as written. */
function Evidence({ text }: { text: string }) {
  if (/^https?:\/\/\S+$/.test(text)) {
    return (
      <a href={text} rel="noopener noreferrer nofollow" className="break-all text-brand-800 underline">
        {text}
      </a>
    );
  }
  return <span className="whitespace-pre-line">{text}</span>;
}

function MilestoneFields({
  prefix,
  errors,
  values,
}: {
  prefix: string;
  errors?: FieldErrors;
  values: { title: string; dueOn: string; status: string; evidence: string };
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <FormField
          id={`${prefix}-title`}
          name="title"
          label="milestones.field.title"
          errors={errors}
          errorParams={{ max: MILESTONE_TITLE_MAX }}
          maxLength={MILESTONE_TITLE_MAX}
          defaultValue={values.title}
          required
        />
      </div>
      <FormField
        id={`${prefix}-dueOn`}
        name="dueOn"
        label="milestones.field.dueOn"
        hint="milestones.field.dueOnHint"
        type="date"
        errors={errors}
        defaultValue={values.dueOn}
        required
      />
      <SelectField
        id={`${prefix}-status`}
        name="status"
        label="milestones.field.status"
        options={STATUS_OPTIONS}
        errors={errors}
        defaultValue={values.status}
      />
      <div className="sm:col-span-2">
        <TextAreaField
          id={`${prefix}-evidence`}
          name="evidence"
          label="milestones.field.evidence"
          hint="milestones.field.evidenceHint"
          errors={errors}
          errorParams={{ max: EVIDENCE_MAX }}
          maxLength={EVIDENCE_MAX}
          rows={2}
          defaultValue={values.evidence}
        />
      </div>
    </div>
  );
}

/** A team's milestones: progress, the list with overdue ones flagged, and (for editors) the forms. */
export function MilestonesSection({
  teamId,
  milestones,
  progress,
  canEdit,
  withTeamId,
  result,
}: {
  teamId: string;
  milestones: readonly MilestoneView[];
  progress: MilestoneProgress;
  canEdit: boolean;
  withTeamId: boolean;
  result?: MilestoneFormState;
}) {
  const t = useT();
  const prefix = `ms-${teamId}`;
  const addResult = result?.intent === "milestone-add" ? result : undefined;
  const editResult = result?.intent === "milestone-edit" ? result : undefined;
  // What a refused add sent comes back into the empty form; after a success it starts empty.
  const typed = addResult?.errors ? addResult.values : undefined;
  const teamIdInput = withTeamId ? <input type="hidden" name="teamId" value={teamId} /> : null;
  return (
    <section aria-labelledby={`${prefix}-title`} className={cardClass}>
      <h2 id={`${prefix}-title`} className="text-lg font-semibold">
        {t("milestones.title")}
      </h2>
      <p className="mt-1 text-stone-800">
        {t("milestones.progress", { done: progress.done, total: progress.total })}
        {progress.overdue > 0 ? (
          <>
            {" · "}
            <strong className="text-red-900">{t("milestones.overdueCount", { count: progress.overdue })}</strong>
          </>
        ) : null}
      </p>
      {editResult?.notice && editResult.milestoneId ? (
        <div className="mt-3">
          <FormNotice tone="success">{t("milestones.saved")}</FormNotice>
        </div>
      ) : null}
      {milestones.length === 0 ? (
        <p className="mt-3 text-stone-700">{t("milestones.none")}</p>
      ) : (
        <ul className="mt-3 divide-y divide-stone-200">
          {milestones.map((milestone) => {
            const failed = editResult?.errors && editResult.milestoneId === milestone.id ? editResult : undefined;
            return (
              <li key={milestone.id} className="py-3">
                <div className="flex flex-wrap items-center gap-2">
                  <p className="font-medium">{milestone.title}</p>
                  <span className="rounded-full bg-stone-100 px-2 py-0.5 text-sm text-stone-800 ring-1 ring-stone-400">
                    {t(`milestones.status.${milestone.status}`)}
                  </span>
                  {milestone.overdue ? <OverdueFlag /> : null}
                </div>
                <p className="text-sm text-stone-700">
                  {t("milestones.due", { date: formatCalendarDate(milestone.due_on) })}
                  {milestone.done_on
                    ? ` · ${t("milestones.doneOn", { date: formatCalendarDate(milestone.done_on) })}`
                    : null}
                </p>
                {milestone.evidence ? (
                  <p className="mt-1 text-sm">
                    <span className="text-stone-700">{t("milestones.field.evidence")}: </span>
                    <Evidence text={milestone.evidence} />
                  </p>
                ) : null}
                {canEdit ? (
                  <details className="mt-2" open={failed ? true : undefined}>
                    <summary className="cursor-pointer text-sm font-medium text-brand-800 underline">
                      {t("milestones.edit", { title: milestone.title })}
                    </summary>
                    <Form method="post" noValidate className="mt-3 space-y-3">
                      <input type="hidden" name="intent" value="milestone-edit" />
                      <input type="hidden" name="milestoneId" value={milestone.id} />
                      {teamIdInput}
                      <FormErrorSummary errors={failed?.errors} />
                      <MilestoneFields
                        prefix={`ms-${milestone.id}`}
                        errors={failed?.errors}
                        values={{
                          title: failed?.values?.title ?? milestone.title,
                          dueOn: failed?.values?.dueOn ?? milestone.due_on,
                          status: failed?.values?.status ?? milestone.status,
                          evidence: failed?.values?.evidence ?? milestone.evidence,
                        }}
                      />
                      <button type="submit" className={buttonClass}>
                        {t("form.save")}
                      </button>
                    </Form>
                  </details>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {canEdit ? (
        <Form method="post" noValidate className="mt-6 space-y-3" key={addResult?.notice ? "added" : "add"}>
          <h3 className="font-semibold">{t("milestones.add")}</h3>
          <input type="hidden" name="intent" value="milestone-add" />
          {teamIdInput}
          {addResult?.notice ? <FormNotice tone="success">{t("milestones.added")}</FormNotice> : null}
          <FormErrorSummary errors={addResult?.errors} />
          <MilestoneFields
            prefix={`${prefix}-new`}
            errors={addResult?.errors}
            values={{
              title: typed?.title ?? "",
              dueOn: typed?.dueOn ?? "",
              status: typed?.status ?? "planned",
              evidence: typed?.evidence ?? "",
            }}
          />
          <button type="submit" className={buttonClass}>
            {t("milestones.addSubmit")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
