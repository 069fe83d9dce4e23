import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { buttonClass } from "~/components/buttons";
import { cardClass } from "~/components/card";
import { FormErrorSummary, FormField } from "~/components/form-field";
import { FormNotice } from "~/features/auth/components/auth-page";
import { titleMeta } from "~/features/auth/meta";
import { auditActor } from "~/features/audit/record-audit.server";
import { requirePermission } from "~/features/auth/session.server";
import { MentorsNav } from "~/features/mentors/components/mentors-nav";
import { tagFormSchema, tagIdSchema } from "~/features/mentors/forms";
import { listTags } from "~/features/mentors/queries.server";
import { addTag, renameTag, setTagActive } from "~/features/mentors/save-tag.server";
import type { MessageKey } from "~/i18n/translate";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest, invariantResponse } from "~/utils/http.server";

type ActionResult = {
  intent: "add" | "rename" | "deactivate" | "reactivate";
  tagId?: number;
  errors?: FieldErrors;
  values?: Record<string, string>;
  notice?: MessageKey;
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "mentors:manage");
  return { tags: await listTags(db(), user.centre_id, { all: true }) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = auditActor(context, await requirePermission(request, "mentors:manage"));
  const form = await request.formData();
  const intent = form.get("intent");

  if (intent === "add") {
    const parsed = parseForm(tagFormSchema, form);
    if (!parsed.ok) return badRequest<ActionResult>({ intent, errors: parsed.errors, values: parsed.values });
    const result = await addTag(db(), user.centre_id, parsed.data, user);
    if (!result.ok) return badRequest<ActionResult>({ intent, errors: result.errors, values: parsed.data });
    return data<ActionResult>({ intent, notice: "mentors.tags.added" });
  }

  const id = parseForm(tagIdSchema, form);
  invariantResponse(id.ok);
  const tagId = id.data.tagId;

  if (intent === "rename") {
    const parsed = parseForm(tagFormSchema, form);
    if (!parsed.ok) return badRequest<ActionResult>({ intent, tagId, errors: parsed.errors, values: parsed.values });
    const result = await renameTag(db(), user.centre_id, tagId, parsed.data, user);
    invariantResponse(result);
    if (!result.ok) return badRequest<ActionResult>({ intent, tagId, errors: result.errors, values: parsed.data });
    return data<ActionResult>({ intent, tagId, notice: "mentors.tags.renamed" });
  }

  if (intent === "deactivate" || intent === "reactivate") {
    invariantResponse(await setTagActive(db(), user.centre_id, tagId, intent === "reactivate", user));
    return data<ActionResult>({
      intent,
      tagId,
      notice: intent === "reactivate" ? "mentors.tags.reactivated" : "mentors.tags.deactivated",
    });
  }

  throw new Response("Unknown action", { status: 400 });
}

export default function ExpertiseTags() {
  const { tags } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const add = result?.intent === "add" ? result : undefined;
  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <h1 className="text-2xl font-bold">{t("mentors.tags.title")}</h1>
        <MentorsNav />
        <p className="max-w-2xl text-stone-700">{t("mentors.tags.lead")}</p>
      </div>

      <section aria-labelledby="tags-list" className={cardClass}>
        <h2 id="tags-list" className="text-lg font-semibold">
          {t("mentors.tags.list")}
        </h2>
        <ul className="mt-3 divide-y divide-stone-200">
          {tags.map((tag) => {
            const mine = result && result.intent !== "add" && result.tagId === tag.id ? result : undefined;
            return (
              <li key={tag.id} className="space-y-2 py-3">
                {mine?.notice ? <FormNotice tone="success">{t(mine.notice)}</FormNotice> : null}
                <Form method="post" noValidate className="grid gap-3 sm:grid-cols-4 sm:items-end">
                  <input type="hidden" name="intent" value="rename" />
                  <input type="hidden" name="tagId" value={tag.id} />
                  <FormField
                    id={`tag-${tag.id}-vi`}
                    name="nameVi"
                    label="mentors.tags.nameVi"
                    errors={mine?.errors}
                    defaultValue={mine?.errors ? mine.values?.nameVi : tag.name_vi}
                  />
                  <FormField
                    id={`tag-${tag.id}-en`}
                    name="nameEn"
                    label="mentors.tags.nameEn"
                    errors={mine?.errors}
                    defaultValue={mine?.errors ? mine.values?.nameEn : tag.name_en}
                  />
                  <button type="submit" className={buttonClass}>
                    {t("mentors.tags.rename")}
                  </button>
                </Form>
                <Form method="post" className="flex items-center gap-3">
                  <input type="hidden" name="intent" value={tag.is_active ? "deactivate" : "reactivate"} />
                  <input type="hidden" name="tagId" value={tag.id} />
                  {!tag.is_active ? <span className="text-sm text-stone-700">{t("mentors.tags.inactive")}</span> : null}
                  <button
                    type="submit"
                    aria-label={t(tag.is_active ? "mentors.tags.deactivateLabel" : "mentors.tags.reactivateLabel", {
                      name: tag.name_vi,
                    })}
                    className="rounded-md border border-stone-700 px-3 py-1 text-sm font-medium text-stone-800 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-800"
                  >
                    {t(tag.is_active ? "mentors.tags.deactivate" : "mentors.tags.reactivate")}
                  </button>
                </Form>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="tags-add" className={`${cardClass} max-w-xl`}>
        <h2 id="tags-add" className="text-lg font-semibold">
          {t("mentors.tags.add")}
        </h2>
        <Form method="post" noValidate className="mt-4 space-y-4" key={add?.notice ?? "add"}>
          <input type="hidden" name="intent" value="add" />
          {add?.notice ? <FormNotice tone="success">{t(add.notice)}</FormNotice> : null}
          <FormErrorSummary errors={add?.errors} />
          <FormField
            id="new-tag-vi"
            name="nameVi"
            label="mentors.tags.nameVi"
            errors={add?.errors}
            defaultValue={add?.errors ? add.values?.nameVi : undefined}
          />
          <FormField
            id="new-tag-en"
            name="nameEn"
            label="mentors.tags.nameEn"
            errors={add?.errors}
            defaultValue={add?.errors ? add.values?.nameEn : undefined}
          />
          <button type="submit" className={buttonClass}>
            {t("mentors.tags.addSubmit")}
          </button>
        </Form>
      </section>
    </div>
  );
}

export const meta = titleMeta("mentors.tags.title");
