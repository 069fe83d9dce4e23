import { Form } from "@remix-run/react";
import { buttonClass } from "~/components/buttons";
import { FormField } from "~/components/form-field";
import type { MessageKey } from "~/i18n/translate";
import { useT } from "~/i18n/use-translation";

/** The year chooser of the targets page, the report and its lists: a plain GET form. */
export function YearForm({ value, error }: { value: string | number; error?: MessageKey }) {
  const t = useT();
  return (
    <Form method="get" className="flex flex-wrap items-end gap-3 print:hidden">
      <div className="w-32">
        <FormField
          id="report-year"
          name="year"
          label="reports.yearLabel"
          inputMode="numeric"
          defaultValue={String(value)}
          errors={error ? { year: error } : undefined}
        />
      </div>
      <button type="submit" className={buttonClass}>
        {t("reports.show")}
      </button>
    </Form>
  );
}
