import { afterAll, describe, expect, it } from "vitest";
import { sendReminders } from "~/features/bookings/send-reminders.server";
import { action as newAction, loader as newLoader } from "~/routes/bookings.new";
import { loader as listLoader } from "~/routes/bookings._index";
import { db } from "~/utils/database.server";
import { createResource, iso, openWeek } from "../setup/bookings";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { call, dataOf, statusOf } from "../setup/requests";

useTestDatabase();

const originalTz = process.env.TZ;
afterAll(() => {
  process.env.TZ = originalTz;
});

// The centre's wall clock (Asia/Ho_Chi_Minh, UTC+7) decides, whatever the server's zone.
describe.each(["UTC", "America/New_York"])("with the server's TZ set to %s", (tz) => {
  it("books desk halves and room slots at the centre's local times", async () => {
    process.env.TZ = tz;
    expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(tz === "UTC" ? 0 : 300);
    const desk = await createResource("hot_desk");
    // A free room, confirmed at once (one that costs money is held until paid, decision 015).
    const room = await createResource("meeting_room", { price_hour_vnd: 0 });
    const { cookie } = await createUser("founder");
    const day = (await openWeek()).plus({ days: 2 });
    const date = iso(day);

    const preview = dataOf<{ preview: { time: string; date: string } }>(
      await call(newLoader, `/bookings/new?resource=${desk.id}&date=${date}&part=afternoon`, { cookie }),
    );
    expect(preview.preview.time).toBe("12:00–17:00");

    expect(
      statusOf(
        await call(newAction, "/bookings/new", { cookie, form: { resource: desk.id, date, part: "afternoon" } }),
      ),
    ).toBe(302);
    expect(
      statusOf(
        await call(newAction, "/bookings/new", {
          cookie,
          form: { resource: room.id, date, start: "07:30", minutes: "60", people: "2" },
        }),
      ),
    ).toBe(302);

    const rows = await db()
      .selectFrom("booking")
      .select(["resource_id", "starts_at", "ends_at"])
      .where("resource_id", "in", [desk.id, room.id])
      .execute();
    const deskRow = rows.find((r) => r.resource_id === desk.id)!;
    const roomRow = rows.find((r) => r.resource_id === room.id)!;
    expect(deskRow.starts_at.toISOString()).toBe(`${date}T05:00:00.000Z`);
    expect(deskRow.ends_at.toISOString()).toBe(`${date}T10:00:00.000Z`);
    expect(roomRow.starts_at.toISOString()).toBe(`${date}T00:30:00.000Z`);

    const list = dataOf<{
      upcoming: Array<{ code: string; date: string; isoDate: string; start: string; end: string }>;
    }>(await call(listLoader, "/bookings", { cookie }));
    expect(list.upcoming.find((b) => b.code === room.code)).toMatchObject({
      isoDate: date,
      date: day.toFormat("dd/MM/yyyy"),
      start: "07:30",
      end: "08:30",
    });

    // Reminders go out on the centre's day before, even late in the evening there.
    const eveningBefore = day.minus({ days: 1 }).set({ hour: 23, minute: 30 }).toJSDate();
    await sendReminders(db(), eveningBefore);
    const reminded = await db()
      .selectFrom("booking")
      .select("reminder_sent_at")
      .where("resource_id", "=", room.id)
      .executeTakeFirstOrThrow();
    expect(reminded.reminder_sent_at).not.toBeNull();
  });
});
