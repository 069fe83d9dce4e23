import { Form, Link } from "@remix-run/react";
import { formatMoney } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/use-translation";
import type { Refusal } from "../plan-booking.server";
import type { BookingView } from "../read-bookings.server";
import { RefusalMessage } from "./refusal";

const buttonClass =
  "rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-800";
const secondaryClass =
  "rounded-md border border-stone-400 bg-white px-3 py-2 text-sm font-medium text-stone-900 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-800";
const inputClass = "block w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base";

/** One booking with what its person can do now: check in, move, cancel (plain forms). */
export function BookingCard({
  booking,
  refusal,
  showLink = true,
}: {
  booking: BookingView;
  refusal?: Pick<Refusal, "code" | "params" | "alternatives"> | null;
  showLink?: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const what = `${booking.code} ${booking.date}`;
  const id = booking.id;
  return (
    <article
      aria-labelledby={`booking-${id}`}
      className="space-y-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-stone-200"
    >
      <h3 id={`booking-${id}`} className="font-semibold">
        {booking.code} · {locale === "vi" ? booking.name_vi : booking.name_en}
      </h3>
      <p className="text-stone-800">
        {booking.date} · {booking.part ? `${t(`bookings.part.${booking.part}`)} · ` : null}
        {booking.start}–{booking.end}
      </p>
      <p className="text-sm text-stone-700">
        {t("bookings.field.status")}: {t(`bookings.status.${booking.status}`)} · {t("bookings.field.price")}:{" "}
        {booking.price === 0 ? t("bookings.price.free") : formatMoney(booking.price, locale)}
      </p>
      {refusal ? <RefusalMessage refusal={refusal} /> : null}
      <div className="flex flex-wrap gap-2">
        {booking.status === "held" ? (
          // Held until paid (decision 015).
          <Link to={`/bookings/${id}/pay`} className={buttonClass}>
            {t("payments.account.pay")}
          </Link>
        ) : null}
        {booking.canCheckIn ? (
          <Form method="post" action="/bookings">
            <input type="hidden" name="intent" value="checkIn" />
            <input type="hidden" name="bookingId" value={id} />
            <button type="submit" className={buttonClass}>
              {t("bookings.action.checkIn")}
            </button>
          </Form>
        ) : null}
        {booking.canCancel ? (
          <Form method="post" action="/bookings">
            <input type="hidden" name="intent" value="cancel" />
            <input type="hidden" name="bookingId" value={id} />
            <button type="submit" className={secondaryClass} aria-label={t("bookings.action.cancelLabel", { what })}>
              {t("bookings.action.cancel")}
            </button>
          </Form>
        ) : null}
        {booking.canCancel && booking.inSeries ? (
          <Form method="post" action="/bookings">
            <input type="hidden" name="intent" value="cancelSeries" />
            <input type="hidden" name="bookingId" value={id} />
            <button type="submit" className={secondaryClass}>
              {t("bookings.series.cancelRest")}
            </button>
          </Form>
        ) : null}
        {showLink ? (
          <Link to={`/bookings/${id}`} className="self-center text-sm font-medium text-brand-800 underline">
            {t("bookings.list.details")}
          </Link>
        ) : null}
      </div>
      {booking.canCancel && booking.status === "confirmed" ? (
        <details>
          <summary className="cursor-pointer text-sm font-medium text-brand-800">{t("bookings.action.move")}</summary>
          <Form method="post" action="/bookings" className="mt-3 grid gap-3 sm:grid-cols-2">
            <input type="hidden" name="intent" value="move" />
            <input type="hidden" name="bookingId" value={id} />
            <label className="block text-sm font-medium text-stone-800">
              {t("bookings.field.resource")}
              <input name="resourceCode" defaultValue={booking.code} required className={inputClass} />
            </label>
            <label className="block text-sm font-medium text-stone-800">
              {t("bookings.field.date")}
              <input type="date" name="date" defaultValue={booking.isoDate} required className={inputClass} />
            </label>
            {booking.isDesk ? (
              <label className="block text-sm font-medium text-stone-800">
                {t("bookings.field.part")}
                <select name="part" defaultValue={booking.part ?? "day"} className={inputClass}>
                  {(["morning", "afternoon", "day"] as const).map((part) => (
                    <option key={part} value={part}>
                      {t(`bookings.part.${part}`)}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <>
                <label className="block text-sm font-medium text-stone-800">
                  {t("bookings.field.start")}
                  <input type="time" step={1800} name="start" defaultValue={booking.start} className={inputClass} />
                </label>
                <label className="block text-sm font-medium text-stone-800">
                  {t("bookings.field.minutes")}
                  <input
                    type="number"
                    name="minutes"
                    min={30}
                    step={30}
                    defaultValue={booking.minutes}
                    className={inputClass}
                  />
                </label>
                <label className="block text-sm font-medium text-stone-800">
                  {t("bookings.field.people")}
                  <input type="number" name="people" min={1} defaultValue={booking.attendees} className={inputClass} />
                </label>
              </>
            )}
            <div className="sm:col-span-2">
              <button type="submit" className={buttonClass}>
                {t("bookings.action.moveSubmit")}
              </button>
            </div>
          </Form>
        </details>
      ) : null}
    </article>
  );
}
