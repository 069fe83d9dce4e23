import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { APPLICATION_STATUSES } from "#db/schema";
import { FormErrorSummary, FormField, SelectField } from "~/components/form-field";
import { FormNotice } from "~/features/auth/components/auth-page";
import { titleMeta } from "~/features/auth/meta";
import { auditActor } from "~/features/audit/record-audit.server";
import { requirePermission } from "~/features/auth/session.server";
import { getCentreZone } from "~/features/bookings/queries.server";
import { OptionSelect } from "~/features/spaces/components/closure-parts";
import { assignJudge, unassignJudge } from "~/features/judging/assign-judges.server";
import {
  assignmentState,
  buttonClass,
  ButtonForm,
  JudgingPage,
  linkClass,
  named,
  RoundFields,
  Section,
  secondaryButtonClass,
  StateBadge,
} from "~/features/judging/components/judging-parts";
import {
  assignFormSchema,
  criterionFormSchema,
  criterionIdSchema,
  roundFormSchema,
  statusFilterSchema,
  unassignFormSchema,
} from "~/features/judging/forms";
import {
  listCriteria,
  listJudgeCandidates,
  listProgrammeApplications,
  listRoundAssignments,
  roundHasScores,
} from "~/features/judging/queries.server";
import { requireRound } from "~/features/judging/require-round.server";
import { changeRubric } from "~/features/judging/save-criterion.server";
import { saveRound } from "~/features/judging/save-round.server";
import { formatDate, formatDateTime, formatTime } from "~/i18n/format";
import type { MessageKey } from "~/i18n/translate";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { parseForm, typedValues, type FieldErrors } from "~/utils/forms";
import { badRequest, invariantResponse } from "~/utils/http.server";

const NOTICES = {
  created: "judging.notice.roundCreated",
  round: "judging.notice.roundSaved",
  rubric: "judging.notice.rubricSaved",
  assigned: "judging.notice.assigned",
  unassigned: "judging.notice.unassigned",
} as const satisfies Record<string, MessageKey>;

const intentSchema = z.enum(["round", "add-criterion", "update-criterion", "remove-criterion", "assign", "unassign"]);

