import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DateTime } from "luxon";
import { z } from "zod";
import { FormField } from "~/components/form-field";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import {
  SpacesTabs,
  StateBadge,
  StateLegend,
  STATE_CLASS,
  STATE_STYLE,
} from "~/features/availability/components/spaces-views";
import { dayAvailability } from "~/features/availability/queries.server";
import { describeRanges, freeIntervals, slotGrid, slotStates, type SpaceState } from "~/features/availability/rules";
import { getCentreZone } from "~/features/bookings/queries.server";
import { parseLocalDate } from "~/features/bookings/rules";
import { formatCalendarDate } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import type { FieldErrors } from "~/utils/forms";

const querySchema = z.object({ date: z.string().trim().optional() });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "spaces:view");
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const zone = await getCentreZone(db(), user.centre_id);
  const date = query.date || DateTime.now().setZone(zone).toISODate()!;
  const errors: FieldErrors = {};
  if (!parseLocalDate(date, zone)) errors.date = "spaces.error.date";
  const availability = errors.date ? null : await dayAvailability(db(), user, date);
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
      return {
        id: r.id,
        code: r.code,
        kind: r.kind,
        name_vi: r.name_vi,
        name_en: r.name_en,
        capacity: r.capacity,
        notBookable: !r.bookable,
        freeRanges: describeRanges(free, zone),
        slots: slots.map((slot, i) => {
          const state = states[i] ?? "closed";
          // An hour when the next slot is free too, else the half hour that is left.
          const minutes = states[i + 1] === "free" ? 60 : 30;
          return {
            time: slot.time,
            state,
            href:
              state === "free" && r.bookable
                ? `/bookings/new?resource=${r.id}&date=${date}&start=${slot.time}&minutes=${minutes}&people=1`
                : null,
          };
        }),
      };
    });
  const body = { date, times: slots.map((s) => s.time), rooms, closed: !errors.date && !opening, errors };
  return errors.date ? data(body, { status: 400 }) : body;
}

export default function RoomTimeline() {
  const { date, times, rooms, closed, errors } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const nameOf = (r: { name_vi: string; name_en: string }) => (locale === "vi" ? r.name_vi : r.name_en);
  return (
    <div className="space-y-6">
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
        <>
          <StateLegend />
          {/* Wide screens: rooms as rows, 30-minute slots as columns. */}
          <div
            className="hidden overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-stone-200 md:block"
            tabIndex={0}
            role="region"
            aria-label={t("spaces.rooms.tableCaption", { date: formatCalendarDate(date) })}
          >
            <table className="min-w-full border-collapse text-sm">
              <caption className="sr-only">
                {t("spaces.rooms.tableCaption", { date: formatCalendarDate(date) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="sticky left-0 bg-white p-2 text-left">
                    {t("spaces.rooms.room")}
                  </th>
                  {times.map((time) => (
                    <th key={time} scope="col" className="p-1 text-xs font-medium text-stone-700">
                      {time}
                    </th>
                  ))}
                  <th scope="col" className="p-2 text-left">
                    {t("spaces.rooms.summary")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rooms.map((room) => (
                  <tr key={room.id} className="border-t border-stone-200">
                    <th scope="row" className="sticky left-0 bg-white p-2 text-left font-medium whitespace-nowrap">
                      {room.code} · {nameOf(room)}
                      <span className="block text-xs font-normal text-stone-700">
                        {t("spaces.capacity", { n: room.capacity })}
                      </span>
                    </th>
                    {room.slots.map((slot) => (
                      <td key={slot.time} className="p-0.5">
                        {slot.href ? (
                          <Link
                            to={slot.href}
                            aria-label={t("spaces.rooms.slotLabel", { code: room.code, time: slot.time })}
                            className={`block h-8 min-w-8 rounded text-center leading-8 ring-1 hover:ring-2 ${STATE_CLASS.free}`}
                          >
                            <span aria-hidden="true">+</span>
                          </Link>
                        ) : (
                          <span
                            title={`${slot.time} · ${t(`spaces.state.${slot.state}`)}`}
                            className={`block h-8 min-w-8 rounded text-center leading-8 ring-1 ${STATE_CLASS[slot.state]}`}
                          >
                            <span aria-hidden="true">{STATE_STYLE[slot.state].symbol}</span>
                            <span className="sr-only">{t(`spaces.state.${slot.state}`)}</span>
                          </span>
                        )}
                      </td>
                    ))}
                    <td className="p-2 whitespace-nowrap text-stone-800">
                      {room.freeRanges.length > 0
                        ? t("spaces.rooms.freeRanges", { ranges: room.freeRanges.join(", ") })
                        : t("spaces.rooms.noFree")}
                      {room.notBookable ? (
                        <span className="block text-xs text-stone-700">{t("spaces.state.notBookable")}</span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          {/* Phones: one card per room with its free slots as links. */}
          <ul className="space-y-4 md:hidden">
            {rooms.map((room) => (
              <li key={room.id} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-stone-200">
                <h2 className="font-semibold">
                  {room.code} · {nameOf(room)}
                </h2>
                <p className="text-sm text-stone-700">
                  {t(`bookings.kind.${room.kind}`)} · {t("spaces.capacity", { n: room.capacity })}
                </p>
                <p className="mt-2 text-stone-800">
                  {room.freeRanges.length > 0 ? (
                    t("spaces.rooms.freeRanges", { ranges: room.freeRanges.join(", ") })
                  ) : (
                    <StateBadge state="taken" />
                  )}
                </p>
                {room.notBookable ? (
                  <p className="mt-2 text-sm text-stone-700">{t("spaces.state.notBookable")}</p>
                ) : null}
                {room.slots.some((s) => s.href) ? (
                  <>
                    <h3 className="mt-3 text-sm font-medium text-stone-800">{t("spaces.rooms.freeSlots")}</h3>
                    <ul className="mt-2 flex flex-wrap gap-2">
                      {room.slots
                        .filter((s) => s.href)
                        .map((slot) => (
                          <li key={slot.time}>
                            <Link
                              to={slot.href!}
                              aria-label={t("spaces.rooms.slotLabel", { code: room.code, time: slot.time })}
                              className="inline-block min-w-14 rounded-md bg-green-100 px-2 py-2 text-center font-medium text-green-950 ring-1 ring-green-800"
                            >
                              {slot.time}
                            </Link>
                          </li>
                        ))}
                    </ul>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

export const meta = titleMeta("spaces.rooms.title");
