import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { buttonClass, dangerButtonClass } from "~/components/buttons";
import { cardClass } from "~/components/card";
import { FormErrorSummary, FormField, SelectField } from "~/components/form-field";
import { FormNotice } from "~/features/auth/components/auth-page";
import { titleMeta } from "~/features/auth/meta";
import { auditActor } from "~/features/audit/record-audit.server";
import { requirePermission } from "~/features/auth/session.server";
import { YearForm } from "~/features/reports/components/year-form";
import { listHref } from "~/features/reports/report-rows";
import { reportCentre, yearOf } from "~/features/reports/report-request.server";
import { EVENT_AUDIENCES, EVENT_KINDS, formatFigure } from "~/features/reports/rules";
import { targetFormSchema, targetIdSchema } from "~/features/targets/forms";
import { MEASURES } from "~/features/targets/measures";
import {
  addTarget,
  copyPreviousYear,
  removeTarget,
  targetsWithProgress,
  updateTarget,
} from "~/features/targets/targets.server";
import { formatMoney } from "~/i18n/format";
import type { MessageKey } from "~/i18n/translate";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { parseForm, typedValues, type FieldErrors } from "~/utils/forms";
import { badRequest, invariantResponse } from "~/utils/http.server";

type ActionResult = {
  intent: "add" | "update" | "remove" | "copy";
  targetId?: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
  notice?: MessageKey;
  count?: number;
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "reports:view");
  const { scope, thisYear } = await reportCentre(user.centre_id);
  // Targets may be planned a year ahead.
  const year = yearOf(request, thisYear, 1);
  if (!year.ok)
    return data({ page: null, input: year.input, error: "targets.error.year" as MessageKey }, { status: 400 });
  const progress = await targetsWithProgress(db(), scope, year.year);
  return { page: { year: year.year, ...progress }, input: String(year.year), error: null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = auditActor(context, await requirePermission(request, "targets:manage"));
  const { thisYear } = await reportCentre(user.centre_id);
  const year = yearOf(request, thisYear, 1);
  if (!year.ok) throw new Response("Bad year", { status: 400 });
  const form = await request.formData();
  const intent = form.get("intent");

  if (intent === "copy") {
    const count = await copyPreviousYear(db(), user.centre_id, year.year, user);
    return data<ActionResult>({ intent, count, notice: count > 0 ? "targets.copied" : "targets.copyNone" });
  }
  if (intent === "add") {
    const parsed = parseForm(targetFormSchema, form);
    if (!parsed.ok) return badRequest<ActionResult>({ intent, errors: parsed.errors, values: parsed.values });
    const saved = await addTarget(db(), user.centre_id, year.year, parsed.data, user);
    if (!saved.ok) return badRequest<ActionResult>({ intent, errors: saved.errors, values: typedValues(form) });
    return data<ActionResult>({ intent, notice: "targets.added" });
  }

  const id = parseForm(targetIdSchema, form);
  invariantResponse(id.ok);
  const targetId = id.data.targetId;
  if (intent === "update") {
    const parsed = parseForm(targetFormSchema, form);
    if (!parsed.ok) return badRequest<ActionResult>({ intent, targetId, errors: parsed.errors, values: parsed.values });
    const saved = await updateTarget(db(), user.centre_id, targetId, parsed.data, user);
    invariantResponse(saved);
    if (!saved.ok)
      return badRequest<ActionResult>({ intent, targetId, errors: saved.errors, values: typedValues(form) });
    return data<ActionResult>({ intent, targetId, notice: "targets.saved" });
  }
  if (intent === "remove") {
    invariantResponse(await removeTarget(db(), user.centre_id, targetId, user));
    return data<ActionResult>({ intent, notice: "targets.removed" });
  }
  throw new Response("Unknown action", { status: 400 });
}

type TargetValues = {
  key: string;
  labelVi: string;
  labelEn: string;
  measure: string;
  eventKind: string;
  eventAudience: string;
  target: string;
  position: string;
};

