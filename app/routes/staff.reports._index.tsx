import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/features/auth/session.server";

// Reports start with the annual report (the one the Department asks for).
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "reports:view");
  return redirect("/staff/reports/annual");
}
