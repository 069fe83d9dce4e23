// A training's whole story in Chromium, on a phone, in Vietnamese and in English: staff create
// a training in the hall (booked through the bookings core), a founder registers in one click
// and a guest without an account registers with their details, both get a check-in QR code,
// staff mark both present on the attendance list, and the founder prints a certificate.
// Kept as a plain sequence of steps: the targets page and the annual report follow on from here.
import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Locale } from "#db/schema";
import { DEMO_HOLIDAYS } from "#db/seed/spaces.server";
import { DEMO_FOUNDER, DEMO_PASSWORD, DEMO_STAFF, main, openFromNav, signInAs, submitForm } from "./accounts";
import { expectAccessible, followTo, launchBrowser, newVisitor, t, waitForHeading } from "./browser";

const LANGUAGES = ["vi", "en"] as const;
const ZONE = "Asia/Ho_Chi_Minh";
const stamp = randomUUID().slice(0, 6);

/** The demo centre is closed on Sundays and public holidays; the hall's afternoon hours are on weekdays. */
function hallOpenAfternoon(day: DateTime): boolean {
  const iso = day.toISODate()!;
  return day.weekday <= 5 && !DEMO_HOLIDAYS.some((h) => h.from <= iso && iso <= h.to);
}

interface TrainingSlot {
  DAY: string;
  START: string;
  END: string;
  /** In hall H-201 (booked through the bookings core), or outside the centre when no hall time is left. */
  inHall: boolean;
}

/**
 * When the training takes place. It must start in the future (people register before it
 * starts) and in the current year: the targets page and the annual report count it in the year
 * it starts, and the report accepts years up to the current one. In order:
 * - the first Wednesday at least three days ahead, as always, when it is still this year;
 * - else the first later day of this year the hall is open in the afternoon;
 * - else later today in the hall while it is open, from the next half hour at least 20 minutes
 *   away (time for the steps before it starts);
 * - else outside the centre (no opening hours there): tomorrow afternoon, or on 31 December
 *   later today.
 * In the hall each language has its own hours so the two trainings never share it. Only after
 * 23:10 on 31 December is no start time left in the year.
 */
function trainingSlot(lang: Locale, now: DateTime = DateTime.now().setZone(ZONE)): TrainingSlot {
  const afternoon = lang === "vi" ? { START: "13:30", END: "14:30" } : { START: "15:00", END: "16:30" };
  // weekdayAhead(3) (browser.ts) read from `now`.
  let wednesday = now.startOf("day").plus({ days: 3 });
  while (wednesday.weekday !== 3) wednesday = wednesday.plus({ days: 1 });
  if (wednesday.year === now.year && hallOpenAfternoon(wednesday)) {
    return { DAY: wednesday.toISODate()!, ...afternoon, inHall: true };
  }
  for (let day = now.startOf("day").plus({ days: 1 }); day.year === now.year; day = day.plus({ days: 1 })) {
    if (hallOpenAfternoon(day)) return { DAY: day.toISODate()!, ...afternoon, inHall: true };
  }
  const soon = now.plus({ minutes: 20 });
  const first = soon.startOf("hour").plus({ minutes: soon.minute === 0 ? 0 : soon.minute <= 30 ? 30 : 60 });
  const day = { DAY: now.toISODate()! };
  // In the hall: vi for an hour, en an hour and a half later (never overlapping vi's).
  const start = lang === "vi" ? first : first.plus({ minutes: 90 });
  const end = start.plus({ minutes: 60 });
  const opens = now.set({ hour: 7, minute: 30, second: 0, millisecond: 0 });
  const closes = now.set({ hour: 17, minute: 0, second: 0, millisecond: 0 });
  if (hallOpenAfternoon(now) && start >= opens && end <= closes) {
    return { ...day, START: start.toFormat("HH:mm"), END: end.toFormat("HH:mm"), inHall: true };
  }
  // Outside the centre, where no opening hours apply: tomorrow afternoon while it is this year,
  // else today for half an hour, ending by midnight.
  const tomorrow = now.startOf("day").plus({ days: 1 });
  if (tomorrow.year === now.year) return { DAY: tomorrow.toISODate()!, ...afternoon, inHall: false };
  if (!first.hasSame(now, "day")) throw new Error(`No time is left in ${now.year} for a training`);
  const outsideEnd = DateTime.min(first.plus({ minutes: 30 }), now.set({ hour: 23, minute: 59 }));
  return { ...day, START: first.toFormat("HH:mm"), END: outsideEnd.toFormat("HH:mm"), inHall: false };
}

