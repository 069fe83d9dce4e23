import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary } from "~/components/form-field";
import { titleMeta } from "~/features/auth/meta";
import { auditActor } from "~/features/audit/record-audit.server";
import { requirePermission } from "~/features/auth/session.server";
import { getCentreZone } from "~/features/bookings/queries.server";
import {
  buttonClass,
  JudgingPage,
  linkClass,
  named,
  RoundFields,
  Section,
} from "~/features/judging/components/judging-parts";
import { roundFormSchema } from "~/features/judging/forms";
import { listRounds } from "~/features/judging/queries.server";
import { requireProgramme } from "~/features/programmes/require-programme.server";
import { saveRound } from "~/features/judging/save-round.server";
import { formatDateTime } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { parseForm } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "judging:manage");
  const programme = await requireProgramme(user.centre_id, params.programmeId);
  const [rounds, zone] = await Promise.all([listRounds(db(), programme.id), getCentreZone(db(), user.centre_id)]);
  return { programme, rounds, zone };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = auditActor(context, await requirePermission(request, "judging:manage"));
  const programme = await requireProgramme(user.centre_id, params.programmeId);
  const parsed = parseForm(roundFormSchema, await request.formData());
  if (!parsed.ok) return badRequest({ errors: parsed.errors, values: parsed.values });
  const zone = await getCentreZone(db(), user.centre_id);
  const result = await saveRound(db(), { programmeId: programme.id, zone, form: parsed.data, actor: user });
  if (!result.ok) return badRequest({ errors: result.errors, values: parsed.data });
  return redirect(`/staff/programmes/${programme.id}/judging/${result.roundId}?created=1`);
}

export default function ProgrammeJudging() {
  const { programme, rounds, zone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  return (
    <JudgingPage
      title={t("judging.rounds.title")}
      subtitle={named(programme, locale)}
      back={{ to: "/judging", label: t("judging.backToJudging") }}
    >
      <Section id="rounds" title={t("judging.rounds.list")}>
        {rounds.length === 0 ? (
          <p className="mt-2 text-stone-700">{t("judging.rounds.none")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200">
            {rounds.map((round) => (
              <li key={round.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <div>
                  <Link to={`/staff/programmes/${programme.id}/judging/${round.id}`} className={linkClass}>
                    {named(round, locale)}
                  </Link>
                  <p className="text-sm text-stone-700">
                    {t("judging.rounds.summary", {
                      closes: formatDateTime(round.scoring_closes_at, zone),
                      criteria: round.criteria ?? 0,
                      scored: round.scored ?? 0,
                      assigned: round.assignments ?? 0,
                    })}
                  </p>
                </div>
                <Link to={`/staff/programmes/${programme.id}/judging/${round.id}/ranking`} className={linkClass}>
                  {t("judging.ranking.title")}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="round-add" title={t("judging.rounds.add")}>
        <Form method="post" noValidate className="mt-4 max-w-2xl space-y-4">
          <FormErrorSummary errors={actionData?.errors} />
          <RoundFields errors={actionData?.errors} values={actionData?.values} />
          <button type="submit" className={buttonClass}>
            {t("judging.rounds.create")}
          </button>
        </Form>
      </Section>
    </JudgingPage>
  );
}

export const meta = titleMeta("judging.rounds.title");
