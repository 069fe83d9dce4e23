import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { DateTime } from "luxon";
import { z } from "zod";
import { FormField } from "~/components/form-field";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { slotHref, SpacesTabs, StateLegend, STATE_VARIANTS } from "~/features/availability/components/spaces-views";
import { availabilityBasis, dayAvailability } from "~/features/availability/queries.server";
import { describeRanges, freeIntervals, slotGrid, slotStates, type SpaceState } from "~/features/availability/rules";
import { parseLocalDate } from "~/features/bookings/rules";
import { formatCalendarDate } from "~/i18n/format";
import { resolveLocale } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import type { FieldErrors } from "~/utils/forms";

const querySchema = z.object({ date: z.string().trim().optional() });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "spaces:view");
  // Names in the reader's language only: the page data is embedded in the HTML too.
  const locale = await resolveLocale(request, user.locale);
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  // One read of what does not depend on the day, the centre's zone among it.
  const basis = await availabilityBasis(db(), user);
  const { zone } = basis;
  const date = query.date || DateTime.now().setZone(zone).toISODate()!;
  const errors: FieldErrors = {};
  if (!parseLocalDate(date, zone)) errors.date = "spaces.error.date";
  const availability = errors.date
    ? null
    : await dayAvailability(db(), user, date, undefined, undefined, { rooms: true }, basis);
  const opening = availability?.opening ?? null;
  const slots = opening ? slotGrid(opening, zone) : [];
  const rooms = (availability?.resources ?? [])
    .filter((r) => r.room)
    .map((r) => {
      // Time already past is among the busy periods (closed), so a slot that has started
      // cannot be picked, as the booking rules refuse it.
      const states: SpaceState[] = slotStates(slots, r.busy);
      // Free ranges in whole slots: the rest of a slot already started is not offered.
      const free = opening
        ? freeIntervals(opening, [
            ...r.busy,
            ...slots.filter((_, i) => states[i] === "closed").map((s) => ({ start: s.start, end: s.end })),
          ])
        : [];
      // Only what the page shows: each slot's link is built from `book` (slotHref).
      return {
        id: r.id,
        code: r.code,
        kind: r.kind,
        name: locale === "vi" ? r.name_vi : r.name_en,
        capacity: r.capacity,
        notBookable: !r.bookable,
        freeRanges: describeRanges(free, zone),
        book: r.bookable ? `/bookings/new?resource=${r.id}&date=${date}` : null,
        states,
      };
    });
  const body = { date, times: slots.map((s) => s.time), rooms, closed: !errors.date && !opening, errors };
  return errors.date ? data(body, { status: 400 }) : body;
}

export default function RoomTimeline() {
  const { date, times, rooms, closed, errors } = useLoaderData<typeof loader>();
  const t = useT();
  const caption = t("spaces.rooms.tableCaption", { date: formatCalendarDate(date) });
  const stateName = {
    free: t("spaces.state.free"),
    taken: t("spaces.state.taken"),
    mine: t("spaces.state.mine"),
    closed: t("spaces.state.closed"),
  };
  return (
    <div className={`space-y-6 ${STATE_VARIANTS}`}>
      <h1 className="text-2xl font-bold">{t("spaces.rooms.title")}</h1>
      <SpacesTabs date={errors.date ? undefined : date} />
      <p className="text-stone-700">{t("spaces.rooms.intro")}</p>
      <Form
        method="get"
        className="flex flex-wrap items-end gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-stone-200"
      >
        <FormField name="date" type="date" label="spaces.field.date" errors={errors} defaultValue={date} />
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
          {t("spaces.show")}
        </button>
      </Form>
      {closed ? (
        <p className="rounded-md bg-red-50 p-3 font-medium text-red-900 ring-1 ring-red-800">
          {t("spaces.rooms.closed")}
        </p>
      ) : null}
      {!closed && !errors.date && rooms.length === 0 ? <p>{t("spaces.rooms.none")}</p> : null}

      {!closed && rooms.length > 0 ? (
        <section aria-labelledby="timeline-title" className="space-y-4">
          <h2 id="timeline-title" className="text-lg font-semibold">
            {caption}
          </h2>
          <StateLegend />
          {/* One layout for every screen: a card per room, its 30-minute slots wrapping as
              the width allows. Free slots are plain links (a full page load of the booking
              form), every other slot says its state in words as well as by pattern. */}
          <ul className="space-y-4">
            {rooms.map((room) => (
              <li
                key={room.id}
                className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-stone-200 md:grid md:grid-cols-[14rem_1fr] md:gap-4"
              >
                <div>
                  <h3 className="font-semibold">{`${room.code} · ${room.name}`}</h3>
                  <p className="text-sm text-stone-700">
                    {`${t(`bookings.kind.${room.kind}`)} · ${t("spaces.capacity", { n: room.capacity })}`}
                  </p>
                  <p className="mt-1 text-stone-800">
                    {room.freeRanges.length > 0
                      ? t("spaces.rooms.freeRanges", { ranges: room.freeRanges.join(", ") })
                      : t("spaces.rooms.noFree")}
                  </p>
                  {room.notBookable ? <p className="text-sm text-stone-700">{t("spaces.state.notBookable")}</p> : null}
                </div>
                <ol className="mt-3 flex flex-wrap gap-1 text-sm *:*:block *:*:w-14 *:*:rounded *:*:py-1.5 *:*:text-center *:*:ring-1 md:mt-0 md:self-center [&_a]:font-medium [&_a:hover]:ring-2">
                  {times.map((time, i) => {
                    const href = slotHref(room.book, times, room.states, i);
                    const state = room.states[i] ?? "closed";
                    return (
                      <li key={time}>
                        {href ? (
                          <a
                            href={href}
                            data-state="free"
                            aria-label={t("spaces.rooms.slotLabel", { code: room.code, time })}
                          >
                            {time}
                          </a>
                        ) : (
                          <span data-state={state}>
                            {time}
                            <span className="sr-only">{` · ${stateName[state]}`}</span>
                          </span>
                        )}
                      </li>
                    );
                  })}
                </ol>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export const meta = titleMeta("spaces.rooms.title");
