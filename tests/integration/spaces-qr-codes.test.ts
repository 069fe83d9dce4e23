// Staff print a sheet of QR codes, one card per desk; each code opens that desk's check-in page.
import qrcode from "qrcode-generator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader } from "~/routes/staff.spaces.qr-codes";
import { db } from "~/utils/database.server";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { call, dataOf, statusOf } from "../setup/requests";
import { signInOverHttp, startServer, type ServerProcess } from "../setup/server";
import { createSpacesCentre } from "../setup/spaces-centre";

useTestDatabase();

type Sheet = Awaited<ReturnType<typeof loader>>;
type Drawing = { size: number; path: string };

/** The dark modules of a drawn code, read back from its SVG path ("M x y h w v1 h-w z" runs). */
function modulesDrawn(path: string): Set<string> {
  const dark = new Set<string>();
  const runs = [...path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)];
  expect(runs.map((run) => run[0]).join("")).toBe(path);
  for (const [, x, y, width] of runs)
    for (let i = 0; i < Number(width); i += 1) dark.add(`${Number(y)},${Number(x) + i}`);
  return dark;
}

/**
 * True when the drawing is exactly the QR code of `text` (at some error-correction level),
 * as the reference library makes it, with the quiet zone of at least 4 modules scanners need.
 */
function encodes(drawing: Drawing, text: string): boolean {
  const drawn = modulesDrawn(drawing.path);
  return (["L", "M", "Q", "H"] as const).some((level) => {
    const code = qrcode(0, level);
    code.addData(text, "Byte");
    code.make();
    const count = code.getModuleCount();
    const margin = (drawing.size - count) / 2;
    if (!Number.isInteger(margin) || margin < 4) return false;
    const expected = new Set<string>();
    for (let row = 0; row < count; row += 1)
      for (let col = 0; col < count; col += 1)
        if (code.isDark(row, col)) expected.add(`${row + margin},${col + margin}`);
    return expected.size === drawn.size && [...expected].every((cell) => drawn.has(cell));
  });
}

async function activeDeskCodes(centreId: number) {
  const rows = await db()
    .selectFrom("resource")
    .select("code")
    .where("centre_id", "=", centreId)
    .where("is_active", "=", true)
    .where("kind", "in", ["hot_desk", "fixed_desk"])
    .orderBy("code")
    .execute();
  return rows.map((r) => r.code);
}

describe("the QR code sheet (loader)", () => {
  let centre: Awaited<ReturnType<typeof createSpacesCentre>>;
  let staffCookie = "";
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    centre = await createSpacesCentre();
    staffCookie = (await centre.user("staff")).cookie;
    const hot = await centre.resource("hot_desk");
    const fixed = await centre.resource("fixed_desk");
    const closed = await centre.resource("hot_desk");
    const room = await centre.resource("meeting_room");
    await db().updateTable("resource").set({ is_active: false }).where("id", "=", closed.id).execute();
    // A code with characters that need escaping in a URL (staff forms refuse them, older rows may not).
    const odd = await db()
      .insertInto("resource")
      .values({
        centre_id: centre.id,
        floor_id: centre.floorId("T1"),
        code: "D 7/Á",
        kind: "hot_desk",
        name_vi: "Bàn cạnh cửa sổ",
        name_en: "Window desk",
        capacity: 1,
        plan_x: 0,
        plan_y: 0,
        plan_width: 10,
        plan_height: 10,
      })
      .returning(["id", "code"])
      .executeTakeFirstOrThrow();
    Object.assign(ids, { hot: hot.id, fixed: fixed.id, closed: closed.id, room: room.id, odd: odd.id });
  });

  it("gives staff one card per active desk, each encoding its check-in address", async () => {
    const result = await call(loader, "/staff/spaces/qr-codes", { cookie: staffCookie });
    expect(statusOf(result)).toBe(200);
    const { cards } = dataOf<Sheet>(result);
    expect(cards.map((c) => c.code).sort()).toEqual((await activeDeskCodes(centre.id)).sort());
    expect(cards.map((c) => c.id)).not.toContain(ids.closed);
    expect(cards.map((c) => c.id)).not.toContain(ids.room);
    for (const card of cards) {
      const address = `http://localhost:3000/check-in/${encodeURIComponent(card.code)}`;
      expect(card.address).toBe(address);
      expect(encodes(card.qr, address), card.code).toBe(true);
    }
    const odd = cards.find((c) => c.id === ids.odd)!;
    expect(odd.address).toBe("http://localhost:3000/check-in/D%207%2F%C3%81");
    expect(odd).toMatchObject({ name_vi: "Bàn cạnh cửa sổ", name_en: "Window desk", floor_name_en: "Ground floor" });
  });

  it("would notice a code that opens another address", async () => {
    const { cards } = dataOf<Sheet>(await call(loader, "/staff/spaces/qr-codes", { cookie: staffCookie }));
    const [first, second] = cards;
    expect(encodes(first!.qr, second!.address)).toBe(false);
    expect(encodes(first!.qr, `${first!.address}/`)).toBe(false);
  });

  it("filters by floor, adds rooms on request, and prints one resource alone", async () => {
    const t1 = dataOf<Sheet>(
      await call(loader, `/staff/spaces/qr-codes?floor=${centre.floorId("T1")}`, { cookie: staffCookie }),
    );
    expect(t1.cards.map((c) => c.id)).toEqual([ids.odd]);
    const withRooms = dataOf<Sheet>(await call(loader, "/staff/spaces/qr-codes?rooms=1", { cookie: staffCookie }));
    expect(withRooms.cards.map((c) => c.id)).toContain(ids.room);
    expect(withRooms.cards.map((c) => c.id)).not.toContain(ids.closed);
    const single = dataOf<Sheet>(
      await call(loader, `/staff/spaces/qr-codes?resource=${ids.room}`, { cookie: staffCookie }),
    );
    expect(single.cards).toHaveLength(1);
    expect(encodes(single.cards[0]!.qr, single.cards[0]!.address)).toBe(true);
  });

  it("answers 404 for another centre's resource or floor, 400 for a malformed id", async () => {
    const demoDesk = await db()
      .selectFrom("resource")
      .select("id")
      .where("centre_id", "!=", centre.id)
      .executeTakeFirstOrThrow();
    const demoFloor = await db()
      .selectFrom("floor")
      .select("id")
      .where("centre_id", "!=", centre.id)
      .executeTakeFirstOrThrow();
    expect(
      statusOf(await call(loader, `/staff/spaces/qr-codes?resource=${demoDesk.id}`, { cookie: staffCookie })),
    ).toBe(404);
    expect(statusOf(await call(loader, `/staff/spaces/qr-codes?floor=${demoFloor.id}`, { cookie: staffCookie }))).toBe(
      404,
    );
    expect(statusOf(await call(loader, "/staff/spaces/qr-codes?resource=D-01", { cookie: staffCookie }))).toBe(400);
  });

  it("refuses founders (403) and sends visitors to sign in", async () => {
    const { cookie } = await createUser("founder");
    expect(statusOf(await call(loader, "/staff/spaces/qr-codes", { cookie }))).toBe(403);
    const visitor = (await call(loader, "/staff/spaces/qr-codes")) as Response;
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("Location")).toContain("/sign-in");
  });
});

