import { describe, expect, it } from "vitest";
import { composeInvitationEmail } from "~/features/invitations/invitation-email";
import { invitableRoles, invitationExpiry, invitationState } from "~/features/invitations/rules";

describe("who may invite whom", () => {
  it("staff invite mentors and staff; admins also admins; nobody invites founders", () => {
    expect(invitableRoles("staff")).toEqual(["mentor", "staff"]);
    expect(invitableRoles("admin")).toEqual(["mentor", "staff", "admin"]);
    expect(invitableRoles("mentor")).toEqual([]);
    expect(invitableRoles("founder")).toEqual([]);
  });
});

describe("invitation state", () => {
  const now = new Date("2026-03-10T03:00:00Z");

  it("is open for seven days, then expired; accepted wins", () => {
    const expires = invitationExpiry(now);
    expect(expires.toISOString()).toBe("2026-03-17T03:00:00.000Z");
    expect(invitationState({ expires_at: expires, accepted_at: null }, now)).toBe("open");
    expect(invitationState({ expires_at: expires, accepted_at: null }, expires)).toBe("expired");
    expect(invitationState({ expires_at: expires, accepted_at: now }, now)).toBe("accepted");
  });
});

describe("invitation email", () => {
  it("says everything in Vietnamese first, then in English, with the link and Vietnam time", () => {
    const { subject, text } = composeInvitationEmail({
      name: "Lường Thị Thu",
      inviterName: null,
      role: "staff",
      centreName: { vi: "Trung tâm Đổi mới sáng tạo tỉnh Sơn La", en: "Sơn La Innovation Centre" },
      link: "https://dmst.sonla.test/invitations/abc",
      expiresAt: new Date("2026-03-17T17:30:00Z"),
    });
    expect(subject).toBe(
      "Lời mời tham gia Trung tâm Đổi mới sáng tạo tỉnh Sơn La / Invitation to join Sơn La Innovation Centre",
    );
    expect(text.indexOf("Xin chào Lường Thị Thu")).toBe(0);
    expect(text.indexOf("Hello Lường Thị Thu")).toBeGreaterThan(0);
    expect(text).toContain("Cán bộ trung tâm mời bạn");
    expect(text).toContain("với vai trò Cán bộ trung tâm");
    expect(text).toContain("as Centre staff");
    expect(text.match(/https:\/\/dmst\.sonla\.test\/invitations\/abc/g)).toHaveLength(2);
    // 17:30 UTC is 00:30 the next day in Asia/Ho_Chi_Minh.
    expect(text).toContain("00:30 18/03/2026");
  });
});
