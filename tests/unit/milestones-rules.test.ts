import { describe, expect, it } from "vitest";
import { doneOnFor, isOverdue, localToday, milestoneProgress, parseDueDate } from "~/features/milestones/rules";

describe("due dates", () => {
  it("are read as dd/MM/yyyy or yyyy-MM-dd, and must be real days", () => {
    expect(parseDueDate("30/06/2026")).toBe("2026-06-30");
    expect(parseDueDate("1/7/2026")).toBe("2026-07-01");
    expect(parseDueDate("2026-06-30")).toBe("2026-06-30");
    expect(parseDueDate("29/02/2028")).toBe("2028-02-29");
    for (const bad of ["31/02/2026", "29/02/2027", "2026-13-01", "06/30/2026", "30-06-2026", "", "mai"]) {
      expect(parseDueDate(bad), bad).toBeNull();
    }
  });
});

describe("today", () => {
  it("is the centre's local day, not UTC's", () => {
    // 17:30 UTC on 31 Dec is already 1 Jan in Sơn La (UTC+7).
    expect(localToday(new Date("2026-12-31T17:30:00Z"), "Asia/Ho_Chi_Minh")).toBe("2027-01-01");
    expect(localToday(new Date("2026-12-31T16:59:00Z"), "Asia/Ho_Chi_Minh")).toBe("2026-12-31");
  });
});

describe("overdue and progress", () => {
  const today = "2026-06-15";
  it("flags open milestones due before today only", () => {
    expect(isOverdue({ due_on: "2026-06-14", status: "planned" }, today)).toBe(true);
    expect(isOverdue({ due_on: "2026-06-14", status: "in_progress" }, today)).toBe(true);
    expect(isOverdue({ due_on: "2026-06-15", status: "planned" }, today)).toBe(false);
    expect(isOverdue({ due_on: "2026-06-14", status: "done" }, today)).toBe(false);
    expect(isOverdue({ due_on: "2026-06-14", status: "dropped" }, today)).toBe(false);
  });

  it("counts done over the milestones still in the plan", () => {
    expect(
      milestoneProgress(
        [
          { due_on: "2026-01-01", status: "done" },
          { due_on: "2026-01-01", status: "dropped" },
          { due_on: "2026-06-01", status: "planned" },
          { due_on: "2026-07-01", status: "in_progress" },
        ],
        today,
      ),
    ).toEqual({ done: 1, total: 3, overdue: 1 });
    expect(milestoneProgress([], today)).toEqual({ done: 0, total: 0, overdue: 0 });
  });

  it("dates a milestone when it becomes done and keeps that date", () => {
    expect(doneOnFor("done", null, today)).toBe(today);
    expect(doneOnFor("done", "2026-05-01", today)).toBe("2026-05-01");
    expect(doneOnFor("in_progress", "2026-05-01", today)).toBeNull();
  });
});
