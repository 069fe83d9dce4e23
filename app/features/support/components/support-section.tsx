import { ScrollRegion } from "~/components/scroll-region";
import { Form } from "@remix-run/react";
import { cardClass } from "~/components/card";
import { FormField } from "~/components/form-field";
import { formatCalendarDate, formatMoney } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/use-translation";
import type { FieldErrors } from "~/utils/forms";
import type { SupportFigure, SupportPeriod } from "../rules";

// Quantities such as 2,5 days or 1.5 hours: the locale's decimal mark, at most two decimals.
const QUANTITY = {
  vi: new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 }),
};

function quantityText(figure: SupportFigure, locale: "vi" | "en") {
  return QUANTITY[locale].format(figure.quantity);
}

/** Support received in a period, source by source. Staff get a period picker (a GET form, so it works without JS). */
export function SupportSection({
  teamId,
  support,
  picker,
}: {
  teamId: string;
  support: { period: SupportPeriod; figures: readonly SupportFigure[]; totalVnd: number };
  picker?: { errors?: FieldErrors; values?: { from: string; to: string } };
}) {
  const t = useT();
  const locale = useLocale();
  const prefix = `support-${teamId}`;
  return (
    <section aria-labelledby={`${prefix}-title`} className={cardClass}>
      <h2 id={`${prefix}-title`} className="text-lg font-semibold">
        {t("support.title")}
      </h2>
      <p className="mt-1 text-sm text-stone-700">
        {t("support.period", {
          from: formatCalendarDate(support.period.from),
          to: formatCalendarDate(support.period.to),
        })}
      </p>
      {picker ? (
        <Form method="get" className="mt-3 flex flex-wrap items-end gap-3">
          <FormField
            id={`${prefix}-from`}
            name="from"
            type="date"
            label="support.from"
            errors={picker.errors}
            defaultValue={picker.values?.from ?? support.period.from}
          />
          <FormField
            id={`${prefix}-to`}
            name="to"
            type="date"
            label="support.to"
            errors={picker.errors}
            defaultValue={picker.values?.to ?? support.period.to}
          />
          <button
            type="submit"
            className="rounded-md border border-brand-800 px-4 py-2 font-medium text-brand-800 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-800"
          >
            {t("support.show")}
          </button>
        </Form>
      ) : null}
      <ScrollRegion label={t("support.title")} className="mt-4">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-stone-300 text-stone-700">
            <tr>
              <th scope="col" className="py-2 pr-4 font-semibold">
                {t("support.source")}
              </th>
              <th scope="col" className="py-2 pr-4 font-semibold">
                {t("support.used")}
              </th>
              <th scope="col" className="py-2 font-semibold">
                {t("support.value")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200">
            {support.figures.map((figure) => (
              <tr key={figure.key}>
                <th scope="row" className="py-2 pr-4 font-medium">
                  {t(`support.source.${figure.key}`)}
                </th>
                <td className="py-2 pr-4 tabular-nums">
                  {t(`support.unit.${figure.key}`, { n: quantityText(figure, locale) })}
                  {figure.unpriced > 0 ? (
                    <span className="block text-xs text-stone-700">
                      {t("support.unpriced", { count: figure.unpriced })}
                    </span>
                  ) : null}
                </td>
                <td className="py-2 tabular-nums">
                  {figure.unvalued ? (
                    <span className="text-stone-700">{t("support.noPrice")}</span>
                  ) : (
                    formatMoney(figure.valueVnd, locale)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t border-stone-300">
            <tr>
              <th scope="row" className="py-2 pr-4 font-semibold">
                {t("support.total")}
              </th>
              <td />
              <td className="py-2 font-semibold tabular-nums">{formatMoney(support.totalVnd, locale)}</td>
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
      <p className="mt-2 text-sm text-stone-700">{t("support.note")}</p>
    </section>
  );
}
