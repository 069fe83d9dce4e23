import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { z } from "zod";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { buttonClass, cardClass } from "~/features/spaces/components/spaces-parts";
import { findQrCodeCard, listQrCodeCards, type QrCodeCard } from "~/features/spaces/qr-codes.server";
import { listFloors } from "~/features/spaces/queries.server";
import { translator } from "~/i18n/translate";
import { useLocale, useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { invariantResponse } from "~/utils/http.server";

const filterSchema = z.object({
  floor: z.union([z.literal(""), z.uuid()]).optional(),
  rooms: z.literal("1").optional(),
  resource: z.uuid().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "spaces:manage");
  const parsed = filterSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  invariantResponse(parsed.success, "Bad request", { status: 400 });
  const { floor = "", rooms, resource } = parsed.data;
  const floors = (await listFloors(db(), user.centre_id)).map(({ id, code, name_vi, name_en }) => ({
    id,
    code,
    name_vi,
    name_en,
  }));
  if (resource) {
    const card = await findQrCodeCard(db(), user.centre_id, resource);
    invariantResponse(card);
    return { floors, filter: { floor: "", withRooms: false, single: true }, cards: [card] };
  }
  invariantResponse(!floor || floors.some((f) => f.id === floor));
  const withRooms = rooms === "1";
  const cards = await listQrCodeCards(db(), user.centre_id, { floorId: floor || null, withRooms });
  return { floors, filter: { floor, withRooms, single: false }, cards };
}

// The sheet is printed for everyone who sits there, so each card speaks both languages
// whatever the language of the staff member printing it.
const vi = translator("vi");
const en = translator("en");

function QrCard({ card }: { card: QrCodeCard }) {
  const t = useT();
  const { size, path } = card.qr;
  // A long address wraps before its path rather than in the middle of the desk's code.
  const pathStart = card.address.lastIndexOf("/check-in/") + 1;
  return (
    <li className="flex break-inside-avoid flex-col items-center justify-center gap-1 rounded-xl border-2 border-dashed border-stone-400 bg-white p-4 text-center print:h-[86mm] print:gap-0 print:rounded-none print:p-[4mm]">
      <h2 className="text-2xl font-bold">{card.code}</h2>
      <p className="text-sm">
        <span lang="vi" className="font-medium">
          {card.name_vi}
        </span>{" "}
        · <span lang="en">{card.name_en}</span>
      </p>
      <p className="text-xs text-stone-700">
        <span lang="vi">{card.floor_name_vi}</span> · <span lang="en">{card.floor_name_en}</span>
      </p>
      <svg
        viewBox={`0 0 ${size} ${size}`}
        role="img"
        aria-label={t("spacesAdmin.qr.imageLabel", { address: card.address })}
        shapeRendering="crispEdges"
        className="my-1 h-44 w-44 print:h-[36mm] print:w-[36mm]"
      >
        <rect width={size} height={size} fill="#fff" />
        <path d={path} fill="#000" />
      </svg>
      <p lang="vi" className="text-base font-semibold">
        {vi("spacesAdmin.qr.instruction")}
      </p>
      <p lang="en" className="text-sm font-medium">
        {en("spacesAdmin.qr.instruction")}
      </p>
      <p className="font-mono text-xs wrap-anywhere text-stone-800 print:text-[7pt]">
        {card.address.slice(0, pathStart)}
        <wbr />
        {card.address.slice(pathStart)}
      </p>
    </li>
  );
}

/** Shown once the page runs JavaScript; without it, the browser's own Print command does the same. */
function PrintButton() {
  const t = useT();
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" onClick={() => window.print()} className={buttonClass}>
      {t("spacesAdmin.qr.print")}
    </button>
  );
}

export default function StaffQrCodes() {
  const { floors, filter, cards } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="space-y-6 print:space-y-0">
      <style>{"@page { size: A4; margin: 10mm; }"}</style>
      <div className="space-y-4 print:hidden">
        <div>
          <Link to="/staff/spaces" className="text-sm font-medium text-brand-800 underline">
            {t("spacesAdmin.back")}
          </Link>
          <h1 className="mt-2 text-2xl font-bold">{t("spacesAdmin.qr.title")}</h1>
          <p className="mt-1 text-stone-700">{t("spacesAdmin.qr.intro")}</p>
        </div>
        {filter.single ? (
          <Link to="/staff/spaces/qr-codes" className="font-medium text-brand-800 underline">
            {t("spacesAdmin.qr.showAll")}
          </Link>
        ) : (
          <Form method="get" className={`${cardClass} flex flex-wrap items-end gap-4`}>
            <div className="space-y-1">
              <label htmlFor="field-floor" className="block text-sm font-medium text-stone-800">
                {t("spacesAdmin.qr.floor")}
              </label>
              <select
                id="field-floor"
                name="floor"
                defaultValue={filter.floor}
                className="block rounded-md border border-stone-400 bg-white px-3 py-2 text-base"
              >
                <option value="">{t("spacesAdmin.qr.allFloors")}</option>
                {floors.map((f) => (
                  <option key={f.id} value={f.id}>
                    {t("spacesAdmin.floor.heading", { name: locale === "vi" ? f.name_vi : f.name_en, code: f.code })}
                  </option>
                ))}
              </select>
            </div>
            <label className="flex items-center gap-2 py-2 text-stone-800">
              <input
                type="checkbox"
                name="rooms"
                value="1"
                defaultChecked={filter.withRooms}
                className="h-5 w-5 accent-brand-700"
              />
              {t("spacesAdmin.qr.withRooms")}
            </label>
            <button type="submit" className={buttonClass}>
              {t("spacesAdmin.qr.show")}
            </button>
          </Form>
        )}
        <div className="flex flex-wrap items-center gap-4">
          <PrintButton />
          <p className="text-sm text-stone-700">{t("spacesAdmin.qr.printHint")}</p>
        </div>
        <p className="font-medium">{t("spacesAdmin.qr.count", { count: cards.length })}</p>
      </div>
      {cards.length === 0 ? (
        <p className="text-stone-700">{t("spacesAdmin.qr.none")}</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 print:grid-cols-2 print:gap-[5mm]">
          {cards.map((card) => (
            <QrCard key={card.id} card={card} />
          ))}
        </ul>
      )}
    </div>
  );
}

export const meta = titleMeta("spacesAdmin.qr.title");
