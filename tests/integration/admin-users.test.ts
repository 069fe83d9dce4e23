import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { action as usersAction, loader as usersLoader } from "~/routes/admin.users";
import { loader as teamsLoader } from "~/routes/staff.teams._index";
import { db } from "~/utils/database.server";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { call, dataOf, statusOf } from "../setup/requests";

useTestDatabase();

type UsersPage = { users: Array<{ id: string; email: string; role: string; is_active: boolean }>; role: string | null };

function changeRole(cookie: string, userId: string, role: string) {
  return call(usersAction, "/admin/users", { cookie, form: { userId, role } });
}

async function roleOf(userId: string) {
  return (await db().selectFrom("app_user").select("role").where("id", "=", userId).executeTakeFirstOrThrow()).role;
}

describe("who may manage users", () => {
  it("refuses founders, mentors and staff with 403 and sends visitors to sign in", async () => {
    const target = await createUser("mentor");
    for (const role of ["founder", "mentor", "staff"] as const) {
      const { cookie } = await createUser(role);
      expect(statusOf(await call(usersLoader, "/admin/users", { cookie }))).toBe(403);
      expect(statusOf(await changeRole(cookie, target.user.id, "admin"))).toBe(403);
    }
    expect(await roleOf(target.user.id)).toBe("mentor");
    const visitor = (await call(usersLoader, "/admin/users")) as Response;
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("Location")).toBe(`/sign-in?redirectTo=${encodeURIComponent("/admin/users")}`);
  });
});

describe("changing roles", () => {
  it("lists users with a filter by role", async () => {
    const admin = await createUser("admin");
    const mentor = await createUser("mentor");
    const all = dataOf<UsersPage>(await call(usersLoader, "/admin/users", { cookie: admin.cookie }));
    expect(all.users.find((u) => u.id === mentor.user.id)).toMatchObject({
      email: mentor.user.email,
      role: "mentor",
      is_active: true,
    });
    expect(all.users.some((u) => u.email === "admin@demo.sonla.vn")).toBe(true);

    const mentors = dataOf<UsersPage>(await call(usersLoader, "/admin/users?role=mentor", { cookie: admin.cookie }));
    expect(mentors.role).toBe("mentor");
    expect(mentors.users.length).toBeGreaterThan(0);
    expect(mentors.users.every((u) => u.role === "mentor")).toBe(true);
    expect(mentors.users.some((u) => u.id === mentor.user.id)).toBe(true);

    const junk = dataOf<UsersPage>(await call(usersLoader, "/admin/users?role=king", { cookie: admin.cookie }));
    expect(junk.role).toBeNull();
    expect(new Set(junk.users.map((u) => u.role))).toEqual(new Set(["founder", "mentor", "staff", "admin"]));
  });

  it("lets an admin make a founder staff, and the new role takes effect at once", async () => {
    const admin = await createUser("admin");
    const founder = await createUser("founder", { name: "Tòng Văn Hải" });
    expect(statusOf(await call(teamsLoader, "/staff/teams", { cookie: founder.cookie }))).toBe(403);

    const changed = await changeRole(admin.cookie, founder.user.id, "staff");
    expect(statusOf(changed)).toBe(200);
    expect(dataOf<{ notice: { name: string; role: string } }>(changed).notice).toEqual({
      name: "Tòng Văn Hải",
      role: "staff",
    });
    expect(await roleOf(founder.user.id)).toBe("staff");
    // Their open session now has staff permissions.
    expect(statusOf(await call(teamsLoader, "/staff/teams", { cookie: founder.cookie }))).toBe(200);
  });

  it("does not let an admin remove their own admin role", async () => {
    const admin = await createUser("admin");
    for (const role of ["staff", "mentor", "founder"]) {
      const refused = await changeRole(admin.cookie, admin.user.id, role);
      expect(statusOf(refused)).toBe(400);
      expect(dataOf<{ userId: string; error: string }>(refused)).toEqual({
        userId: admin.user.id,
        error: "admin.users.cannotDemoteSelf",
      });
    }
    expect(await roleOf(admin.user.id)).toBe("admin");
    // Keeping the role is fine.
    expect(statusOf(await changeRole(admin.cookie, admin.user.id, "admin"))).toBe(200);
  });

  it("lets one admin demote another, who then loses the admin pages", async () => {
    const first = await createUser("admin");
    const second = await createUser("admin");
    expect(statusOf(await changeRole(first.cookie, second.user.id, "staff"))).toBe(200);
    expect(await roleOf(second.user.id)).toBe("staff");
    expect(statusOf(await call(usersLoader, "/admin/users", { cookie: second.cookie }))).toBe(403);
  });

  it("keeps an admin when the last two demote each other at the same moment", async () => {
    // A centre of their own, whose only admins are these two.
    const centre = await db()
      .insertInto("centre")
      .values({
        slug: `hai-quan-tri-${randomUUID().slice(0, 8)}`,
        name_vi: "Trung tâm thử",
        name_en: "Test centre",
        short_name_vi: "TT thử",
        short_name_en: "Test centre",
        legal_name: "Trung tâm thử",
        address_vi: "Sơn La",
        address_en: "Sơn La",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const a = await createUser("admin");
    const b = await createUser("admin");
    await db()
      .updateTable("app_user")
      .set({ centre_id: centre.id })
      .where("id", "in", [a.user.id, b.user.id])
      .execute();

    const results = await Promise.all([
      changeRole(a.cookie, b.user.id, "staff"),
      changeRole(b.cookie, a.user.id, "staff"),
    ]);
    expect(results.map(statusOf).sort()).toEqual([200, 403]);
    const roles = [await roleOf(a.user.id), await roleOf(b.user.id)].sort();
    expect(roles).toEqual(["admin", "staff"]);
  });

  it("answers a bad role with 400 and an unknown or malformed user with 404", async () => {
    const admin = await createUser("admin");
    const mentor = await createUser("mentor");
    const bad = await changeRole(admin.cookie, mentor.user.id, "emperor");
    expect(statusOf(bad)).toBe(400);
    expect(dataOf<{ error: string }>(bad).error).toBe("admin.users.invalidRole");
    expect(await roleOf(mentor.user.id)).toBe("mentor");
    expect(statusOf(await changeRole(admin.cookie, randomUUID(), "staff"))).toBe(404);
    expect(statusOf(await changeRole(admin.cookie, "not-a-uuid", "staff"))).toBe(404);
  });
});
