// The payment pages as a browser without JavaScript meets them, on the real server with the
// demo data: a member buys a pass, sees the VietQR code and chooses a transfer, staff confirm
// it, and the member opens the printable receipt. Each page has one heading.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "#db/seed/demo.server";
import { formClient, freshDatabaseEnv, signInOverHttp, startServer, type ServerProcess } from "../setup/server";

let server: ServerProcess;
const cookies = { staff: "", member: "" };

beforeAll(async () => {
  server = await startServer(await freshDatabaseEnv());
  cookies.staff = await signInOverHttp(server.url, "canbo@demo.sonla.vn", DEMO_PASSWORD);
  // The demo mentor is in no incubated team: they pay for passes like any member.
  cookies.member = await signInOverHttp(server.url, "covan@demo.sonla.vn", DEMO_PASSWORD);
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

const { get, post, page } = formClient(() => server.url);

describe("paying for a pass by bank transfer", () => {
  it("works end to end with plain forms, in Vietnamese and English", async () => {
    const account = await page("/account/payments", cookies.member, ["Thẻ và thanh toán", "Vé ngày", "70.000 ₫"]);
    const productId = /name="productId" value="([0-9a-f-]{36})"/.exec(account)?.[1];
    expect(productId).toBeDefined();

    const bought = await post("/account/payments", cookies.member, { productId: productId! });
    expect(bought.status).toBe(302);
    const payPath = bought.headers.get("Location")!;
    expect(payPath).toMatch(/^\/account\/payments\/[0-9a-f-]{36}$/);
    const pay = await page(payPath, cookies.member, [
      "Thanh toán",
      "70.000 ₫",
      "Chuyển khoản ngân hàng (VietQR)",
      "TRUNG TAM DOI MOI SANG TAO SON LA",
      "2151000012345",
      "Thanh toán tại quầy",
    ]);
    expect(pay).toContain('data-testid="vietqr"');
    // No Stripe keys in this server: no card button.
    expect(pay).not.toContain(`/payments/${payPath.split("/").pop()}/card`);
    const reference = /data-testid="pay-reference">([A-Z0-9]+)</.exec(pay)?.[1];
    expect(reference).toMatch(/^SL[A-Z0-9]{8}$/);
    const paymentId = payPath.split("/").pop()!;

    const chose = await post(payPath, cookies.member, { intent: "transfer", paymentId });
    expect(chose.status).toBe(302);

    const staffPage = await page("/staff/payments", cookies.staff, ["Khoản chờ thanh toán", reference!]);
    expect(staffPage).toContain("Đã nhận tiền");
    const received = await post("/staff/payments", cookies.staff, { intent: "transfer", paymentId, amount: "70000" });
    expect(received.status).toBe(302);
    const again = await post("/staff/payments", cookies.staff, { intent: "transfer", paymentId, amount: "70000" });
    expect(again.status).toBe(409);

    await page(payPath, cookies.member, ["Đã thanh toán. Cảm ơn bạn!", "Xem biên lai"]);
    await page(`${payPath}/receipt`, cookies.member, [
      "Biên lai thu tiền",
      "Mã số thuế",
      "70.000 ₫",
      "Nguyễn",
      "@page { size: A4",
    ]);
    await page("/account/payments", cookies.member, ["Còn 1/1 ngày"]);
    await page(`${payPath}/receipt`, cookies.staff, ["Biên lai thu tiền"]);
    await page("/staff/prices", cookies.staff, ["Bảng giá và tài khoản nhận tiền", "970418", "Gói 10 ngày"]);

    // The same pages in English, for a member who chose it.
    const english = await post("/language", cookies.member, { locale: "en", redirectTo: "/account/payments" });
    expect(english.status).toBe(302);
    await page("/account/payments", cookies.member, ["Passes and payments", "1 of 1 days left", "Day pass"]);
    await page(payPath, cookies.member, ["Paid. Thank you!", "See the receipt"]);
    await page(`${payPath}/receipt`, cookies.member, ["Receipt", "Tax code", "70,000 ₫"]);
  }, 120_000);
});

describe("paying for a room", () => {
  it("holds the room and shows its pay page with the amount the booking form showed", async () => {
    // A free room slot a few days ahead, found on the rooms timeline, that is sold by the hour and not free.
    let query: URLSearchParams | undefined;
    for (let days = 2; days < 12 && !query; days++) {
      const date = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
      const html = await (await get(`/spaces/rooms?date=${date}`, cookies.staff)).text();
      const hrefs = [...html.matchAll(/href="\/bookings\/new\?(resource=[0-9a-f-]{36}[^"]*start=1[0-4]:00[^"]*)"/g)];
      for (const [, href] of hrefs) {
        const candidate = new URLSearchParams(href!.replaceAll("&amp;", "&"));
        const preview = await get(`/bookings/new?${candidate}`, cookies.member);
        // A room with a price (the summary shows e.g. "100,000 ₫").
        if (preview.status === 200 && /\d{3} ₫/.test(await preview.text())) {
          query = candidate;
          break;
        }
      }
    }
    expect(query).toBeDefined();
    // Staff book free; the member (no incubated team) pays the room's price.
    const form = Object.fromEntries(query!.entries());
    const booked = await post("/bookings/new", cookies.member, form);
    expect(booked.status).toBe(302);
    const payPath = booked.headers.get("Location")!;
    expect(payPath).toMatch(/^\/bookings\/[0-9a-f-]{36}\/pay$/);
    const pay = await page(payPath, cookies.member, ["₫"]);
    expect(pay).toContain('data-testid="vietqr"');
    const bookings = await page("/bookings", cookies.member, []);
    expect(bookings).toContain(`href="${payPath}"`);
  }, 60_000);
});
