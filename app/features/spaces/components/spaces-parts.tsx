import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/i18n/use-translation";

export { buttonClass, dangerButtonClass } from "~/components/buttons";

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
