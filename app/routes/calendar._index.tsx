import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { FormNotice } from "~/features/auth/components/auth-page";
import { titleMeta } from "~/features/auth/meta";
import { requireUser } from "~/features/auth/session.server";
import { FeedCard, feedAnchor, ResourceFeedPicker, SubscribeHelp } from "~/features/calendar/components/feed-card";
import {
  createFeed,
  readCalendarPage,
  regenerateFeed,
  revokeFeed,
  targetOf,
  type FeedTarget,
} from "~/features/calendar/manage.server";
import { named } from "~/i18n/named";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { forbidden, invariantResponse } from "~/utils/http.server";

const id = z.uuid();
const actionSchema = z.union([
  z.object({ intent: z.literal("create"), kind: z.enum(["person", "centre"]) }),
  z.object({ intent: z.literal("create"), kind: z.literal("team"), teamId: id }),
  z.object({ intent: z.literal("create"), kind: z.literal("resource"), resourceId: id }),
  z.object({ intent: z.enum(["regenerate", "revoke"]), feedId: id }),
]);

const NOTICES = ["created", "regenerated", "revoked"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  // Everyone signed in has a personal calendar; the rest depends on teams and role.
  const user = await requireUser(request);
  return readCalendarPage(db(), user);
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "calendar.error.invalid" as const }, { status: 400 });
  const form = parsed.data;
  let result;
  if (form.intent === "create") {
    const target: FeedTarget =
      form.kind === "team"
        ? { kind: "team", teamId: form.teamId }
        : form.kind === "resource"
          ? { kind: "resource", resourceId: form.resourceId }
          : { kind: form.kind };
    result = await createFeed(db(), user, target);
    if (result.ok) return redirect(`/calendar?notice=created#${feedAnchor(target)}`);
  } else if (form.intent === "regenerate") {
    result = await regenerateFeed(db(), user, form.feedId);
    if (result.ok) return redirect(`/calendar?notice=regenerated#${feedAnchor(targetOf(result.feed))}`);
  } else {
    result = await revokeFeed(db(), user, form.feedId);
    if (result.ok) return redirect(`/calendar?notice=revoked`);
  }
  if (result.status === 403) forbidden();
  invariantResponse(false);
}

export default function MyCalendars() {
  const { staff, person, teams, centre, resources } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const notice = NOTICES.find((n) => n === search.get("notice"));
  const spaceName = (r: { code: string; name_vi: string; name_en: string }) =>
    t("calendar.resource.name", { code: r.code, name: named(r, locale) });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("calendar.title")}</h1>
      <p className="max-w-3xl text-stone-800">{t("calendar.intro")}</p>
      <p className="max-w-3xl text-stone-700">{t("calendar.privacy")}</p>
      {actionData?.error ? <FormNotice tone="error">{t(actionData.error)}</FormNotice> : null}
      {notice && !actionData ? <FormNotice tone="success">{t(`calendar.notice.${notice}`)}</FormNotice> : null}

      <FeedCard
        heading={t("calendar.person.heading")}
        hint={t("calendar.person.hint")}
        feed={person}
        target={{ kind: "person" }}
      />

      {teams.length > 0 ? (
        <section aria-labelledby="calendar-teams" className="space-y-3">
          <h2 id="calendar-teams" className="text-lg font-semibold">
            {t("calendar.teams.heading")}
          </h2>
          {teams.map((team) => (
            <FeedCard
              key={team.id}
              heading={team.name}
              headingLevel={3}
              hint={t("calendar.team.hint", { team: team.name })}
              feed={team.feed}
              target={{ kind: "team", teamId: team.id }}
            />
          ))}
        </section>
      ) : null}

      {staff ? (
        <FeedCard
          heading={t("calendar.centre.heading")}
          hint={t("calendar.centre.hint")}
          feed={centre}
          target={{ kind: "centre" }}
        />
      ) : null}

      <section aria-labelledby="calendar-resources" className="space-y-3">
        <h2 id="calendar-resources" className="text-lg font-semibold">
          {t("calendar.resources.heading")}
        </h2>
        <p className="max-w-3xl text-stone-700">
          {t(staff ? "calendar.resources.hintStaff" : "calendar.resources.hintMember")}
        </p>
        {resources.length === 0 ? <p className="text-stone-700">{t("calendar.resources.none")}</p> : null}
        {resources
          .filter((resource) => resource.feed)
          .map((resource) => (
            <FeedCard
              key={resource.id}
              heading={spaceName(resource)}
              headingLevel={3}
              feed={resource.feed}
              target={{ kind: "resource", resourceId: resource.id }}
            />
          ))}
        <ResourceFeedPicker
          resources={resources.filter((r) => !r.feed).map((r) => ({ id: r.id, name: spaceName(r) }))}
        />
      </section>

      <SubscribeHelp />
    </div>
  );
}

export const meta = titleMeta("calendar.title");
