import { sql } from "kysely";
import { db } from "~/utils/database.server";

// A real round trip to the database; 503 when it does not answer within 3 seconds.
export async function loader() {
  const headers = { "Content-Type": "application/json", "Cache-Control": "no-store" };
  try {
    await Promise.race([
      sql`SELECT 1`.execute(db()),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 3_000).unref()),
    ]);
    return new Response(JSON.stringify({ status: "ok", database: "ok" }), { status: 200, headers });
  } catch {
    return new Response(JSON.stringify({ status: "error", database: "unreachable" }), { status: 503, headers });
  }
}
