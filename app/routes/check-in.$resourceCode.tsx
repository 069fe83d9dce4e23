import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { checkInAtResource } from "~/features/bookings/check-in.server";
import { findBookingToCheckIn } from "~/features/bookings/read-bookings.server";
import { statusFor, type BookingErrorCode } from "~/features/bookings/rules";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";

// The page a desk's QR code opens. GET shows what will happen; the check-in itself is a POST.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "bookings:book");
  const code = params.resourceCode ?? "";
  const found = await findBookingToCheckIn(db(), user, code);
  if (!found.ok)
    return data({ code, booking: null, error: found.code as BookingErrorCode }, { status: statusFor(found.code) });
  return { code, booking: found.booking, error: null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "bookings:book");
  const code = params.resourceCode ?? "";
  const result = await checkInAtResource(db(), user, code);
  if (!result.ok)
    return data({ done: false as const, code: result.code, params: result.params }, { status: statusFor(result.code) });
  return { done: true as const, code: null, params: undefined };
}

export default function CheckInPage() {
  const { code, booking, error } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const when = booking ? `${booking.date} ${booking.start}–${booking.end}` : "";
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-2xl font-bold">{t("bookings.checkIn.title", { code })}</h1>
      {actionData?.done || booking?.status === "checked_in" ? (
        <p role="status" className="rounded-md border border-green-700 bg-green-50 p-3 text-green-900">
          {t("bookings.checkIn.done", { code, when })}
        </p>
      ) : actionData && !actionData.done ? (
        <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 font-medium text-red-900">
          {t(`bookings.error.${actionData.code}`, actionData.params)}
        </p>
      ) : error ? (
        <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 font-medium text-red-900">
          {t(`bookings.error.${error}`)}
        </p>
      ) : booking ? (
        <Form method="post" className="space-y-3 rounded-xl bg-white p-6 shadow-sm ring-1 ring-stone-200">
          <p className="text-stone-800">{when}</p>
          <button
            type="submit"
            className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-800"
          >
            {t("bookings.checkIn.submit")}
          </button>
        </Form>
      ) : null}
    </div>
  );
}

export const meta = titleMeta("bookings.action.checkIn");
