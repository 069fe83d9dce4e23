import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getSessionUser } from "~/features/auth/session.server";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { getOpeningHours } from "~/features/centre/queries.server";
import { formatWallClock } from "~/i18n/format";
import { resolveLocale } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-translation";
import type { MessageKey } from "~/i18n/translate";
import { db } from "~/utils/database.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  const locale = await resolveLocale(request, user?.locale);
  const centre = await requireCurrentCentre();
  const hours = await getOpeningHours(db(), centre.id);
  return {
    userName: user?.name ?? null,
    centre: {
      name: locale === "vi" ? centre.name_vi : centre.name_en,
      address: locale === "vi" ? centre.address_vi : centre.address_en,
      phone: centre.phone,
      email: centre.email,
    },
    week: [1, 2, 3, 4, 5, 6, 7].map((weekday) => {
      const open = hours.find((h) => h.weekday === weekday);
      return {
        weekday,
        opens: open ? formatWallClock(open.opens_at) : null,
        closes: open ? formatWallClock(open.closes_at) : null,
      };
    }),
  };
}

export default function Home() {
  const { centre, week, userName } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="space-y-8">
      <section aria-labelledby="home-title" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-stone-200">
        <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">{centre.name}</p>
        <h1 id="home-title" className="mt-2 text-2xl font-bold sm:text-3xl">
          {t("home.title")}
        </h1>
        <p className="mt-3 max-w-2xl text-stone-700">{t("home.lead")}</p>
        {userName ? (
          <p className="mt-4 font-medium">{t("home.welcomeBack", { name: userName })}</p>
        ) : (
          <div className="mt-5 flex flex-wrap gap-3">
            <Link to="/sign-up" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
              {t("home.getStarted")}
            </Link>
            <Link
              to="/sign-in"
              className="rounded-md border border-brand-700 px-4 py-2 font-medium text-brand-800 hover:bg-brand-50"
            >
              {t("nav.signIn")}
            </Link>
          </div>
        )}
      </section>
      <div className="grid gap-6 sm:grid-cols-2">
        <section aria-labelledby="hours-title" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-stone-200">
          <h2 id="hours-title" className="text-lg font-semibold">
            {t("home.openingHours")}
          </h2>
          <dl className="mt-3 divide-y divide-stone-100">
            {week.map((day) => (
              <div key={day.weekday} className="flex justify-between py-1.5">
                <dt>{t(`weekday.${day.weekday}` as MessageKey)}</dt>
                <dd className="tabular-nums">{day.opens ? `${day.opens}–${day.closes}` : t("home.closed")}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section aria-labelledby="contact-title" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-stone-200">
          <h2 id="contact-title" className="text-lg font-semibold">
            {t("home.contact")}
          </h2>
          <dl className="mt-3 space-y-2">
            <div>
              <dt className="text-sm text-stone-600">{t("home.address")}</dt>
              <dd>{centre.address}</dd>
            </div>
            {centre.phone ? (
              <div>
                <dt className="text-sm text-stone-600">{t("home.phone")}</dt>
                <dd>
                  <a className="text-brand-800 underline" href={`tel:${centre.phone.replace(/\s/g, "")}`}>
                    {centre.phone}
                  </a>
                </dd>
              </div>
            ) : null}
            {centre.email ? (
              <div>
                <dt className="text-sm text-stone-600">{t("home.email")}</dt>
                <dd>
                  <a className="text-brand-800 underline" href={`mailto:${centre.email}`}>
                    {centre.email}
                  </a>
                </dd>
              </div>
            ) : null}
          </dl>
        </section>
      </div>
    </div>
  );
}
