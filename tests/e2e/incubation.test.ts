// One team's whole way through the competition in Chromium: the founder makes an account and
// applies from a phone without JavaScript; staff move the application along and assign two
// judges; both judges score it; staff see it ranked, make it a winner and incubate it; the
// founder then finds the team and books a desk under its free desk-days.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { formatScore } from "~/features/judging/rules";
import { DEMO_PASSWORD, DEMO_STAFF, main, signInAs, submitForm, submitSignUp } from "./accounts";
import { expectAccessible, followTo, launchBrowser, weekdayAhead, newVisitor, t, waitForHeading } from "./browser";

const MENTOR = "covan@demo.sonla.vn";
const SLUG = "tim-kiem-tai-nang-2026";
const stamp = Date.now().toString(36);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Submits the main form that carries this hidden intent (or the only form) and waits for the answer. */
async function submit(page: Page, form: string) {
  const response = await submitForm(page, () =>
    main(page).locator(form).locator('button[type="submit"]').first().click(),
  );
  expect(response.status(), form).toBeLessThan(400);
  await page.waitForLoadState("load");
}

describe.each(["vi", "en"] as const)("in %s, a team from its application to a desk", (lang) => {
  test("applies, is judged by two judges, is incubated and books a desk", async () => {
    const TEAM = `Chè Shan Tuyết Tà Xùa ${stamp}-${lang}`;
    const FOUNDER = {
      name: "Mùa Thị Dợ",
      email: `ungvien-${stamp}-${lang}@e2e.example.vn`,
      password: "ChèTàXùa@2026",
    };

    // 1. The founder makes an account, then applies from the public form without JavaScript.
    const founder = await newVisitor(browser, {
      javaScriptEnabled: false,
      locale: lang === "vi" ? "vi-VN" : "en-GB",
    });
    await founder.page.goto("/sign-up");
    await submitSignUp(founder.page, lang, FOUNDER);
    await founder.page.goto("/programmes");
    await followTo(
      founder.page,
      () => main(founder.page).locator(`a[href="/programmes/${SLUG}/apply"]`).first().click(),
      (url) => url.pathname === `/programmes/${SLUG}/apply`,
    );
    await expectAccessible(founder.page);
    const form = main(founder.page);
    await form.locator('[name="teamName"]').fill(TEAM);
    await form.locator('[name="founderName1"]').fill(FOUNDER.name);
    await form.locator('[name="founderEmail1"]').fill(FOUNDER.email);
    await form.locator('[name="founderPhone1"]').fill("0912 345 001");
    await form.locator('[name="idea"]').fill("Chè shan tuyết cổ thụ Tà Xùa đóng gói, bán trực tuyến.");
    await form.locator('[name="problem"]').fill("Người trồng chè bán chè tươi giá thấp cho thương lái.");
    const sector = await form.locator('select[name="sectorId"] option:not([value=""])').first().getAttribute("value");
    await form.locator('select[name="sectorId"]').selectOption(sector!);
    await form.locator('[name="place"]').fill("Xã Tà Xùa");
    await form.locator('select[name="stage"]').selectOption("prototype");
    await form.locator('[name="jobsExpected"]').fill("6");
    await submit(founder.page, `form:has([name="teamName"])`);
    await founder.page.waitForURL((url) => url.pathname === `/programmes/${SLUG}/applied`);
    await founder.context.close();

    // 2. Staff find it and move it along: under review, shortlisted, finalist.
    const staff = await newVisitor(browser);
    await signInAs(staff.page, lang, DEMO_STAFF, DEMO_PASSWORD);
    await staff.page.goto("/staff/programmes");
    const programmeLink = main(staff.page).locator('a[href^="/staff/programmes/"]', { hasText: "2026" }).first();
    const programmeId = (await programmeLink.getAttribute("href"))!.split("/")[3]!;
    await staff.page.goto(`/staff/programmes/${programmeId}/applications`);
    await expectAccessible(staff.page);
    await followTo(
      staff.page,
      () => main(staff.page).getByRole("link", { name: TEAM }).click(),
      (url) => url.pathname.includes("/applications/"),
    );
    const applicationUrl = new URL(staff.page.url()).pathname;
    const applicationId = applicationUrl.split("/")[5]!;
    // Staff see the applicant's contact details.
    await expect.poll(() => main(staff.page).textContent()).toContain(FOUNDER.email);
    for (const stage of ["under_review", "shortlisted", "finalist"] as const) {
      await main(staff.page).locator('select[name="to"]').selectOption(stage);
      await submit(staff.page, 'form:has(select[name="to"])');
      await expect.poll(() => main(staff.page).textContent()).toContain(t(lang, `programmes.status.${stage}`));
    }

    // 3. Two judges for it in the open round: the demo mentor and the staff member.
    await staff.page.goto(`/staff/programmes/${programmeId}/judging`);
    const roundLink = main(staff.page)
      .locator(`a[href^="/staff/programmes/${programmeId}/judging/"]:not([href$="/ranking"])`)
      .first();
    const roundId = (await roundLink.getAttribute("href"))!.split("/")[5]!;
    for (const judge of [MENTOR, DEMO_STAFF]) {
      await staff.page.goto(`/staff/programmes/${programmeId}/judging/${roundId}`);
      const assign = main(staff.page).locator('form:has(input[name="intent"][value="assign"])');
      const option = await assign.locator('select[name="judgeId"] option', { hasText: judge }).getAttribute("value");
      await assign.locator('select[name="judgeId"]').selectOption(option!);
      await assign.locator(`input[name="applicationIds"][value="${applicationId}"]`).check();
      await submit(staff.page, 'form:has(input[name="intent"][value="assign"])');
    }

    // 4. Each judge scores it on their own page; the mentor sees no contact details.
    for (const [judge, score] of [
      [MENTOR, "8"],
      [DEMO_STAFF, "6"],
    ] as const) {
      const visitor = judge === DEMO_STAFF ? staff : await newVisitor(browser);
      if (judge !== DEMO_STAFF) await signInAs(visitor.page, lang, judge, DEMO_PASSWORD);
      await visitor.page.goto(`/judging/${roundId}/${applicationId}`);
      await expectAccessible(visitor.page);
      if (judge === MENTOR) expect(await main(visitor.page).textContent()).not.toContain(FOUNDER.email);
      const scoring = main(visitor.page).locator('form:has(input[name="intent"][value="score"])');
      for (const input of await scoring.locator('input[name^="score-"]').all()) await input.fill(score);
      await scoring.locator('[name="comment"]').fill("Sản phẩm có câu chuyện tốt.");
      await submit(visitor.page, 'form:has(input[name="intent"][value="score"])');
      if (judge !== DEMO_STAFF) await visitor.context.close();
    }

    // 5. The ranking: weighted average 7 (8 and 6), spread 2, both judges scored. Staff make it
    // a winner and incubate it.
    await staff.page.goto(`/staff/programmes/${programmeId}/judging/${roundId}/ranking`);
    await expectAccessible(staff.page);
    const row = main(staff.page).locator("tr", { hasText: TEAM });
    await expect.poll(() => row.textContent()).toContain(formatScore(7, lang));
    await expect.poll(() => row.textContent()).toContain(formatScore(2, lang));
    await expect
      .poll(() => row.textContent())
      .toContain(t(lang, "judging.ranking.scoredOf", { scored: 2, expected: 2 }));
    await staff.page.goto(applicationUrl);
    await main(staff.page).locator('select[name="to"]').selectOption("winner");
    await submit(staff.page, 'form:has(select[name="to"])');
    await submit(staff.page, 'form:has(button[name="intent"][value="incubate"])');
    await expect.poll(() => main(staff.page).textContent()).toContain(t(lang, "programmes.status.incubated"));
    await staff.context.close();

    // 6. The founder has a team now, and books a desk under its free desk-days.
    const again = await newVisitor(browser);
    await signInAs(again.page, lang, FOUNDER.email, FOUNDER.password);
    await again.page.goto("/team");
    await expect.poll(() => main(again.page).textContent()).toContain(TEAM);
    const date = weekdayAhead(2);
    await again.page.goto(`/spaces?date=${date}&part=morning`);
    await waitForHeading(again.page, t(lang, "spaces.plan.title"));
    await followTo(
      again.page,
      () => main(again.page).locator('section a[href^="/bookings/new?"][href*="part=morning"]').first().click(),
      (url) => url.pathname === "/bookings/new",
    );
    await submit(again.page, 'form:has(input[name="resource"])');
    await again.page.waitForURL((url) => url.pathname === "/bookings");
    await expect.poll(() => main(again.page).textContent()).toContain(t(lang, "bookings.notice.booked"));
    await again.context.close();
  });
});