interface ActionResult {
  intent: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
  criterionId?: string;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "judging:manage");
  const { programme, round } = await requireRound(user.centre_id, params);
  const url = new URL(request.url);
  const status = statusFilterSchema.parse(url.searchParams.get("status") ?? undefined);
  const [criteria, scored, candidates, applications, assignments, zone] = await Promise.all([
    listCriteria(db(), round.id),
    roundHasScores(db(), round.id),
    listJudgeCandidates(db(), user.centre_id),
    listProgrammeApplications(db(), programme.id, status),
    listRoundAssignments(db(), round.id),
    getCentreZone(db(), user.centre_id),
  ]);
  const noticeParam = Object.keys(NOTICES).find((key) => url.searchParams.has(key)) as keyof typeof NOTICES | undefined;
  return {
    programme,
    round: {
      ...round,
      closes_input: `${formatDate(round.scoring_closes_at, zone)} ${formatTime(round.scoring_closes_at, zone)}`,
    },
    criteria,
    rubricFrozen: scored,
    candidates: candidates.map((c) => ({ id: c.id, name: c.name, email: c.email })),
    status: status ?? "",
    applications,
    assignments,
    zone,
    notice: noticeParam ? NOTICES[noticeParam] : null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = auditActor(context, await requirePermission(request, "judging:manage"));
  const { programme, round } = await requireRound(user.centre_id, params);
  const form = await request.formData();
  const intent = intentSchema.safeParse(form.get("intent"));
  invariantResponse(intent.success, "Unknown action", { status: 400 });
  const here = `/staff/programmes/${programme.id}/judging/${round.id}`;

  switch (intent.data) {
    case "round": {
      const parsed = parseForm(roundFormSchema, form);
      if (!parsed.ok)
        return badRequest<ActionResult>({ intent: "round", errors: parsed.errors, values: parsed.values });
      const zone = await getCentreZone(db(), user.centre_id);
      const result = await saveRound(db(), {
        programmeId: programme.id,
        roundId: round.id,
        zone,
        form: parsed.data,
        actor: user,
      });
      if (!result.ok)
        return badRequest<ActionResult>({ intent: "round", errors: result.errors, values: typedValues(form) });
      return redirect(`${here}?round=1`);
    }
    case "add-criterion":
    case "update-criterion": {
      const updating = intent.data === "update-criterion";
      const id = updating ? parseForm(criterionIdSchema, form) : null;
      invariantResponse(!id || id.ok);
      const criterionId = id?.ok ? id.data.criterionId : undefined;
      const parsed = parseForm(criterionFormSchema, form);
      if (!parsed.ok) {
        return badRequest<ActionResult>({
          intent: intent.data,
          criterionId,
          errors: parsed.errors,
          values: parsed.values,
        });
      }
      const result = await changeRubric(
        db(),
        round.id,
        criterionId ? { kind: "update", criterionId, form: parsed.data } : { kind: "add", form: parsed.data },
        user,
      );
      if (!result.ok && result.reason === "scored") {
        return data<ActionResult>(
          { intent: intent.data, criterionId, errors: { _form: "judging.rubric.frozen" }, values: typedValues(form) },
          { status: 409 },
        );
      }
      invariantResponse(result.ok);
      return redirect(`${here}?rubric=1`);
    }
    case "remove-criterion": {
      const parsed = parseForm(criterionIdSchema, form);
      invariantResponse(parsed.ok);
      const result = await changeRubric(db(), round.id, { kind: "remove", criterionId: parsed.data.criterionId }, user);
      if (!result.ok && result.reason === "scored") {
        return data<ActionResult>(
          { intent: "remove-criterion", errors: { _form: "judging.rubric.frozen" } },
          { status: 409 },
        );
      }
      invariantResponse(result.ok);
      return redirect(`${here}?rubric=1`);
    }
    case "assign": {
      const parsed = parseForm(assignFormSchema, form);
      if (!parsed.ok)
        return badRequest<ActionResult>({ intent: "assign", errors: parsed.errors, values: parsed.values });
      const result = await assignJudge(db(), {
        centreId: user.centre_id,
        roundId: round.id,
        programmeId: programme.id,
        ...parsed.data,
        actor: user,
      });
      if (!result.ok) {
        const errors: FieldErrors =
          result.reason === "judge"
            ? { judgeId: "judging.error.chooseJudge" }
            : { applicationIds: "judging.error.chooseApplications" };
        return badRequest<ActionResult>({ intent: "assign", errors, values: typedValues(form) });
      }
      return redirect(`${here}?assigned=${result.added}`);
    }
    case "unassign": {
      const parsed = parseForm(unassignFormSchema, form);
      invariantResponse(parsed.ok);
      const result = await unassignJudge(db(), { roundId: round.id, ...parsed.data }, user);
      if (!result.ok && result.reason === "scored") {
        return data<ActionResult>(
          { intent: "unassign", errors: { _form: "judging.assign.scoredKept" } },
          { status: 409 },
        );
      }
      invariantResponse(result.ok);
      return redirect(`${here}?unassigned=1`);
    }
  }
}

