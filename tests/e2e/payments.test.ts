// Paying for a room in Chromium, on a phone, against the server in mock mode (what `npm run
// start:mocks` runs: the MSW stand-in for Stripe loaded with node --import, test keys, and
// the local page in place of Stripe's hosted checkout). A visitor signs up, books a room
// that costs money, pays by card on the checkout page, sees the booking confirmed and opens
// the receipt; later cancels it within the policy and finds the refund on the account page.
// A second visitor, in English, looks at the card page and cancels there, then pays by bank
// transfer with the VietQR code, and staff mark the transfer received: the booking is confirmed.
//
// Why this file starts a server of its own: the shared one runs without Stripe keys (card
// payment is not offered there); this one runs in mock mode on a PostgreSQL database the
// test can also read (to create the priced room and to find the transfer's reference).
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database, Locale } from "#db/schema";
import { formatCalendarDate, formatMoney } from "~/i18n/format";
import { startPostgres, type ThrowawayPostgres } from "../../scripts/postgres";
import { openWeekdays } from "../setup/postgres-app";
import { root } from "../setup/build";
import { cleanEnv, freePort, healthStatus, waitFor } from "../setup/server";
import { button, DEMO_PASSWORD, DEMO_STAFF, main, signInAs, submitSignUp } from "./accounts";
import {
  expectAccessible,
  followTo,
  launchBrowser,
  newVisitor,
  t,
  useLanguage,
  visit,
  waitForHeading,
} from "./browser";

const PRICE = 150_000;
const stamp = randomUUID().slice(0, 6);
const ROOM = `PAY-${stamp}`.toUpperCase();
const MOCK_CHECKOUT = "/__mock-stripe/checkout/:id";

let postgres: ThrowawayPostgres;
let server: { url: string; stop(): Promise<void> };
let database: Kysely<Database>;
let browser: Browser;
let roomId: string;
let date: string;

beforeAll(async () => {
  postgres = await startPostgres();
  const url = await postgres.createDatabase();
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  // Mock mode, as `npm run start:mocks` starts it: the stand-in loaded by node --import (as
  // flags: in NODE_OPTIONS the loader's own thread would load the stand-in too, and hang).
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./tests/mocks/index.ts", "server.js"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: cleanEnv({
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      APP_URL: appUrl,
      DATABASE_URL: url,
      COOKIE_SECURE: "false",
      LOG_LEVEL: "warn",
      TRUST_PROXY: "1",
      STRIPE_SECRET_KEY: "sk_test_mock",
      STRIPE_WEBHOOK_SECRET: "whsec_mock",
    }),
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  child.stderr!.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  server = {
    url: appUrl,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
  await waitFor(async () => child.exitCode !== null || (await healthStatus(appUrl)) === 200, {
    timeoutMs: 180_000,
    what: "the mock-mode server's /healthz",
  });
  if (child.exitCode !== null) throw new Error(`the mock-mode server exited:\n${output}`);

  database = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }),
  });
  const centre = await database.selectFrom("centre").select("id").executeTakeFirstOrThrow();
  const floor = await database
    .selectFrom("floor")
    .select("id")
    .where("centre_id", "=", centre.id)
    .executeTakeFirstOrThrow();
  const room = await database
    .insertInto("resource")
    .values({
      centre_id: centre.id,
      floor_id: floor.id,
      code: ROOM,
      kind: "meeting_room",
      name_vi: "Phòng họp Mộc Châu",
      name_en: "Moc Chau meeting room",
      capacity: 6,
      audience: "everyone",
      price_hour_vnd: PRICE,
      plan_x: 5,
      plan_y: 5,
      plan_width: 10,
      plan_height: 10,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  roomId = room.id;
  // The demo centre's bank account, in case the seed left it unset.
  await database
    .updateTable("centre")
    .set({
      bank_bin: "970418",
      bank_name: "BIDV",
      bank_account_number: "2150000123456",
      bank_account_name: "TRUNG TAM DOI MOI SANG TAO SON LA",
    })
    .where("id", "=", centre.id)
    .where("bank_bin", "is", null)
    .execute();
  date = (await openWeekdays(database, centre.id, 1))[0]!;
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await database?.destroy();
  await server?.stop();
  await postgres?.stop();
});

async function signUp(page: Page, lang: Locale, name: string) {
  await visit(page, "/sign-up");
  await useLanguage(page, lang);
  await submitSignUp(page, lang, { name, email: `${stamp}-${lang}@e2e.example.vn`, password: "Mat-khau-2026!" });
}

/** Books the room for an hour from `start` and lands on its pay page, audited. */
async function bookRoom(page: Page, lang: Locale, start: string) {
  await visit(page, `/bookings/new?resource=${roomId}&date=${date}&start=${start}&minutes=60&people=2`);
  await waitForHeading(page, t(lang, "bookings.new.title"));
  await expect.poll(() => main(page).innerText()).toContain(formatMoney(PRICE, lang));
  await followTo(
    page,
    () => button(page, lang, "bookings.new.confirm").click(),
    (url) => /^\/bookings\/[0-9a-f-]{36}\/pay$/.test(url.pathname),
  );
  await waitForHeading(page, t(lang, "payments.pay.title"));
  expect(await main(page).innerText()).toContain(formatMoney(PRICE, lang));
  await expectAccessible(page);
  return new URL(page.url()).pathname.split("/")[2]!;
}