describe("the printed sheet, as the real server renders it", () => {
  const APP = "https://nhan-cho.sonla.example";
  let server: ServerProcess;
  let cookie = "";

  beforeAll(async () => {
    server = await startServer({ APP_URL: APP });
    cookie = await signInOverHttp(server.url, "canbo@demo.sonla.vn", "SonLa@2026");
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
  });

  it("draws an inline SVG code per demo desk, with its address and the bilingual instruction", async () => {
    expect(cookie).toMatch(/=/);
    const response = await fetch(`${server.url}/staff/spaces/qr-codes`, { headers: { Cookie: cookie } });
    expect(response.status).toBe(200);
    const html = await response.text();
    const cards = [...html.matchAll(/<li class="[^"]*break-inside-avoid[^"]*">([\s\S]*?)<\/li>/g)].map(([, body]) => ({
      code: /<h2[^>]*>([^<]+)<\/h2>/.exec(body!)?.[1],
      size: Number(/<svg[^>]*viewBox="0 0 (\d+) \1"/.exec(body!)?.[1]),
      path: /<path d="([^"]+)"/.exec(body!)?.[1] ?? "",
      address: /<p class="font-mono[^"]*">(.+?)<\/p>/.exec(body!)?.[1]?.replace("<wbr/>", ""),
      body: body!,
    }));
    // The server seeds the same demo centre as this file's database.
    const demoCentre = await db()
      .selectFrom("centre")
      .select("id")
      .where("slug", "=", "son-la")
      .executeTakeFirstOrThrow();
    const desks = await activeDeskCodes(demoCentre.id);
    expect(desks.length).toBeGreaterThan(20);
    expect(cards.map((c) => c.code).sort()).toEqual([...desks].sort());
    for (const card of cards) {
      const address = `${APP}/check-in/${encodeURIComponent(card.code!)}`;
      expect(card.address, card.code).toBe(address);
      expect(encodes(card, address), card.code).toBe(true);
      expect(card.body).toContain("Quét mã để nhận chỗ");
      expect(card.body).toContain("Scan to check in");
    }
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
  });

  it("hides the shell's header when printing", async () => {
    const html = await (await fetch(`${server.url}/staff/spaces/qr-codes`, { headers: { Cookie: cookie } })).text();
    expect(html).toMatch(/<header class="[^"]*print:hidden/);
    const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
    const css = await (await fetch(`${server.url}${stylesheet}`)).text();
    expect(css).toMatch(/@media print\s*\{[^}]*\.print\\:hidden\s*\{\s*display:\s*none/);
  });
});
