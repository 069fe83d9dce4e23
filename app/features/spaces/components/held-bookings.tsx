import { Form, Link } from "@remix-run/react";
import { formatDateTime, formatTime } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/use-translation";
import type { HeldBooking } from "../queries.server";
import { buttonClass } from "./spaces-parts";

/** A booking in the way of a closure or a block, as the confirmation lists it. */
export interface HeldRow {
  id: string;
  resourceCode: string;
  personName: string | null;
  startsAt: string;
  endsAt: string;
  /** The scheduled event whose room this is: cancelling the booking cancels the event. */
  event: { id: string; title_vi: string; title_en: string; people: number } | null;
}

export function heldRow(b: HeldBooking): HeldRow {
  return {
    id: b.id,
    resourceCode: b.resource_code,
    personName: b.person_name,
    startsAt: b.starts_at.toISOString(),
    endsAt: b.ends_at.toISOString(),
    event: b.event_id
      ? {
          id: b.event_id,
          title_vi: b.event_title_vi ?? "",
          title_en: b.event_title_en ?? "",
          people: b.event_people,
        }
      : null,
  };
}

/**
 * The bookings a closure or a block would cancel, with the choice: cancel them (each person
 * is told) or stop. The form sends the same values again, with the ids that were shown.
 */
export function ConfirmHeldBookings({
  held,
  values,
  zone,
}: {
  held: HeldRow[];
  values: Record<string, string>;
  zone: string;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <section
      aria-labelledby="held-title"
      role="alert"
      className="rounded-xl border border-amber-700 bg-amber-50 p-4 sm:p-6"
    >
      <h2 id="held-title" className="text-lg font-semibold text-stone-900">
        {t("spacesAdmin.closures.heldTitle", { count: held.length })}
      </h2>
      <p className="mt-1 text-stone-800">{t("spacesAdmin.closures.heldIntro")}</p>
      <ul className="mt-3 list-disc space-y-1 pl-5 text-stone-900">
        {held.map((b) => (
          <li key={b.id}>
            {b.resourceCode} · {formatDateTime(b.startsAt, zone)}–{formatTime(b.endsAt, zone)} ·{" "}
            {b.personName ?? t("spacesAdmin.closures.heldBlock")}
            {b.event ? (
              <>
                {" · "}
                <Link to={`/staff/events/${b.event.id}`} className="font-medium text-brand-800 underline">
                  {t("spacesAdmin.closures.heldEvent", {
                    title: locale === "vi" ? b.event.title_vi : b.event.title_en,
                    count: b.event.people,
                  })}
                </Link>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <Form method="post" className="mt-4 flex flex-wrap gap-3">
        {Object.entries(values).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {held.map((b) => (
          <input key={b.id} type="hidden" name="shown" value={b.id} />
        ))}
        <button type="submit" name="decision" value="cancel" className={buttonClass}>
          {t("spacesAdmin.closures.cancelThem")}
        </button>
        <button
          type="submit"
          name="decision"
          value="stop"
          className="rounded-md border border-stone-700 px-4 py-2 font-medium text-stone-900 hover:bg-stone-100"
        >
          {t("spacesAdmin.closures.stop")}
        </button>
      </Form>
    </section>
  );
}
