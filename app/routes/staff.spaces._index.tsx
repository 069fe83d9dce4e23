import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { cardClass } from "~/features/spaces/components/spaces-parts";
import { listFloors, listResources } from "~/features/spaces/queries.server";
import { formatMoney } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "spaces:manage");
  const [floors, resources] = await Promise.all([
    listFloors(db(), user.centre_id),
    listResources(db(), user.centre_id),
  ]);
  return {
    floors: floors.map((floor) => ({ ...floor, resources: resources.filter((r) => r.floor_id === floor.id) })),
  };
}

const links = [
  { to: "/staff/spaces/resources/new", label: "spacesAdmin.links.newResource" },
  { to: "/staff/spaces/hours", label: "spacesAdmin.links.hours" },
  { to: "/staff/spaces/policy", label: "spacesAdmin.links.policy" },
  { to: "/staff/spaces/closures", label: "spacesAdmin.links.closures" },
  { to: "/staff/spaces/fixed-desks", label: "spacesAdmin.links.fixedDesks" },
  { to: "/staff/spaces/blocks", label: "spacesAdmin.links.blocks" },
  { to: "/staff/spaces/qr-codes", label: "spacesAdmin.links.qrCodes" },
] as const;

export default function StaffSpaces() {
  const { floors } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const price = (
    amount: number | null,
    key: "spacesAdmin.price.hour" | "spacesAdmin.price.halfDay" | "spacesAdmin.price.day",
  ) => (amount === null ? null : t(key, { price: formatMoney(amount, locale) }));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("spacesAdmin.title")}</h1>
        <p className="mt-1 text-stone-700">{t("spacesAdmin.intro")}</p>
      </div>
      <ul className="flex flex-wrap gap-2">
        {links.map((link) => (
          <li key={link.to}>
            <Link
              to={link.to}
              className="inline-block rounded-md border border-brand-700 px-3 py-2 text-sm font-medium text-brand-800 hover:bg-brand-50"
            >
              {t(link.label)}
            </Link>
          </li>
        ))}
      </ul>
      {floors.map((floor) => (
        <section key={floor.id} aria-labelledby={`floor-${floor.code}`} className={cardClass}>
          <h2 id={`floor-${floor.code}`} className="text-lg font-semibold">
            {t("spacesAdmin.floor.heading", {
              name: locale === "vi" ? floor.name_vi : floor.name_en,
              code: floor.code,
            })}
          </h2>
          {floor.resources.length === 0 ? (
            <p className="mt-2 text-stone-700">{t("spacesAdmin.floor.empty")}</p>
          ) : (
            <div className="mt-3 overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead className="border-b border-stone-300 text-stone-700">
                  <tr>
                    <th scope="col" className="py-2 pr-3 font-semibold">
                      {t("spacesAdmin.list.code")}
                    </th>
                    <th scope="col" className="py-2 pr-3 font-semibold">
                      {t("spacesAdmin.list.name")}
                    </th>
                    <th scope="col" className="py-2 pr-3 font-semibold">
                      {t("spacesAdmin.list.kind")}
                    </th>
                    <th scope="col" className="py-2 pr-3 font-semibold">
                      {t("spacesAdmin.list.capacity")}
                    </th>
                    <th scope="col" className="py-2 pr-3 font-semibold">
                      {t("spacesAdmin.list.prices")}
                    </th>
                    <th scope="col" className="py-2 pr-3 font-semibold">
                      {t("spacesAdmin.list.status")}
                    </th>
                    <th scope="col" className="py-2 font-semibold">
                      <span className="sr-only">{t("spacesAdmin.list.edit")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-200">
                  {floor.resources.map((r) => {
                    const prices = [
                      price(r.price_hour_vnd, "spacesAdmin.price.hour"),
                      price(r.price_half_day_vnd, "spacesAdmin.price.halfDay"),
                      price(r.price_day_vnd, "spacesAdmin.price.day"),
                    ].filter(Boolean);
                    return (
                      <tr key={r.id}>
                        <td className="py-2 pr-3 font-medium">{r.code}</td>
                        <td className="py-2 pr-3">{locale === "vi" ? r.name_vi : r.name_en}</td>
                        <td className="py-2 pr-3">{t(`spacesAdmin.kind.${r.kind}`)}</td>
                        <td className="py-2 pr-3">{r.capacity}</td>
                        <td className="py-2 pr-3">
                          {prices.length > 0 ? prices.join(" · ") : t("spacesAdmin.price.none")}
                        </td>
                        <td className="py-2 pr-3">
                          {t(r.is_active ? "spacesAdmin.list.active" : "spacesAdmin.list.inactive")}
                        </td>
                        <td className="py-2">
                          <Link
                            to={`/staff/spaces/resources/${r.id}`}
                            aria-label={t("spacesAdmin.list.editLabel", { code: r.code })}
                            className="font-medium text-brand-800 underline"
                          >
                            {t("spacesAdmin.list.edit")}
                          </Link>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </div>
  );
}

export const meta = titleMeta("spacesAdmin.title");
