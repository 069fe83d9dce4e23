import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { buttonClass } from "~/components/buttons";
import { cardClass } from "~/components/card";
import { FormErrorSummary, FormField, SelectField } from "~/components/form-field";
import { FormNotice } from "~/features/auth/components/auth-page";
import { titleMeta } from "~/features/auth/meta";
import { auditActor } from "~/features/audit/record-audit.server";
import { requirePermission } from "~/features/auth/session.server";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { invitePerson } from "~/features/invitations/invite-person.server";
import { hoursText } from "~/features/assignments/rules";
import { MentorsNav } from "~/features/mentors/components/mentors-nav";
import { inviteMentorSchema, mentorIdSchema } from "~/features/mentors/forms";
import { listTags, setUserActive } from "~/features/mentors/queries.server";
import { networkFilter, readNetwork } from "~/features/mentors/read-network.server";
import { runOutboxOnce } from "~/features/outbox/worker.server";
import { named } from "~/i18n/named";
import type { MessageKey } from "~/i18n/translate";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { appUrl } from "~/utils/env.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest, forbidden, invariantResponse } from "~/utils/http.server";

type ActionResult = {
  intent: "invite" | "deactivate" | "reactivate";
  errors?: FieldErrors;
  values?: Record<string, string>;
  notice?: MessageKey;
  noticeParams?: Record<string, string>;
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "mentors:manage");
  const filter = networkFilter(new URL(request.url));
  const [mentors, tags] = await Promise.all([
    readNetwork(db(), user.centre_id, filter),
    listTags(db(), user.centre_id, { all: true }),
  ]);
  return { mentors, tags, filter };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = auditActor(context, await requirePermission(request, "mentors:manage"));
  const form = await request.formData();
  const intent = form.get("intent");

  if (intent === "invite") {
    await requirePermission(request, "invite:mentor");
    const parsed = parseForm(inviteMentorSchema, form);
    if (!parsed.ok) return badRequest<ActionResult>({ intent, errors: parsed.errors, values: parsed.values });
    const result = await invitePerson(db(), {
      centre: await requireCurrentCentre(),
      inviter: user,
      actor: user,
      invitee: { ...parsed.data, role: "mentor" },
      appUrl: appUrl(),
    });
    if (!result.ok) {
      if (result.reason === "forbidden-role") forbidden();
      return badRequest<ActionResult>({ intent, errors: result.errors, values: parsed.data });
    }
    void runOutboxOnce();
    return data<ActionResult>({ intent, notice: "mentors.invite.sent", noticeParams: { email: parsed.data.email } });
  }

  if (intent === "deactivate" || intent === "reactivate") {
    const parsed = parseForm(mentorIdSchema, form);
    invariantResponse(parsed.ok);
    const changed = await setUserActive(db(), user.centre_id, parsed.data.mentorId, intent === "reactivate", user);
    invariantResponse(changed);
    return data<ActionResult>({
      intent,
      notice: intent === "reactivate" ? "mentors.network.reactivated" : "mentors.network.deactivated",
    });
  }

  throw new Response("Unknown action", { status: 400 });
}