/** Each language's training: its own title, and its own hours in the hall so the two never clash. */
const story = (lang: Locale) => ({
  TITLE_VI: `Tập huấn tiếp thị số ${lang} ${stamp}`,
  TITLE_EN: `Digital marketing training ${lang} ${stamp}`,
  ...trainingSlot(lang),
  GUEST: {
    name: lang === "vi" ? "Hà Thị Lan" : "Tòng Văn Hùng",
    organisation: "HTX Du lịch cộng đồng bản Áng",
    email: `khach-${lang}-${stamp}@e2e.example.vn`,
    phone: "0912 345 678",
  },
});

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

async function submitMain(page: Page, button: string) {
  const response = await submitForm(page, () => main(page).getByRole("button", { name: button, exact: true }).click());
  expect(response.status(), button).toBeLessThan(400);
  await page.waitForLoadState("load");
}

/** The trained-founders figure of the targets page of a year (adding the target when the year has none). */
async function foundersTrainedOnTargets(page: Page, lang: Locale, year: number): Promise<number> {
  await page.goto(`/staff/targets?year=${year}`);
  await waitForHeading(page, t(lang, "targets.title", { year }));
  const progress = main(page).locator('[data-progress="founders_trained"]');
  if ((await progress.count()) === 0) {
    const form = main(page).locator("form", { has: page.getByRole("button", { name: t(lang, "targets.addSubmit") }) });
    await form.getByLabel(t(lang, "targets.field.labelVi"), { exact: true }).fill("Đào tạo ít nhất 20 nhà sáng lập");
    await form.getByLabel(t(lang, "targets.field.labelEn"), { exact: true }).fill("Train at least 20 founders");
    await form.getByLabel(t(lang, "targets.field.measure"), { exact: true }).selectOption("founders_trained");
    await form.getByLabel(t(lang, "targets.field.target"), { exact: true }).fill("20");
    await submitMain(page, t(lang, "targets.addSubmit"));
    await progress.waitFor();
  }
  await expectAccessible(page, { pageName: "/staff/targets" });
  return Number(await progress.getAttribute("data-value"));
}

