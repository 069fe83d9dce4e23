import { randomUUID } from "node:crypto";
import type { Role } from "#db/schema";
import { hashPassword } from "~/features/auth/password.server";
import { startSession } from "~/features/auth/session.server";
import { db } from "~/utils/database.server";
import { TEST_PASSWORD } from "./factories";
import { buildRequest, context } from "./requests";

/**
 * A centre of its own, with two floors, for tests that change centre-wide settings
 * (opening hours, booking rules, closures): under test:postgres every test file shares one
 * database, and the demo centre must stay as other files expect it.
 */
export async function createSpacesCentre() {
  const slug = `thu-${randomUUID().slice(0, 8)}`;
  const centre = await db()
    .insertInto("centre")
    .values({
      slug,
      name_vi: "Trung tâm thử",
      name_en: "Test centre",
      short_name_vi: "TT thử",
      short_name_en: "Test centre",
      legal_name: "Trung tâm thử",
      address_vi: "Sơn La",
      address_en: "Sơn La",
      time_zone: "Asia/Ho_Chi_Minh",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const floors = await db()
    .insertInto("floor")
    .values([
      { centre_id: centre.id, code: "T1", name_vi: "Tầng 1", name_en: "Ground floor", sort_order: 1 },
      { centre_id: centre.id, code: "T2", name_vi: "Tầng 2", name_en: "First floor", sort_order: 2 },
    ])
    .returning(["id", "code"])
    .execute();
  await db()
    .insertInto("opening_hours")
    .values(
      [1, 2, 3, 4, 5].map((weekday) => ({ centre_id: centre.id, weekday, opens_at: "07:30", closes_at: "17:00" })),
    )
    .execute();

  async function user(role: Role, name = `Người thử ${role}`) {
    const row = await db()
      .insertInto("app_user")
      .values({
        centre_id: centre.id,
        email: `${role}-${randomUUID().slice(0, 8)}@${slug}.example`,
        name,
        role,
        password_hash: await hashPassword(TEST_PASSWORD),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const setCookie = await startSession(db(), row.id, context(), buildRequest("/"));
    return { user: row, cookie: setCookie.split(";")[0] ?? "" };
  }

  async function resource(kind: "meeting_room" | "fixed_desk" | "hot_desk" = "meeting_room") {
    return db()
      .insertInto("resource")
      .values({
        centre_id: centre.id,
        floor_id: floors.find((f) => f.code === "T2")!.id,
        code: `R-${randomUUID().slice(0, 8).toUpperCase()}`,
        kind,
        name_vi: "Chỗ thử",
        name_en: "Test space",
        capacity: kind === "meeting_room" ? 6 : 1,
        price_hour_vnd: 0,
        plan_x: 0,
        plan_y: 0,
        plan_width: 10,
        plan_height: 10,
      })
      .returning(["id", "code"])
      .executeTakeFirstOrThrow();
  }

  async function team() {
    return db()
      .insertInto("team")
      .values({ centre_id: centre.id, name: `Nhóm ${randomUUID().slice(0, 8)}`, incubation_starts_on: "2026-01-01" })
      .returning("id")
      .executeTakeFirstOrThrow();
  }

  return {
    id: centre.id,
    floorId: (code: "T1" | "T2") => floors.find((f) => f.code === code)!.id,
    user,
    resource,
    team,
  };
}