export default function MentorNetwork() {
  const { mentors, tags, filter } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const locale = useLocale();
  const invite = result?.intent === "invite" ? result : undefined;
  const toggled = result && result.intent !== "invite" ? result : undefined;
  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <h1 className="text-2xl font-bold">{t("mentors.network.title")}</h1>
        <MentorsNav />
      </div>

      <Form method="get" className={`${cardClass} grid gap-3 sm:grid-cols-3 sm:items-end`}>
        <SelectField
          id="filter-tag"
          name="tag"
          label="mentors.filter.expertise"
          defaultValue={filter.tagId ? String(filter.tagId) : ""}
          options={[
            { value: "", label: "mentors.filter.all" },
            ...tags.map((tag) => ({ value: String(tag.id), text: named(tag, locale) })),
          ]}
        />
        <SelectField
          id="filter-load"
          name="load"
          label="mentors.filter.load"
          defaultValue={filter.load ?? ""}
          options={[
            { value: "", label: "mentors.filter.all" },
            { value: "free", label: "mentors.load.free" },
            { value: "busy", label: "mentors.load.busy" },
          ]}
        />
        <div>
          <button type="submit" className={buttonClass}>
            {t("mentors.filter.apply")}
          </button>
        </div>
      </Form>

      {toggled?.notice ? <FormNotice tone="success">{t(toggled.notice)}</FormNotice> : null}

      <section aria-labelledby="network-list" className={cardClass}>
        <h2 id="network-list" className="text-lg font-semibold">
          {t("mentors.network.count", { count: mentors.length })}
        </h2>
        {mentors.length === 0 ? (
          <p className="mt-3 text-stone-700">{t("mentors.network.none")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200">
            {mentors.map((m) => (
              <li key={m.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
                <div className="space-y-1">
                  <p className="font-semibold">
                    <Link to={`/staff/mentors/${m.id}`} className="text-brand-800 underline">
                      {m.name}
                    </Link>
                    {!m.is_active ? (
                      <span className="ml-2 rounded bg-stone-200 px-2 py-0.5 text-xs font-medium text-stone-800">
                        {t("mentors.network.inactive")}
                      </span>
                    ) : null}
                  </p>
                  <p className="text-sm text-stone-700">
                    {[m.title, m.organisation].filter(Boolean).join(" · ") || t("mentors.network.noOrganisation")}
                  </p>
                  <p className="text-sm">
                    {m.tags.length > 0
                      ? m.tags.map((tag) => named(tag, locale)).join(", ")
                      : t("mentors.network.noExpertise")}
                  </p>
                  <p className="text-sm text-stone-800">
                    {t(`mentors.load.${m.load}`)} ·{" "}
                    {t("mentors.network.load", {
                      active: m.activeAssignments,
                      delivered: hoursText(m.deliveredHours, locale),
                      planned: hoursText(m.plannedHours, locale),
                    })}
                  </p>
                  {m.teams.length > 0 ? (
                    <p className="text-sm text-stone-700">
                      {t("mentors.network.teams", { teams: m.teams.join(", ") })}
                    </p>
                  ) : null}
                </div>
                <Form method="post">
                  <input type="hidden" name="mentorId" value={m.id} />
                  <input type="hidden" name="intent" value={m.is_active ? "deactivate" : "reactivate"} />
                  <button
                    type="submit"
                    aria-label={t(m.is_active ? "mentors.network.deactivateLabel" : "mentors.network.reactivateLabel", {
                      name: m.name,
                    })}
                    className="rounded-md border border-stone-700 px-3 py-1 text-sm font-medium text-stone-800 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-800"
                  >
                    {t(m.is_active ? "mentors.network.deactivate" : "mentors.network.reactivate")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="invite-mentor" className={`${cardClass} max-w-xl`}>
        <h2 id="invite-mentor" className="text-lg font-semibold">
          {t("mentors.invite.title")}
        </h2>
        <Form method="post" noValidate className="mt-4 space-y-4" key={invite?.notice ?? "invite"}>
          <input type="hidden" name="intent" value="invite" />
          {invite?.notice ? <FormNotice tone="success">{t(invite.notice, invite.noticeParams)}</FormNotice> : null}
          <FormErrorSummary errors={invite?.errors} />
          <FormField
            id="invite-name"
            name="name"
            label="mentors.invite.name"
            errors={invite?.errors}
            defaultValue={invite?.errors ? invite.values?.name : undefined}
          />
          <FormField
            id="invite-email"
            name="email"
            type="email"
            label="mentors.invite.email"
            errors={invite?.errors}
            defaultValue={invite?.errors ? invite.values?.email : undefined}
          />
          <button type="submit" className={buttonClass}>
            {t("mentors.invite.submit")}
          </button>
        </Form>
      </section>
    </div>
  );
}

export const meta = titleMeta("mentors.network.title");
