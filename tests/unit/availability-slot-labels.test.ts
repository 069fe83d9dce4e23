import { describe, expect, test } from "vitest";
import { slotGrid } from "~/features/availability/rules";
import { formatTime } from "~/i18n/format";

// slotGrid labels slots from the zone's remembered offsets instead of Intl formatting each
// one: the labels must be exactly what formatTime writes, daylight-saving changes included.
describe("slot labels", () => {
  const zones = [
    "Asia/Ho_Chi_Minh",
    "Europe/Berlin",
    "America/New_York",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
    "America/St_Johns",
    "Pacific/Chatham",
  ];
  test.each(zones)("every half hour of a year in %s reads as formatTime", (zone) => {
    const start = new Date(Date.UTC(2026, 0, 1));
    const end = new Date(Date.UTC(2027, 0, 1));
    const slots = slotGrid({ start, end }, zone);
    expect(slots).toHaveLength(365 * 48);
    for (const slot of slots) expect(slot.time, slot.start.toISOString()).toBe(formatTime(slot.start, zone));
  });
});
