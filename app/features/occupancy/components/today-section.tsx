import { ScrollRegion } from "~/components/scroll-region";
import { HeadRow, tableClass, tdClass, thClass } from "~/components/charts/chart-table";
import { cardClass } from "~/components/card";
import type { BookingStatus, ResourceKind } from "#db/schema";
import { useLocale, useT } from "~/i18n/use-translation";

interface FloorRow {
  code: string;
  nameVi: string;
  nameEn: string;
  desks: number;
  booked: number;
  checkedIn: number;
  blocked: number;
  free: number;
}

export interface TodayView {
  date: string;
  asOf: string;
  floors: FloorRow[];
  total: Omit<FloorRow, "code" | "nameVi" | "nameEn">;
  rooms: Array<{
    id: string;
    code: string;
    nameVi: string;
    nameEn: string;
    kind: ResourceKind;
    floorCode: string;
    state: "in_use" | "blocked" | "free";
    until: string | null;
    next: string | null;
  }>;
  people: Array<{
    id: string;
    time: string;
    person: string | null;
    team: string | null;
    resourceCode: string;
    resourceVi: string;
    resourceEn: string;
    status: BookingStatus;
  }>;
}

/** Today at the centre: desks per floor, rooms now and next, and who is expected. */
export function TodaySection({ today }: { today: TodayView }) {
  const t = useT();
  const locale = useLocale();
  const name = (vi: string, en: string) => (locale === "vi" ? vi : en);
  return (
    <section aria-labelledby="occupancy-today" className={`${cardClass} space-y-6`}>
      <div>
        <h2 id="occupancy-today" className="text-xl font-semibold">
          {t("occupancy.today.title", { date: today.date })}
        </h2>
        <p className="text-sm text-stone-700">{t("occupancy.today.asOf", { time: today.asOf })}</p>
      </div>

      <div>
        <h3 className="mb-2 font-semibold">{t("occupancy.today.desks")}</h3>
        {today.floors.length === 0 ? (
          <p className="text-stone-700">{t("occupancy.today.noDesks")}</p>
        ) : (
          <ScrollRegion label={t("occupancy.today.desks")}>
            <table className={tableClass}>
              <HeadRow
                labels={[
                  "occupancy.today.floor",
                  "occupancy.today.deskCount",
                  "occupancy.today.booked",
                  "occupancy.today.checkedIn",
                  "occupancy.today.blocked",
                  "occupancy.today.free",
                ]}
              />
              <tbody>
                {today.floors.map((floor) => (
                  <tr key={floor.code}>
                    <th scope="row" className={thClass}>
                      {name(floor.nameVi, floor.nameEn)}
                    </th>
                    <td className={tdClass}>{floor.desks}</td>
                    <td className={tdClass}>{floor.booked}</td>
                    <td className={tdClass}>{floor.checkedIn}</td>
                    <td className={tdClass}>{floor.blocked}</td>
                    <td className={tdClass}>{floor.free}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" className={thClass}>
                    {t("occupancy.today.total")}
                  </th>
                  <td className={`${tdClass} font-semibold`}>{today.total.desks}</td>
                  <td className={`${tdClass} font-semibold`}>{today.total.booked}</td>
                  <td className={`${tdClass} font-semibold`}>{today.total.checkedIn}</td>
                  <td className={`${tdClass} font-semibold`}>{today.total.blocked}</td>
                  <td className={`${tdClass} font-semibold`}>{today.total.free}</td>
                </tr>
              </tfoot>
            </table>
          </ScrollRegion>
        )}
      </div>

      <div>
        <h3 className="mb-2 font-semibold">{t("occupancy.today.rooms")}</h3>
        {today.rooms.length === 0 ? (
          <p className="text-stone-700">{t("occupancy.today.noRooms")}</p>
        ) : (
          <ScrollRegion label={t("occupancy.today.rooms")}>
            <table className={tableClass}>
              <HeadRow
                labels={[
                  "occupancy.today.room",
                  "occupancy.column.kind",
                  "occupancy.today.now",
                  "occupancy.today.next",
                ]}
              />
              <tbody>
                {today.rooms.map((room) => (
                  <tr key={room.id}>
                    <th scope="row" className={thClass}>
                      {room.code} · {name(room.nameVi, room.nameEn)}
                    </th>
                    <td className={tdClass}>{t(`bookings.kind.${room.kind}`)}</td>
                    <td className={tdClass}>
                      {room.state === "in_use"
                        ? t("occupancy.today.inUseUntil", { time: room.until ?? "" })
                        : room.state === "blocked"
                          ? t("occupancy.today.blockedUntil", { time: room.until ?? "" })
                          : t("occupancy.today.roomFree")}
                    </td>
                    <td className={tdClass}>{room.next ?? t("occupancy.today.noNext")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </div>

      <div>
        <h3 className="mb-2 font-semibold">{t("occupancy.today.people")}</h3>
        {today.people.length === 0 ? (
          <p className="text-stone-700">{t("occupancy.today.noPeople")}</p>
        ) : (
          <ScrollRegion label={t("occupancy.today.people")}>
            <table className={tableClass}>
              <HeadRow
                labels={[
                  "occupancy.today.time",
                  "occupancy.today.person",
                  "occupancy.today.team",
                  "occupancy.today.resource",
                  "occupancy.today.status",
                ]}
              />
              <tbody>
                {today.people.map((p) => (
                  <tr key={p.id}>
                    <td className={tdClass}>{p.time}</td>
                    <td className={tdClass}>{p.person ?? "—"}</td>
                    <td className={tdClass}>{p.team ?? "—"}</td>
                    <td className={tdClass}>
                      {p.resourceCode} · {name(p.resourceVi, p.resourceEn)}
                    </td>
                    <td className={tdClass}>{t(`bookings.status.${p.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </div>
    </section>
  );
}
