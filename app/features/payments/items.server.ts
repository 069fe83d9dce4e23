import { describeWhen } from "~/features/bookings/notify.server";
import type { Plan } from "~/features/bookings/plan-booking.server";
import { named } from "~/i18n/named";
import { translator } from "~/i18n/translate";

/** What a receipt says a booking was, in both languages: "Phòng họp P-201 — 01/12/2026, 14:00–16:00". */
export function bookingItem(plan: Pick<Plan, "resource" | "dayPart" | "period" | "zone">): { vi: string; en: string } {
  const when = { day_part: plan.dayPart, starts_at: plan.period.start, ends_at: plan.period.end };
  const line = (locale: "vi" | "en") => {
    const t = translator(locale);
    return t("payments.item.booking", {
      code: plan.resource.code,
      name: named(plan.resource, locale),
      when: describeWhen(t, when, plan.zone),
    });
  };
  return { vi: line("vi"), en: line("en") };
}