describe.each(LANGUAGES)("in %s, a training from its creation to attendance", (lang) => {
  test("staff create a training, a founder and a guest register, staff mark them present", async () => {
    const { TITLE_VI, TITLE_EN, DAY, START, END, inHall, GUEST } = story(lang);
    const title = lang === "vi" ? TITLE_VI : TITLE_EN;

    // 1. Staff create the training in hall H-201, from the events page of the staff navigation.
    const staff = await newVisitor(browser);
    await signInAs(staff.page, lang, DEMO_STAFF, DEMO_PASSWORD);
    await openFromNav(staff.page, lang, "events.nav.staff", "events.staff.title");
    await followTo(
      staff.page,
      () =>
        main(staff.page)
          .getByRole("link", { name: t(lang, "events.staff.new"), exact: true })
          .click(),
      (url) => url.pathname === "/staff/events/new",
    );
    await waitForHeading(staff.page, t(lang, "events.staff.new"));
    await expectAccessible(staff.page);
    const form = main(staff.page);
    await form.getByLabel(t(lang, "events.field.kind"), { exact: true }).selectOption("training");
    await form.getByLabel(t(lang, "events.field.titleVi"), { exact: true }).fill(TITLE_VI);
    await form.getByLabel(t(lang, "events.field.titleEn"), { exact: true }).fill(TITLE_EN);
    await form
      .getByLabel(t(lang, "events.field.descriptionVi"), { exact: true })
      .fill("Quảng bá sản phẩm trên mạng xã hội.");
    await form.getByLabel(t(lang, "events.field.date"), { exact: true }).fill(DAY);
    await form.getByLabel(t(lang, "events.field.start"), { exact: true }).fill(START);
    await form.getByLabel(t(lang, "events.field.end"), { exact: true }).fill(END);
    if (inHall) {
      const hall = await form.locator('select[name="resourceId"] option', { hasText: "H-201" }).getAttribute("value");
      await form.getByLabel(t(lang, "events.field.room"), { exact: true }).selectOption(hall!);
    } else {
      await form.getByLabel(t(lang, "events.field.venue"), { exact: true }).fill("Hội trường UBND tỉnh Sơn La");
    }
    await form.getByLabel(t(lang, "events.field.capacity"), { exact: true }).fill("25");
    await form.getByLabel(t(lang, "events.audience.founders"), { exact: true }).check();
    await form.getByLabel(t(lang, "events.audience.tourism_cooperatives"), { exact: true }).check();
    await form.getByText(t(lang, "events.field.countsAsTraining"), { exact: true }).click();
    await submitMain(staff.page, t(lang, "events.staff.create"));
    await staff.page.waitForURL((url) => url.searchParams.get("saved") === "created");
    await waitForHeading(staff.page, title);
    await expectAccessible(staff.page);
    const eventPath = `/events/${new URL(staff.page.url()).pathname.split("/")[3]}`;

    // 2. The founder finds it among the events and registers in one click; the QR code shows.
    const founder = await newVisitor(browser);
    await signInAs(founder.page, lang, DEMO_FOUNDER, DEMO_PASSWORD);
    await openFromNav(founder.page, lang, "events.nav.public", "events.list.title");
    await followTo(
      founder.page,
      () => main(founder.page).getByRole("link", { name: title, exact: true }).click(),
      (url) => url.pathname === eventPath,
    );
    await waitForHeading(founder.page, title);
    const shownDay = DateTime.fromISO(DAY).toFormat("dd/MM/yyyy");
    expect(await main(founder.page).textContent()).toContain(`${shownDay}, ${START}–${END}`);
    await expectAccessible(founder.page);
    await submitMain(founder.page, t(lang, "events.register.button"));
    await founder.page.waitForURL((url) => url.searchParams.get("done") === "registered");
    await expect.poll(() => main(founder.page).textContent()).toContain(t(lang, "events.mine.registered"));
    await main(founder.page)
      .getByRole("img", { name: t(lang, "events.qr.label") })
      .waitFor();
    await expectAccessible(founder.page);

    // 3. A guest without an account registers with their details, in the page's language, from a
    // phone without JavaScript.
    const guest = await newVisitor(browser, { locale: lang === "vi" ? "vi-VN" : "en-GB", javaScriptEnabled: false });
    await guest.page.goto(eventPath);
    await waitForHeading(guest.page, title);
    await expectAccessible(guest.page);
    const guestForm = main(guest.page);
    await guestForm.getByLabel(t(lang, "events.guest.name"), { exact: true }).fill(GUEST.name);
    await guestForm.getByLabel(t(lang, "events.guest.organisation"), { exact: true }).fill(GUEST.organisation);
    await guestForm.getByLabel(t(lang, "events.guest.email"), { exact: true }).fill(GUEST.email);
    await guestForm.getByLabel(t(lang, "events.guest.phone"), { exact: true }).fill(GUEST.phone);
    await guestForm.getByLabel(t(lang, "events.guest.audience"), { exact: true }).selectOption("tourism_cooperatives");
    await submitMain(guest.page, t(lang, "events.register.button"));
    await guest.page.waitForURL((url) => url.pathname.includes("/registration/"));
    await waitForHeading(guest.page, t(lang, "events.guest.pageTitle"));
    await expect
      .poll(() => main(guest.page).textContent())
      .toContain(t(lang, "events.guest.for", { name: GUEST.name }));
    await main(guest.page)
      .getByRole("img", { name: t(lang, "events.qr.label") })
      .waitFor();
    await expectAccessible(guest.page, { pageName: "/events/:id/registration/:token" });

    // 3b. Staff note the trained-founders count on the targets page of the training's year,
    //     the current year (see trainingSlot).
    const year = DateTime.fromISO(DAY).year;
    expect(year).toBe(DateTime.now().setZone(ZONE).year);
    const trainedBefore = await foundersTrainedOnTargets(staff.page, lang, year);

    // 4. Staff open the attendance list on their phone and mark both present.
    await staff.page.goto(`/staff${eventPath}/attendance`);
    await waitForHeading(staff.page, t(lang, "events.attendance.title", { title }));
    await expectAccessible(staff.page);
    for (const name of ["Quàng Thị Mai", GUEST.name]) {
      await submitForm(staff.page, () =>
        main(staff.page)
          .getByRole("button", { name: t(lang, "events.attendance.toggleLabel", { name }), exact: true })
          .click(),
      );
      await expect
        .poll(() => main(staff.page).getByRole("status").textContent())
        .toBe(t(lang, "events.attendance.markedPresent", { name }));
    }
    await expect
      .poll(() => main(staff.page).textContent())
      .toContain(t(lang, "events.attendance.counts", { registered: 2, attended: 2, waitlisted: 0 }));
    await expectAccessible(staff.page);

    // 5. The founder prints a certificate of attendance from the event page.
    await founder.page.goto(eventPath);
    await followTo(
      founder.page,
      () =>
        main(founder.page)
          .getByRole("link", { name: t(lang, "events.certificate.link"), exact: true })
          .click(),
      (url) => url.pathname.startsWith(`${eventPath}/certificate/`),
    );
    await waitForHeading(founder.page, t(lang, "events.certificate.title"));
    expect(await main(founder.page).textContent()).toContain("Quàng Thị Mai");
    await expectAccessible(founder.page);

    // 6. The trained-founders count on the targets page has gone up: the guest is new, and the
    //    founder too unless she had already been trained this year.
    const trainedAfter = await foundersTrainedOnTargets(staff.page, lang, year);
    expect(trainedAfter).toBeGreaterThanOrEqual(trainedBefore + 1);
    expect(trainedAfter).toBeLessThanOrEqual(trainedBefore + 2);

    // 7. The annual report, reached from the targets page, shows the same number, and its
    //    figure leads to the list of the people it counts, the guest among them.
    await followTo(
      staff.page,
      () =>
        main(staff.page)
          .getByRole("link", { name: t(lang, "targets.reportLink", { year }), exact: true })
          .click(),
      (url) => url.pathname === "/staff/reports/annual",
    );
    await staff.page
      .getByRole("heading", { level: 1, name: new RegExp(t(lang, "reports.doc.titleLine", { year })) })
      .waitFor();
    await expectAccessible(staff.page, { pageName: "/staff/reports/annual" });
    const figure = main(staff.page).locator('[data-figure="foundersTrained"]');
    expect(((await figure.textContent()) ?? "").trim()).toBe(String(trainedAfter));
    await followTo(
      staff.page,
      () => figure.click(),
      (url) => url.pathname === "/staff/reports/annual/founders-trained",
    );
    await waitForHeading(staff.page, t(lang, "reports.list.title.founders-trained", { year }));
    expect(await main(staff.page).textContent()).toContain(GUEST.email);
    await expectAccessible(staff.page, { pageName: "/staff/reports/annual/founders-trained" });

    await Promise.all([staff.context.close(), founder.context.close(), guest.context.close()]);
  }, 240_000);
});
