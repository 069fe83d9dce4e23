import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { titleMeta } from "~/features/auth/meta";
import { auditActor } from "~/features/audit/record-audit.server";
import { requirePermission } from "~/features/auth/session.server";
import { cancelBooking } from "~/features/bookings/cancel-booking.server";
import { cancelSeriesFrom } from "~/features/bookings/cancel-series.server";
import { checkIn } from "~/features/bookings/check-in.server";
import { BookingCard } from "~/features/bookings/components/booking-card";
import { choiceFields } from "~/features/bookings/forms";
import { moveBooking } from "~/features/bookings/move-booking.server";
import type { Refusal } from "~/features/bookings/plan-booking.server";
import { getResourceByCode } from "~/features/bookings/queries.server";
import { myBookings } from "~/features/bookings/read-bookings.server";
import { statusFor } from "~/features/bookings/rules";
import { SubscribeLink } from "~/features/calendar/components/add-to-calendar";
import { useT } from "~/i18n/use-translation";
import type { MessageKey } from "~/i18n/translate";
import { db } from "~/utils/database.server";

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("cancel"), bookingId: z.string() }),
  z.object({ intent: z.literal("checkIn"), bookingId: z.string() }),
  z.object({ intent: z.literal("cancelSeries"), bookingId: z.string() }),
  z.object({
    intent: z.literal("move"),
    bookingId: z.string(),
    resourceCode: z.string().trim().default(""),
    ...choiceFields,
  }),
]);

const NOTICES: Record<string, MessageKey> = {
  booked: "bookings.notice.booked",
  bookedFor: "bookings.notice.bookedFor",
  cancelled: "bookings.notice.cancelled",
  moved: "bookings.notice.moved",
  checkedIn: "bookings.notice.checkedIn",
  seriesBooked: "bookings.series.booked",
  seriesCancelled: "bookings.series.cancelled",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "bookings:book");
  return myBookings(db(), user);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = auditActor(context, await requirePermission(request, "bookings:book"));
  const raw = Object.fromEntries([...(await request.formData()).entries()].filter(([, v]) => typeof v === "string"));
  const parsed = actionSchema.safeParse(raw);
  if (!parsed.success) {
    return data(
      { bookingId: null, refusal: { code: "not_found" } as Pick<Refusal, "code" | "params" | "alternatives"> },
      { status: 400 },
    );
  }
  const form = parsed.data;
  let result: { ok: true } | Refusal;
  let notice: string;
  if (form.intent === "cancel") {
    result = await cancelBooking(db(), user, form.bookingId);
    notice = "cancelled";
  } else if (form.intent === "cancelSeries") {
    const cancelled = await cancelSeriesFrom(db(), user, form.bookingId);
    result = cancelled;
    notice = cancelled.ok ? `seriesCancelled&count=${cancelled.cancelled}` : "";
  } else if (form.intent === "checkIn") {
    result = await checkIn(db(), user, form.bookingId);
    notice = "checkedIn";
  } else {
    const resource = form.resourceCode ? await getResourceByCode(db(), user.centre_id, form.resourceCode) : undefined;
    result = resource
      ? await moveBooking(db(), user, form.bookingId, {
          resourceId: resource.id,
          date: form.date,
          part: form.part || null,
          start: form.start || null,
          minutes: form.minutes,
          people: form.people,
        })
      : { ok: false, code: "unknown_resource" };
    notice = "moved";
  }
  if (result.ok) return redirect(`/bookings?notice=${notice}`);
  const refusal: Pick<Refusal, "code" | "params" | "alternatives"> = {
    code: result.code,
    params: result.params,
    alternatives: result.alternatives,
  };
  return data({ bookingId: form.bookingId, refusal }, { status: statusFor(result.code) });
}

export default function MyBookings() {
  const { upcoming, past } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const notice = NOTICES[searchParams.get("notice") ?? ""];
  const refusalFor = (id: string) => (actionData?.bookingId === id ? actionData.refusal : null);
  const orphan = actionData && !upcoming.some((b) => b.id === actionData.bookingId) ? actionData.refusal : null;
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">{t("bookings.list.title")}</h1>
      <SubscribeLink />
      {notice && !actionData ? (
        <p role="status" className="rounded-md border border-green-700 bg-green-50 p-3 text-green-900">
          {t(notice, { count: Number(searchParams.get("count") ?? 0) })}
        </p>
      ) : null}
      {orphan ? (
        <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 font-medium text-red-900">
          {t(`bookings.error.${orphan.code}`, orphan.params)}
        </p>
      ) : null}
      <section aria-labelledby="upcoming" className="space-y-3">
        <h2 id="upcoming" className="text-xl font-semibold">
          {t("bookings.list.upcoming")}
        </h2>
        {upcoming.length === 0 ? <p className="text-stone-700">{t("bookings.list.none")}</p> : null}
        {upcoming.map((booking) => (
          <BookingCard key={booking.id} booking={booking} refusal={refusalFor(booking.id)} />
        ))}
      </section>
      <section aria-labelledby="past" className="space-y-3">
        <h2 id="past" className="text-xl font-semibold">
          {t("bookings.list.past")}
        </h2>
        {past.length === 0 ? <p className="text-stone-700">{t("bookings.list.none")}</p> : null}
        {past.map((booking) => (
          <BookingCard key={booking.id} booking={booking} />
        ))}
      </section>
    </div>
  );
}

export const meta = titleMeta("bookings.list.title");
