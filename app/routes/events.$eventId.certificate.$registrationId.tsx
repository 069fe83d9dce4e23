import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DateTime } from "luxon";
import { buttonClass } from "~/components/buttons";
import { titleMeta } from "~/features/auth/meta";
import { can } from "~/features/auth/permissions";
import { getSessionUser } from "~/features/auth/session.server";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { getEvent, getRegistration, teamNameOf } from "~/features/events/queries.server";
import { mayHaveCertificate, placeOf } from "~/features/events/rules";
import { formatDate, formatTime } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { zoneOf } from "~/utils/zones";
import { invariantResponse } from "~/utils/http.server";

// A certificate of attendance, printable on A4: for the person (signed in, or a guest with the
// token of their link) and for staff, who may print anyone's.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const centre = await requireCurrentCentre();
  const user = await getSessionUser(request);
  const event = await getEvent(db(), centre.id, params.eventId ?? "");
  invariantResponse(event, "Not found");
  const registration = await getRegistration(db(), event.id, params.registrationId ?? "");
  invariantResponse(registration, "Not found");
  const token = new URL(request.url).searchParams.get("token");
  const allowed =
    (user && can(user.role, "events:manage")) ||
    (user && registration.user_id === user.id) ||
    (registration.user_id === null && token !== null && token === registration.token);
  // Someone else's certificate is as unknown as a missing one.
  invariantResponse(allowed, "Not found");
  invariantResponse(mayHaveCertificate(event, registration), "Not found");
  const zone = centre.time_zone;
  const organisation = registration.user_id
    ? await teamNameOf(db(), registration.user_id)
    : registration.guest_organisation;
  const issued = DateTime.fromJSDate(event.ends_at, { zone: zoneOf(zone) });
  return {
    centre: {
      name_vi: centre.name_vi,
      name_en: centre.name_en,
      address_vi: centre.address_vi,
      address_en: centre.address_en,
    },
    person: { name: registration.person_name, organisation: organisation || null },
    event: {
      title_vi: event.title_vi,
      title_en: event.title_en,
      organiser: event.organiser,
      date: formatDate(event.starts_at, zone),
      hours: `${formatTime(event.starts_at, zone)}–${formatTime(event.ends_at, zone)}`,
      place_vi: placeOf(event, "vi"),
      place_en: placeOf(event, "en"),
    },
    issued: { day: issued.toFormat("dd"), month: issued.toFormat("MM"), year: issued.toFormat("yyyy") },
    number: registration.id.slice(0, 8).toUpperCase(),
  };
}

export default function Certificate() {
  const { centre, person, event, issued, number } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const vi = locale === "vi";
  return (
    <div className="space-y-4">
      <style>{"@page { size: A4 landscape; margin: 12mm; }"}</style>
      <div className="flex flex-wrap items-center justify-between gap-2 print:hidden">
        <p className="text-stone-800">{t("events.certificate.printHint")}</p>
        <button type="button" className={buttonClass} onClick={() => window.print()}>
          {t("events.certificate.print")}
        </button>
      </div>
      <article
        aria-labelledby="certificate-title"
        className="mx-auto w-full max-w-4xl border-8 border-double border-brand-800 bg-white p-6 text-center font-serif text-stone-900 sm:aspect-[297/210] sm:p-10 print:max-w-none print:border-brand-800"
      >
        <div className="grid grid-cols-2 gap-4 text-sm">
          <div>
            <p className="font-semibold uppercase">{vi ? centre.name_vi : centre.name_en}</p>
            <p>{t("events.certificate.number", { number })}</p>
          </div>
          <div>
            <p className="font-semibold uppercase">{t("events.certificate.nation")}</p>
            <p className="font-semibold">{t("events.certificate.motto")}</p>
          </div>
        </div>
        <h1
          id="certificate-title"
          className="mt-8 text-3xl font-bold tracking-wide text-brand-800 uppercase sm:text-4xl"
        >
          {t("events.certificate.title")}
        </h1>
        <p className="mt-6 text-lg">
          {t("events.certificate.certifies", { centre: vi ? centre.name_vi : centre.name_en })}
        </p>
        <p className="mt-4 text-3xl font-bold">{person.name}</p>
        {person.organisation ? <p className="mt-1 text-lg">{person.organisation}</p> : null}
        <p className="mt-6 text-lg">{t("events.certificate.attended")}</p>
        <p className="mt-2 text-2xl font-semibold">“{vi ? event.title_vi : event.title_en}”</p>
        <p className="mt-4">
          {t("events.certificate.heldOn", {
            date: event.date,
            hours: event.hours,
            place: vi ? event.place_vi : event.place_en,
          })}
        </p>
        {event.organiser ? <p>{t("events.certificate.organiser", { organiser: event.organiser })}</p> : null}
        <div className="mt-10 grid grid-cols-2 gap-4">
          <div />
          <div>
            <p className="italic">{t("events.certificate.issued", issued)}</p>
            <p className="mt-2 font-semibold uppercase">{t("events.certificate.signer")}</p>
            <div className="h-20" />
          </div>
        </div>
      </article>
    </div>
  );
}

export const meta = titleMeta("events.certificate.title");