export default function JudgingRound() {
  const { programme, round, criteria, rubricFrozen, candidates, status, applications, assignments, zone, notice } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const locale = useLocale();
  const errorsFor = (intent: string, criterionId?: string) =>
    actionData?.intent === intent && actionData.criterionId === criterionId ? actionData.errors : undefined;
  const valuesFor = (intent: string, criterionId?: string) =>
    actionData?.intent === intent && actionData.criterionId === criterionId ? actionData.values : undefined;
  const byApplication = new Map<string, typeof assignments>();
  for (const a of assignments) byApplication.set(a.application_id, [...(byApplication.get(a.application_id) ?? []), a]);
  const pageError = actionData?.errors?._form;

  return (
    <JudgingPage
      title={named(round, locale)}
      subtitle={t("judging.round.subtitle", {
        programme: named(programme, locale),
        closes: formatDateTime(round.scoring_closes_at, zone),
      })}
      back={{ to: `/staff/programmes/${programme.id}/judging`, label: t("judging.rounds.back") }}
    >
      {notice && !actionData ? <FormNotice tone="success">{t(notice)}</FormNotice> : null}
      {pageError ? <FormNotice tone="error">{t(pageError)}</FormNotice> : null}
      <p>
        <Link to={`/staff/programmes/${programme.id}/judging/${round.id}/ranking`} className={linkClass}>
          {t("judging.ranking.title")}
        </Link>
      </p>

      <Section id="round-edit" title={t("judging.round.edit")}>
        <Form method="post" noValidate className="mt-4 max-w-2xl space-y-4">
          <input type="hidden" name="intent" value="round" />
          <FormErrorSummary errors={errorsFor("round")} />
          <RoundFields
            errors={errorsFor("round")}
            values={
              valuesFor("round") ?? {
                nameVi: round.name_vi,
                nameEn: round.name_en,
                scoringClosesAt: round.closes_input,
              }
            }
          />
          <button type="submit" className={buttonClass}>
            {t("judging.save")}
          </button>
        </Form>
      </Section>

      <Section id="rubric" title={t("judging.rubric.title")}>
        <p className="mt-1 text-sm text-stone-700">
          {t(rubricFrozen ? "judging.rubric.frozenNote" : "judging.rubric.note")}
        </p>
        {criteria.length === 0 ? <p className="mt-3 text-stone-700">{t("judging.rubric.none")}</p> : null}
        <ul className="mt-3 space-y-4">
          {criteria.map((c) =>
            rubricFrozen ? (
              <li key={c.id} className="border-b border-stone-200 pb-2">
                <p className="font-medium">{named(c, locale)}</p>
                <p className="text-sm text-stone-700">
                  {t("judging.rubric.describe", { weight: c.weight, min: c.min_score, max: c.max_score })}
                </p>
              </li>
            ) : (
              <li key={c.id} className="border-b border-stone-200 pb-4">
                <Form method="post" noValidate className="space-y-3" aria-label={named(c, locale)}>
                  <input type="hidden" name="intent" value="update-criterion" />
                  <input type="hidden" name="criterionId" value={c.id} />
                  <CriterionFields
                    idSuffix={c.id}
                    errors={errorsFor("update-criterion", c.id)}
                    values={
                      valuesFor("update-criterion", c.id) ?? {
                        nameVi: c.name_vi,
                        nameEn: c.name_en,
                        weight: String(c.weight),
                        minScore: String(c.min_score),
                        maxScore: String(c.max_score),
                      }
                    }
                  />
                  <button type="submit" className={secondaryButtonClass}>
                    {t("judging.save")}
                  </button>
                </Form>
                <div className="mt-2">
                  <ButtonForm
                    intent="remove-criterion"
                    fields={{ criterionId: c.id }}
                    label={t("judging.remove")}
                    ariaLabel={t("judging.rubric.removeLabel", { name: named(c, locale) })}
                  />
                </div>
              </li>
            ),
          )}
        </ul>
        {rubricFrozen ? null : (
          <Form method="post" noValidate className="mt-6 max-w-2xl space-y-3">
            <h3 className="font-semibold">{t("judging.rubric.add")}</h3>
            <input type="hidden" name="intent" value="add-criterion" />
            <FormErrorSummary errors={errorsFor("add-criterion")} />
            <CriterionFields
              idSuffix="new"
              errors={errorsFor("add-criterion")}
              values={valuesFor("add-criterion") ?? { weight: "1", minScore: "0", maxScore: "10" }}
            />
            <button type="submit" className={buttonClass}>
              {t("judging.rubric.addButton")}
            </button>
          </Form>
        )}
      </Section>

      <Section id="assign" title={t("judging.assign.title")}>
        <p className="mt-1 text-sm text-stone-700">
          {t("judging.assign.note")}{" "}
          <Link to="/staff/invitations" className={linkClass}>
            {t("judging.assign.invite")}
          </Link>
        </p>
        <Form method="get" className="mt-4 flex flex-wrap items-end gap-2">
          <SelectField
            id="filter-status"
            name="status"
            label="judging.assign.filter"
            defaultValue={status}
            options={[
              { value: "", label: "judging.assign.allStatuses" },
              ...APPLICATION_STATUSES.map((s) => ({ value: s, label: `judging.status.${s}` as const })),
            ]}
          />
          <button type="submit" className={secondaryButtonClass}>
            {t("judging.assign.show")}
          </button>
        </Form>
        {applications.length === 0 ? (
          <p className="mt-3 text-stone-700">{t("judging.assign.noApplications")}</p>
        ) : (
          <Form method="post" noValidate className="mt-4 space-y-4" key={`${status}-${notice ?? ""}`}>
            <input type="hidden" name="intent" value="assign" />
            <FormErrorSummary errors={errorsFor("assign")} />
            <OptionSelect
              name="judgeId"
              label="judging.assign.judge"
              first={{ value: "", label: t("judging.assign.chooseJudge") }}
              options={candidates.map((c) => ({ value: c.id, label: `${c.name} (${c.email})` }))}
              errors={errorsFor("assign")}
              defaultValue={valuesFor("assign")?.judgeId ?? ""}
            />
            <fieldset aria-describedby={errorsFor("assign")?.applicationIds ? "applicationIds-error" : undefined}>
              <legend className="text-sm font-medium text-stone-800">{t("judging.assign.applications")}</legend>
              <ul className="mt-2 space-y-1">
                {applications.map((a) => (
                  <li key={a.id}>
                    <label className="flex items-center gap-2">
                      <input type="checkbox" name="applicationIds" value={a.id} defaultChecked={status !== ""} />
                      <span>
                        {a.team_name}{" "}
                        <span className="text-sm text-stone-700">
                          · {locale === "vi" ? a.sector_vi : a.sector_en} · {t(`judging.status.${a.status}`)}
                        </span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
              {errorsFor("assign")?.applicationIds ? (
                <p id="applicationIds-error" className="mt-1 text-sm font-medium text-red-800">
                  {t(errorsFor("assign")?.applicationIds ?? "judging.error.chooseApplications")}
                </p>
              ) : null}
            </fieldset>
            <button type="submit" className={buttonClass}>
              {t("judging.assign.submit")}
            </button>
          </Form>
        )}
      </Section>

      <Section id="assignments" title={t("judging.assignments.title")}>
        {byApplication.size === 0 ? (
          <p className="mt-2 text-stone-700">{t("judging.assignments.none")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200">
            {[...byApplication].map(([applicationId, judges]) => (
              <li key={applicationId} className="py-3">
                <p className="font-medium">
                  <Link
                    to={`/staff/programmes/${programme.id}/judging/${round.id}/applications/${applicationId}`}
                    className={linkClass}
                  >
                    {judges[0]?.team_name}
                  </Link>
                </p>
                <ul className="mt-1 space-y-1">
                  {judges.map((j) => (
                    <li key={j.judge_id} className="flex flex-wrap items-center gap-2 text-sm">
                      <span>{j.judge_name}</span>
                      <StateBadge state={assignmentState(j)} />
                      {j.scored_at || j.conflict_declared_at ? null : (
                        <ButtonForm
                          intent="unassign"
                          fields={{ judgeId: j.judge_id, applicationId }}
                          label={t("judging.remove")}
                          ariaLabel={t("judging.assignments.removeLabel", { judge: j.judge_name })}
                        />
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </JudgingPage>
  );
}

/** The fields of one criterion; ids carry a suffix, as the page shows one form per criterion. */
function CriterionFields({
  idSuffix,
  errors,
  values,
}: {
  idSuffix: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
}) {
  const id = (name: string) => `field-${name}-${idSuffix}`;
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <FormField
        id={id("nameVi")}
        name="nameVi"
        label="judging.field.nameVi"
        errors={errors}
        defaultValue={values?.nameVi}
        required
      />
      <FormField
        id={id("nameEn")}
        name="nameEn"
        label="judging.field.nameEn"
        errors={errors}
        defaultValue={values?.nameEn}
        required
      />
      <FormField
        id={id("weight")}
        name="weight"
        label="judging.field.weight"
        inputMode="decimal"
        errors={errors}
        defaultValue={values?.weight}
        required
      />
      <div className="grid grid-cols-2 gap-3">
        <FormField
          id={id("minScore")}
          name="minScore"
          label="judging.field.minScore"
          inputMode="numeric"
          errors={errors}
          defaultValue={values?.minScore}
          required
        />
        <FormField
          id={id("maxScore")}
          name="maxScore"
          label="judging.field.maxScore"
          inputMode="numeric"
          errors={errors}
          defaultValue={values?.maxScore}
          required
        />
      </div>
    </div>
  );
}

export const meta = titleMeta("judging.round.title");
