import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/i18n/use-translation";

export const buttonClass =
  "rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-800";

export const dangerButtonClass =
  "rounded-md border border-red-800 px-3 py-1 text-sm font-medium text-red-800 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-800";

export const cardClass = "rounded-xl bg-white p-4 shadow-sm ring-1 ring-stone-200 sm:p-6";

/** A staff page of spaces: the way back to the overview, the one h1, then the content. */
export function SpacesAdminPage({ title, children }: { title: string; children: ReactNode }) {
  const t = useT();
  return (
    <div className="space-y-6">
      <div>
        <Link to="/staff/spaces" className="text-sm font-medium text-brand-800 underline">
          {t("spacesAdmin.back")}
        </Link>
        <h1 className="mt-2 text-2xl font-bold">{title}</h1>
      </div>
      {children}
    </div>
  );
}
