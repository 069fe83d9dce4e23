import { describe, expect, it } from "vitest";
import { eventCalendarLinks, googleCalendarUrl, googleInstant, outlookCalendarUrl } from "~/features/calendar/google";

const event = {
  summary: "Họp nhóm: Cà phê Chiềng Ban & đối tác",
  description: "Phòng: P-201 · Phòng họp Mường Thanh\nTrạng thái: Đã xác nhận",
  location: "Phòng họp Mường Thanh (P-201), Trung tâm Đổi mới sáng tạo tỉnh Sơn La",
  url: "https://dmst.sonla.gov.vn/bookings/5d8f0c1e-1111-4a2b-9c3d-000000000001",
  // 09:00–10:30 in Sơn La (UTC+7).
  start: new Date("2026-12-15T02:00:00Z"),
  end: new Date("2026-12-15T03:30:00Z"),
};

describe("add to Google Calendar", () => {
  it("writes the instants in UTC the way Google's dates parameter expects", () => {
    expect(googleInstant(new Date("2026-12-31T17:05:09.123Z"))).toBe("20261231T170509Z");
  });

  it("fills in the title, times, place and a description ending with the link back, Vietnamese intact", () => {
    const url = new URL(googleCalendarUrl(event, "Asia/Ho_Chi_Minh"));
    expect(`${url.origin}${url.pathname}`).toBe("https://calendar.google.com/calendar/render");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      action: "TEMPLATE",
      text: event.summary,
      dates: "20261215T020000Z/20261215T033000Z",
      details: `${event.description}\n\n${event.url}`,
      location: event.location,
      ctz: "Asia/Ho_Chi_Minh",
    });
  });

  it("shortens a long description but always keeps the link back to the app", () => {
    const long = { ...event, description: "Ghi chú dài. ".repeat(500) };
    const details = new URL(googleCalendarUrl(long, "Asia/Ho_Chi_Minh")).searchParams.get("details")!;
    expect(details.length).toBeLessThanOrEqual(1000);
    expect(details.endsWith(`…\n\n${event.url}`)).toBe(true);
  });
});

describe("add to Outlook.com", () => {
  it("opens Outlook's compose form with the same event", () => {
    const url = new URL(outlookCalendarUrl(event));
    expect(`${url.origin}${url.pathname}`).toBe("https://outlook.live.com/calendar/0/deeplink/compose");
    expect(url.searchParams.get("subject")).toBe(event.summary);
    expect(url.searchParams.get("startdt")).toBe("2026-12-15T02:00:00.000Z");
    expect(url.searchParams.get("enddt")).toBe("2026-12-15T03:30:00.000Z");
    expect(url.searchParams.get("location")).toBe(event.location);
  });

  it("comes with the download path in one set of links for a page", () => {
    expect(eventCalendarLinks(event, "Asia/Ho_Chi_Minh", "/bookings/x/calendar.ics").download).toBe(
      "/bookings/x/calendar.ics",
    );
  });
});
