import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { PASS_KINDS, type PassKind } from "#db/schema";
import { cardClass } from "~/components/card";
import { buttonClass } from "~/components/buttons";
import { FormErrorSummary, FormField } from "~/components/form-field";
import { titleMeta } from "~/features/auth/meta";
import { auditActor } from "~/features/audit/record-audit.server";
import { requirePermission } from "~/features/auth/session.server";
import { bankSchema, passProductSchema } from "~/features/payments/forms";
import { listPassProducts } from "~/features/payments/passes.server";
import { readBankSettings, saveBankSettings, savePassProduct } from "~/features/payments/prices.server";
import type { MessageKey } from "~/i18n/translate";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { parseForm, type FieldErrors } from "~/utils/forms";

// Staff set the passes' prices and terms, and the account bank transfers go to.

type ActionResult = { form: string; errors: FieldErrors; values: Record<string, string> };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "payments:manage");
  const [products, bank] = await Promise.all([
    listPassProducts(db(), user.centre_id, false),
    readBankSettings(db(), user.centre_id),
  ]);
  return { products, bank };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = auditActor(context, await requirePermission(request, "payments:manage"));
  const formData = await request.formData();
  const which = String(formData.get("form") ?? "");
  if (which === "bank") {
    const parsed = parseForm(bankSchema, formData);
    if (!parsed.ok)
      return data<ActionResult>({ form: which, errors: parsed.errors, values: parsed.values }, { status: 400 });
    await saveBankSettings(db(), user.centre_id, parsed.data, user);
  } else {
    const parsed = parseForm(passProductSchema, formData);
    if (!parsed.ok)
      return data<ActionResult>({ form: which, errors: parsed.errors, values: parsed.values }, { status: 400 });
    await savePassProduct(db(), user.centre_id, parsed.data, user);
  }
  return redirect("/staff/prices?saved=1");
}

const DEFAULTS: Record<PassKind, { uses: string; validDays: string }> = {
  day_pass: { uses: "1", validDays: "30" },
  pack_10: { uses: "10", validDays: "90" },
  monthly_hot_desk: { uses: "", validDays: "30" },
};

export default function StaffPrices() {
  const { products, bank } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const errorsOf = (form: string) => (actionData?.form === form ? actionData.errors : undefined);
  const valueOf = (form: string, name: string, fallback: string) =>
    actionData?.form === form ? (actionData.values[name] ?? "") : fallback;
  const bankErrors = errorsOf("bank");
  // name, label, saved value, numeric keyboard
  const bankFields: [string, MessageKey, string, boolean][] = [
    ["bankBin", "payments.prices.bankBin", bank.bank_bin ?? "", true],
    ["bankName", "payments.prices.bankName", bank.bank_name ?? "", false],
    ["accountNumber", "payments.prices.accountNumber", bank.bank_account_number ?? "", false],
    ["accountName", "payments.prices.accountName", bank.bank_account_name ?? "", false],
    ["transferHours", "payments.prices.transferHours", String(bank.transfer_deadline_hours), true],
    ["holdMinutes", "payments.prices.holdMinutes", String(bank.hold_minutes), true],
  ];
  return (
    <div className="max-w-3xl space-y-8">
      <h1 className="text-2xl font-bold">{t("payments.prices.title")}</h1>
      {params.get("saved") ? (
        <p role="status" className="rounded-md bg-green-50 p-3 text-green-900 ring-1 ring-green-300">
          {t("payments.prices.saved")}
        </p>
      ) : null}
      <p className="text-stone-700">
        {t("payments.prices.resources")}{" "}
        <Link to="/staff/spaces" className="font-medium text-brand-800 underline">
          {t("payments.prices.resourcesLink")}
        </Link>
      </p>

      <section aria-labelledby="passes" className="space-y-4">
        <h2 id="passes" className="text-xl font-semibold">
          {t("payments.prices.passes")}
        </h2>
        {PASS_KINDS.map((kind) => {
          const product = products.find((p) => p.kind === kind);
          const form = `pass-${kind}`;
          const errors = errorsOf(form);
          const id = (name: string) => `${kind}-${name}`;
          return (
            <Form key={kind} method="post" className={`${cardClass} space-y-3`} aria-labelledby={id("title")}>
              <h3 id={id("title")} className="text-lg font-semibold">
                {t(`payments.prices.kind.${kind}`)}
              </h3>
              <FormErrorSummary errors={errors} />
              <input type="hidden" name="form" value={form} />
              <input type="hidden" name="kind" value={kind} />
              <div className="grid gap-3 sm:grid-cols-2">
                <FormField
                  id={id("nameVi")}
                  name="nameVi"
                  label="payments.prices.name_vi"
                  errors={errors}
                  defaultValue={valueOf(form, "nameVi", product?.name_vi ?? t(`payments.prices.kind.${kind}`))}
                />
                <FormField
                  id={id("nameEn")}
                  name="nameEn"
                  label="payments.prices.name_en"
                  errors={errors}
                  defaultValue={valueOf(form, "nameEn", product?.name_en ?? "")}
                />
                <FormField
                  id={id("price")}
                  name="price"
                  label="payments.prices.price"
                  inputMode="numeric"
                  errors={errors}
                  defaultValue={valueOf(form, "price", product ? String(product.price_vnd) : "")}
                />
                <FormField
                  id={id("uses")}
                  name="uses"
                  label="payments.prices.uses"
                  inputMode="numeric"
                  errors={errors}
                  defaultValue={valueOf(
                    form,
                    "uses",
                    product ? (product.uses === null ? "" : String(product.uses)) : DEFAULTS[kind].uses,
                  )}
                />
                <FormField
                  id={id("validDays")}
                  name="validDays"
                  label="payments.prices.validDays"
                  inputMode="numeric"
                  errors={errors}
                  defaultValue={valueOf(
                    form,
                    "validDays",
                    product ? String(product.valid_days) : DEFAULTS[kind].validDays,
                  )}
                />
              </div>
              <div className="flex items-center gap-2">
                <input
                  id={id("active")}
                  type="checkbox"
                  name="active"
                  defaultChecked={product ? product.is_active : true}
                  className="h-5 w-5"
                />
                <label htmlFor={id("active")}>{t("payments.prices.active")}</label>
              </div>
              <button type="submit" className={buttonClass}>
                {t("payments.prices.save")}
              </button>
            </Form>
          );
        })}
      </section>

      <section aria-labelledby="bank" className="space-y-4">
        <h2 id="bank" className="text-xl font-semibold">
          {t("payments.prices.bank")}
        </h2>
        <Form method="post" className={`${cardClass} space-y-3`}>
          <FormErrorSummary errors={bankErrors} />
          <input type="hidden" name="form" value="bank" />
          <div className="grid gap-3 sm:grid-cols-2">
            {bankFields.map(([name, label, saved, numeric]) => (
              <FormField
                key={name}
                name={name}
                label={label}
                inputMode={numeric ? "numeric" : undefined}
                errors={bankErrors}
                defaultValue={valueOf("bank", name, saved)}
              />
            ))}
          </div>
          <button type="submit" className={buttonClass}>
            {t("payments.prices.save")}
          </button>
        </Form>
      </section>
    </div>
  );
}

export const meta = titleMeta("payments.prices.title");