async function toMockCheckout(page: Page, lang: Locale) {
  await followTo(
    page,
    () => button(page, lang, "stripe.card.button").click(),
    (url) => url.pathname.startsWith("/__mock-stripe/checkout/cs_test_"),
  );
  await waitForHeading(page, t(lang, "stripe.mock.title"));
  expect(await main(page).getByTestId("mock-amount").innerText()).toBe(formatMoney(PRICE, lang));
  await expectAccessible(page, { pageName: MOCK_CHECKOUT });
}

describe("paying for a room", () => {
  test("by card on the checkout page: confirmed, with a receipt; cancelled later, refunded", async () => {
    const lang: Locale = "vi";
    const { context, page } = await newVisitor(browser, { server: server.url });
    await signUp(page, lang, "Lường Thị Mai");
    const bookingId = await bookRoom(page, lang, "09:00");

    await toMockCheckout(page, lang);
    await followTo(
      page,
      () => button(page, lang, "stripe.mock.pay").click(),
      (url) => url.pathname === `/bookings/${bookingId}/pay` && url.searchParams.get("card") === "done",
    );
    await waitForHeading(page, t(lang, "payments.pay.title"));
    await main(page).getByText(t(lang, "payments.pay.paid")).waitFor();
    await expectAccessible(page);

    // The receipt: the centre, the buyer, the item and the amount in đồng.
    await followTo(
      page,
      () =>
        main(page)
          .getByRole("link", { name: t(lang, "payments.pay.receipt") })
          .click(),
      (url) => url.pathname.endsWith("/receipt"),
    );
    await expect.poll(() => main(page).innerText()).toContain("Lường Thị Mai");
    const receipt = await main(page).innerText();
    expect(receipt).toContain(ROOM);
    expect(receipt).toContain(formatMoney(PRICE, lang));
    await expectAccessible(page);

    // My bookings: confirmed. Cancelling it (well within the policy) refunds the card.
    await visit(page, "/bookings");
    const shownDate = formatCalendarDate(date);
    await followTo(
      page,
      () =>
        main(page)
          .getByRole("button", { name: t(lang, "bookings.action.cancelLabel", { what: `${ROOM} ${shownDate}` }) })
          .click(),
      (url) => url.searchParams.get("notice") === "cancelled",
    );
    await page.goto("/account/payments");
    await expect.poll(() => main(page).innerText()).toContain(t(lang, "payments.status.refunded"));
    await expectAccessible(page);
    await context.close();
  });

  test("by bank transfer with VietQR, after looking at the card page; staff mark it received", async () => {
    const lang: Locale = "en";
    const visitor = await newVisitor(browser, { locale: "en-GB", server: server.url });
    await signUp(visitor.page, lang, "Cầm Văn Khánh");
    const bookingId = await bookRoom(visitor.page, lang, "11:00");

    // On the card page, "Cancel" goes back to the pay page; nothing is charged, still held.
    await toMockCheckout(visitor.page, lang);
    await followTo(
      visitor.page,
      () => button(visitor.page, lang, "stripe.mock.cancel").click(),
      (url) => url.pathname === `/bookings/${bookingId}/pay` && url.searchParams.get("card") === "cancelled",
    );
    await main(visitor.page).getByText(t(lang, "stripe.card.cancelled")).waitFor();

    await followTo(
      visitor.page,
      () => button(visitor.page, lang, "payments.pay.transfer.choose").click(),
      (url) => url.searchParams.get("notice") === "transfer",
    );
    const payment = await database
      .selectFrom("payment")
      .select(["reference"])
      .where("booking_id", "=", bookingId)
      .executeTakeFirstOrThrow();
    const text = await main(visitor.page).innerText();
    expect(text).toContain(payment.reference);
    expect(await main(visitor.page).locator("svg").count()).toBeGreaterThan(0);
    await expectAccessible(visitor.page);

    const staff = await newVisitor(browser, { locale: "en-GB", server: server.url });
    await signInAs(staff.page, lang, DEMO_STAFF, DEMO_PASSWORD);
    await visit(staff.page, "/staff/payments");
    const pending = main(staff.page).getByRole("listitem").filter({ hasText: payment.reference });
    await followTo(
      staff.page,
      () => pending.getByRole("button", { name: t(lang, "payments.staff.markReceived") }).click(),
      (url) => url.searchParams.get("notice") === "received",
    );
    await expect
      .poll(() => main(staff.page).getByRole("listitem").filter({ hasText: payment.reference }).count())
      .toBe(0);
    await expectAccessible(staff.page);
    // The staff page in the centre's own language too.
    await useLanguage(staff.page, "vi");
    await expectAccessible(staff.page);
    await staff.context.close();

    await visit(visitor.page, `/bookings/${bookingId}/pay`);
    await main(visitor.page).getByText(t(lang, "payments.pay.paid")).waitFor();
    await followTo(
      visitor.page,
      () =>
        main(visitor.page)
          .getByRole("link", { name: t(lang, "payments.pay.receipt") })
          .click(),
      (url) => url.pathname.endsWith("/receipt"),
    );
    await expect.poll(() => main(visitor.page).innerText()).toContain("Cầm Văn Khánh");
    expect(await main(visitor.page).innerText()).toContain(formatMoney(PRICE, lang));
    await expectAccessible(visitor.page);
    const booking = await database
      .selectFrom("booking")
      .select("status")
      .where("id", "=", bookingId)
      .executeTakeFirstOrThrow();
    expect(booking.status).toBe("confirmed");
    await visitor.page.goto("/account/payments");
    await expect.poll(() => main(visitor.page).innerText()).toContain(t(lang, "payments.status.paid"));
    await expectAccessible(visitor.page);
    await visitor.context.close();
  });
});