function TargetFields({
  prefix,
  values,
  errors,
}: {
  prefix: string;
  values?: Partial<TargetValues>;
  errors?: FieldErrors;
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <FormField
        id={`${prefix}-label-vi`}
        name="labelVi"
        label="targets.field.labelVi"
        errors={errors}
        defaultValue={values?.labelVi}
      />
      <FormField
        id={`${prefix}-label-en`}
        name="labelEn"
        label="targets.field.labelEn"
        errors={errors}
        defaultValue={values?.labelEn}
      />
      <SelectField
        id={`${prefix}-measure`}
        name="measure"
        label="targets.field.measure"
        errors={errors}
        defaultValue={values?.measure}
        options={MEASURES.map((m) => ({ value: m, label: `targets.measure.${m}` as const }))}
      />
      <FormField
        id={`${prefix}-target`}
        name="target"
        label="targets.field.target"
        inputMode="decimal"
        errors={errors}
        defaultValue={values?.target}
      />
      <SelectField
        id={`${prefix}-kind`}
        name="eventKind"
        label="targets.field.eventKind"
        hint="targets.field.eventHint"
        errors={errors}
        defaultValue={values?.eventKind ?? ""}
        options={[
          { value: "", label: "targets.field.anyKind" },
          ...EVENT_KINDS.map((k) => ({ value: k, label: `reports.kind.${k}` as const })),
        ]}
      />
      <SelectField
        id={`${prefix}-audience`}
        name="eventAudience"
        label="targets.field.eventAudience"
        errors={errors}
        defaultValue={values?.eventAudience ?? ""}
        options={[
          { value: "", label: "targets.field.anyAudience" },
          ...EVENT_AUDIENCES.map((a) => ({ value: a, label: `reports.audience.${a}` as const })),
        ]}
      />
      <FormField
        id={`${prefix}-key`}
        name="key"
        label="targets.field.key"
        hint="targets.field.keyHint"
        errors={errors}
        defaultValue={values?.key}
      />
      <FormField
        id={`${prefix}-position`}
        name="position"
        label="targets.field.position"
        hint="targets.field.positionHint"
        inputMode="numeric"
        errors={errors}
        defaultValue={values?.position}
      />
    </div>
  );
}

