import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endSession } from "~/features/auth/session.server";

// Signing out changes state, so it is a POST (the button in the header); anyone may do it.
export async function action({ request }: ActionFunctionArgs) {
  const clearCookie = await endSession(request);
  return redirect("/", { headers: { "Set-Cookie": clearCookie } });
}

// A GET (a link, a prefetch, a crawler) must never sign anyone out.
export function loader() {
  return redirect("/");
}
