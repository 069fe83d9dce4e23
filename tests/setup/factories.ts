import { randomUUID } from "node:crypto";
import type { Role } from "#db/schema";
import { hashPassword } from "~/features/auth/password.server";
import { startSession } from "~/features/auth/session.server";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { db } from "~/utils/database.server";
import { buildRequest, context } from "./requests";

export const TEST_PASSWORD = "mat-khau-thu-nghiem-1";

/** A user with a unique email; returns the row and a Cookie header for a signed-in session. */
export async function createUser(role: Role = "founder", overrides: { email?: string; name?: string } = {}) {
  const centre = await requireCurrentCentre();
  const email = overrides.email ?? `${role}-${randomUUID().slice(0, 8)}@test.example`;
  const user = await db()
    .insertInto("app_user")
    .values({
      centre_id: centre.id,
      email,
      name: overrides.name ?? `Người thử ${role}`,
      role,
      password_hash: await hashPassword(TEST_PASSWORD),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const setCookie = await startSession(db(), user.id, context(), buildRequest("/"));
  const cookie = setCookie.split(";")[0] ?? "";
  return { user, cookie };
}