export default function PlanTargets() {
  const { page, input, error } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const locale = useLocale();
  const year = page?.year ?? input;
  // Every form posts to this year's page, whatever the address bar holds.
  const formAction = `/staff/targets?year=${year}`;
  const add = result?.intent === "add" ? result : undefined;
  const shown = (measure: string, value: number) =>
    measure === "in_kind_value_vnd" ? formatMoney(Math.round(value), locale) : formatFigure(value, locale);

  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <h1 className="text-2xl font-bold">{t("targets.title", { year })}</h1>
        <p className="max-w-2xl text-stone-700">{t("targets.lead")}</p>
        <YearForm value={input} error={error ?? undefined} />
        {page ? (
          <Link to={`/staff/reports/annual?year=${page.year}`} className="font-medium text-brand-800 underline">
            {t("targets.reportLink", { year: page.year })}
          </Link>
        ) : null}
      </div>

      {page ? (
        <>
          <section aria-labelledby="targets-list" className={cardClass}>
            <h2 id="targets-list" className="text-lg font-semibold">
              {t("targets.list")}
            </h2>
            {result && (result.intent === "remove" || result.intent === "copy") && result.notice ? (
              <div className="mt-3">
                <FormNotice tone="success">{t(result.notice, { count: result.count ?? 0 })}</FormNotice>
              </div>
            ) : null}
            {page.targets.length === 0 ? (
              <p className="mt-3 text-stone-700">{t("targets.none", { year: page.year })}</p>
            ) : null}
            <ul className="mt-3 divide-y divide-stone-200">
              {page.targets.map((target) => {
                const label = locale === "vi" ? target.labelVi : target.labelEn;
                const mine = result?.intent === "update" && result.targetId === target.id ? result : undefined;
                const href = target.list
                  ? listHref(target.list, page.year, {
                      ...(target.eventKind ? { kind: target.eventKind } : {}),
                      ...(target.eventAudience ? { audience: target.eventAudience } : {}),
                    })
                  : null;
                return (
                  <li key={target.id} className="space-y-2 py-4" data-target={target.key}>
                    <div className="flex flex-wrap items-baseline justify-between gap-2">
                      <h3 className="font-semibold">{label}</h3>
                      <span
                        className={`rounded-full px-2 py-0.5 text-sm font-medium ${target.achieved ? "bg-brand-50 text-brand-800" : "bg-stone-100 text-stone-800"}`}
                      >
                        {t(target.achieved ? "targets.achieved" : "targets.notYet")}
                      </span>
                    </div>
                    {target.value === null ? (
                      <p className="text-sm text-red-800">{t("targets.unknownMeasure")}</p>
                    ) : (
                      <>
                        <p className="text-stone-800" data-progress={target.key} data-value={target.value}>
                          {t("targets.progress", {
                            value: shown(target.measure, target.value),
                            target: shown(target.measure, target.target),
                          })}
                        </p>
                        <progress
                          className="h-2 w-full max-w-md accent-brand-700"
                          max={100}
                          value={target.percent}
                          aria-label={`${label}: ${target.percent}%`}
                        />
                      </>
                    )}
                    <p className="text-sm text-stone-700">{t(`targets.measure.${target.measure}` as MessageKey)}</p>
                    {target.measure === "coworking_in_operation" ? (
                      <p className="text-sm text-stone-700">
                        {t("targets.coworkingDetail", {
                          deskDays: formatFigure(page.figures.deskDays, locale),
                          roomHours: formatFigure(page.figures.roomHours, locale),
                        })}
                      </p>
                    ) : null}
                    {href ? (
                      <Link
                        to={href}
                        className="text-sm font-medium text-brand-800 underline"
                        aria-label={`${t("targets.viewList")}: ${label}`}
                      >
                        {t("targets.viewList")}
                      </Link>
                    ) : null}
                    <details className="rounded-md border border-stone-200 p-3" open={Boolean(mine?.errors)}>
                      <summary className="cursor-pointer font-medium text-brand-800">
                        {t("targets.edit", { label })}
                      </summary>
                      {mine?.notice ? <FormNotice tone="success">{t(mine.notice)}</FormNotice> : null}
                      <Form method="post" action={formAction} noValidate className="mt-3 space-y-3">
                        <input type="hidden" name="intent" value="update" />
                        <input type="hidden" name="targetId" value={target.id} />
                        <FormErrorSummary errors={mine?.errors} />
                        <TargetFields
                          prefix={`target-${target.id}`}
                          errors={mine?.errors}
                          values={
                            mine?.errors
                              ? mine.values
                              : {
                                  key: target.key,
                                  labelVi: target.labelVi,
                                  labelEn: target.labelEn,
                                  measure: target.measure,
                                  eventKind: target.eventKind ?? "",
                                  eventAudience: target.eventAudience ?? "",
                                  target: String(target.target),
                                  position: String(target.position),
                                }
                          }
                        />
                        <button type="submit" className={buttonClass}>
                          {t("targets.save")}
                        </button>
                      </Form>
                    </details>
                    <Form method="post" action={formAction}>
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="targetId" value={target.id} />
                      <button
                        type="submit"
                        className={dangerButtonClass}
                        aria-label={t("targets.removeLabel", { label })}
                      >
                        {t("targets.remove")}
                      </button>
                    </Form>
                  </li>
                );
              })}
            </ul>
            <Form method="post" action={formAction} className="mt-4">
              <input type="hidden" name="intent" value="copy" />
              <button
                type="submit"
                className="rounded-md border border-brand-800 px-3 py-1 text-sm font-medium text-brand-800 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-800"
              >
                {t("targets.copy", { year: page.year - 1 })}
              </button>
            </Form>
          </section>

          <section aria-labelledby="targets-add" className={`${cardClass} max-w-3xl`}>
            <h2 id="targets-add" className="text-lg font-semibold">
              {t("targets.add")}
            </h2>
            <Form method="post" action={formAction} noValidate className="mt-4 space-y-4" key={add?.notice ?? "add"}>
              <input type="hidden" name="intent" value="add" />
              {add?.notice ? <FormNotice tone="success">{t(add.notice)}</FormNotice> : null}
              <FormErrorSummary errors={add?.errors} />
              <TargetFields prefix="new-target" errors={add?.errors} values={add?.errors ? add.values : undefined} />
              <button type="submit" className={buttonClass}>
                {t("targets.addSubmit")}
              </button>
            </Form>
          </section>
        </>
      ) : null}
    </div>
  );
}

export const meta = titleMeta("targets.nav");
