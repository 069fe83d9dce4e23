import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getSessionUser, safeRedirect } from "~/features/auth/session.server";
import { setAccountLocale } from "~/features/auth/queries.server";
import { languageCookie } from "~/i18n/locale.server";
import { isLocale } from "~/i18n/translate";
import { db } from "~/utils/database.server";

// The language switch: remembered in a cookie for everyone and on the account when signed in.
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = form.get("locale");
  if (!isLocale(locale)) return new Response("Unknown language / Ngôn ngữ không hợp lệ", { status: 400 });
  const user = await getSessionUser(request);
  if (user) await setAccountLocale(db(), user.id, locale);
  return redirect(safeRedirect(form.get("redirectTo")), {
    headers: { "Set-Cookie": await languageCookie.serialize(locale) },
  });
}

export function loader() {
  return redirect("/");
}
