import { createHash, randomBytes } from "node:crypto";
import { createCookie, redirect, type AppLoadContext } from "@remix-run/node";
import { sql, type Kysely } from "kysely";
import type { Database, User } from "#db/schema";
import { db } from "~/utils/database.server";
import { cookieSecure, getEnv } from "~/utils/env.server";
import { forbidden } from "~/utils/http.server";
import { can, type Permission } from "./permissions";

export type SessionUser = Pick<User, "id" | "centre_id" | "email" | "name" | "role" | "locale">;

const sessionCookie = () =>
  createCookie("sid", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: cookieSecure(),
    maxAge: getEnv().SESSION_TTL_DAYS * 24 * 60 * 60,
  });

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

async function readToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length >= 32 && value.length <= 64 ? value : null;
}

/**
 * Starts a new session for a user who just proved who they are and returns the
 * Set-Cookie header. A fresh random id every time: the id rotates at sign-in, and the
 * session the browser presented before (if any) is deleted, so an id planted in or
 * copied from this browser before sign-in is worthless afterwards.
 */
export async function startSession(
  database: Kysely<Database>,
  userId: string,
  context: Pick<AppLoadContext, "clientIp">,
  request: Request,
): Promise<string> {
  const previous = await readToken(request);
  if (previous) await database.deleteFrom("auth_session").where("id_hash", "=", hashToken(previous)).execute();
  const token = newToken();
  const ttlMs = getEnv().SESSION_TTL_DAYS * 24 * 60 * 60 * 1000;
  await database
    .insertInto("auth_session")
    .values({
      id_hash: hashToken(token),
      user_id: userId,
      expires_at: new Date(Date.now() + ttlMs),
      ip: context.clientIp,
      user_agent: request.headers.get("User-Agent")?.slice(0, 300) ?? null,
    })
    .execute();
  return sessionCookie().serialize(token);
}

// A page's loaders all ask at once who is signed in (each gets its own copy of the request):
// they share one lookup while it runs. Only for GET and HEAD, whose loaders change nothing.
const lookups = new Map<string, Promise<SessionUser | null>>();

export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  const token = await readToken(request);
  if (!token) return null;
  if (request.method !== "GET" && request.method !== "HEAD") return lookUpSessionUser(token);
  let lookup = lookups.get(token);
  if (!lookup) {
    lookup = lookUpSessionUser(token).finally(() => lookups.delete(token));
    lookups.set(token, lookup);
  }
  return lookup;
}

async function lookUpSessionUser(token: string): Promise<SessionUser | null> {
  // Every request asks this: a prepared statement on PostgreSQL (db/connect.server.ts).
  const row = await db()
    .selectFrom("auth_session")
    .innerJoin("app_user", "app_user.id", "auth_session.user_id")
    .modifyFront(sql`/* prepare:session_user */`)
    .select([
      "app_user.id",
      "app_user.centre_id",
      "app_user.email",
      "app_user.name",
      "app_user.role",
      "app_user.locale",
      "auth_session.last_seen_at",
    ])
    .where("auth_session.id_hash", "=", hashToken(token))
    .where("auth_session.expires_at", ">", new Date())
    .where("app_user.is_active", "=", true)
    .executeTakeFirst();
  if (!row) return null;
  const { last_seen_at, ...user } = row;
  if (Date.now() - last_seen_at.getTime() > 5 * 60 * 1000) {
    await db()
      .updateTable("auth_session")
      .set({ last_seen_at: new Date() })
      .where("id_hash", "=", hashToken(token))
      .execute();
  }
  return user;
}

function signInUrl(request: Request): string {
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  return `/sign-in?redirectTo=${encodeURIComponent(back)}`;
}

/** The signed-in user, or a redirect to the sign-in page that comes back here. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) throw redirect(signInUrl(request));
  return user;
}

/** The signed-in user if they hold the permission; visitors are sent to sign in, others get 403. */
export async function requirePermission(request: Request, permission: Permission): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!can(user.role, permission)) forbidden();
  return user;
}

/** Ends this browser's session in the database and returns the cookie that clears it. */
export async function endSession(request: Request): Promise<string> {
  const token = await readToken(request);
  if (token) await db().deleteFrom("auth_session").where("id_hash", "=", hashToken(token)).execute();
  return sessionCookie().serialize("", { maxAge: 0 });
}

/** Revokes every session of a user but the current one (after a password change). */
export async function endOtherSessions(database: Kysely<Database>, userId: string, request: Request): Promise<void> {
  const token = await readToken(request);
  let query = database.deleteFrom("auth_session").where("user_id", "=", userId);
  if (token) query = query.where("id_hash", "!=", hashToken(token));
  await query.execute();
}

/** Revokes every session of a user (after a password reset): all browsers must sign in again. */
export async function endAllSessions(database: Kysely<Database>, userId: string): Promise<void> {
  await database.deleteFrom("auth_session").where("user_id", "=", userId).execute();
}

/** Only same-site relative paths are followed after sign-in. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
