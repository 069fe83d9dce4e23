import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { buttonClass } from "~/components/buttons";
import { cardClass } from "~/components/card";
import { SelectField, TextAreaField } from "~/components/form-field";
import { FormErrorSummary } from "~/components/form-field";
import { FormNotice } from "~/features/auth/components/auth-page";
import { titleMeta } from "~/features/auth/meta";
import { auditActor } from "~/features/audit/record-audit.server";
import { requirePermission } from "~/features/auth/session.server";
import { answerRequest } from "~/features/assignments/answer-request.server";
import { answerFormSchema } from "~/features/assignments/forms";
import { listRequests } from "~/features/assignments/queries.server";
import { MentorsNav } from "~/features/mentors/components/mentors-nav";
import { runOutboxOnce } from "~/features/outbox/worker.server";
import { formatDateTime } from "~/i18n/format";
import type { MessageKey } from "~/i18n/translate";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { parseForm, typedValues, type FieldErrors } from "~/utils/forms";
import { badRequest, invariantResponse } from "~/utils/http.server";

type ActionResult = {
  requestId?: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
  notice?: MessageKey;
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "mentors:manage");
  // Every open request, and only the 30 latest answered or declined ones.
  const [open, answered] = await Promise.all([
    listRequests(db(), user.centre_id, { status: "open" }),
    listRequests(db(), user.centre_id, { closed: true, limit: 30 }),
  ]);
  return { open, answered };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = auditActor(context, await requirePermission(request, "mentors:manage"));
  const form = await request.formData();
  const parsed = parseForm(answerFormSchema, form);
  const requestId = typeof form.get("requestId") === "string" ? String(form.get("requestId")) : undefined;
  if (!parsed.ok) return badRequest<ActionResult>({ requestId, errors: parsed.errors, values: parsed.values });
  const result = await answerRequest(db(), {
    centreId: user.centre_id,
    staffId: user.id,
    ...parsed.data,
    actor: user,
  });
  invariantResponse(result);
  if (!result.ok) return badRequest<ActionResult>({ requestId, errors: result.errors, values: typedValues(form) });
  void runOutboxOnce();
  return data<ActionResult>({ notice: "assignments.requests.answered" });
}

export default function MentorRequests() {
  const { open, answered } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const locale = useLocale();
  const tagName = (r: { tag_name_vi: string | null; tag_name_en: string | null }) =>
    (locale === "en" ? r.tag_name_en : r.tag_name_vi) ?? "—";
  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <h1 className="text-2xl font-bold">{t("assignments.requests.title")}</h1>
        <MentorsNav />
      </div>
      {result?.notice ? <FormNotice tone="success">{t(result.notice)}</FormNotice> : null}

      <section aria-labelledby="open-requests" className={cardClass}>
        <h2 id="open-requests" className="text-lg font-semibold">
          {t("assignments.requests.open", { count: open.length })}
        </h2>
        {open.length === 0 ? <p className="mt-3 text-stone-700">{t("assignments.requests.none")}</p> : null}
        <ul className="mt-3 divide-y divide-stone-200">
          {open.map((r) => {
            const mine = result?.requestId === r.id ? result : undefined;
            return (
              <li key={r.id} className="space-y-3 py-4">
                <div>
                  <p className="font-semibold">
                    {r.team_name} · {tagName(r)}
                  </p>
                  <p className="text-sm text-stone-700">
                    {t("assignments.requests.askedBy", {
                      name: r.requested_by_name ?? "—",
                      when: formatDateTime(r.created_at),
                    })}
                  </p>
                  <p className="mt-1 whitespace-pre-line">{r.note}</p>
                </div>
                <Link
                  to={`/staff/mentors/assignments?request=${r.id}`}
                  className="inline-block font-medium text-brand-800 underline"
                >
                  {t("assignments.requests.assign")}
                </Link>
                <Form method="post" noValidate className="max-w-xl space-y-3">
                  <input type="hidden" name="requestId" value={r.id} />
                  <FormErrorSummary errors={mine?.errors} />
                  <SelectField
                    id={`decision-${r.id}`}
                    name="decision"
                    label="assignments.requests.decision"
                    errors={mine?.errors}
                    defaultValue={mine?.values?.decision ?? "reply"}
                    options={[
                      { value: "reply", label: "assignments.requests.reply" },
                      { value: "decline", label: "assignments.requests.decline" },
                    ]}
                  />
                  <TextAreaField
                    id={`answer-${r.id}`}
                    name="answer"
                    rows={3}
                    label="assignments.requests.answer"
                    errors={mine?.errors}
                    defaultValue={mine?.values?.answer ?? ""}
                  />
                  <button type="submit" className={buttonClass}>
                    {t("assignments.requests.send")}
                  </button>
                </Form>
              </li>
            );
          })}
        </ul>
      </section>

      {answered.length > 0 ? (
        <section aria-labelledby="answered-requests" className={cardClass}>
          <h2 id="answered-requests" className="text-lg font-semibold">
            {t("assignments.requests.answeredList")}
          </h2>
          <ul className="mt-3 divide-y divide-stone-200">
            {answered.map((r) => (
              <li key={r.id} className="py-3">
                <p className="font-semibold">
                  {r.team_name} · {tagName(r)} · {t(`assignments.requestStatus.${r.status}`)}
                </p>
                {r.answer ? <p className="text-sm whitespace-pre-line">{r.answer}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export const meta = titleMeta("assignments.requests.title");
