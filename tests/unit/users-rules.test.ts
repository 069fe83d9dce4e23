import { describe, expect, it } from "vitest";
import { roleChangeProblem } from "~/features/users/rules";

describe("role changes", () => {
  const admins = ["a1", "a2"];

  it("never lets an admin remove their own admin role", () => {
    expect(roleChangeProblem({ actorId: "a1", targetId: "a1", newRole: "staff", activeAdminIds: admins })).toBe(
      "self-demotion",
    );
    expect(roleChangeProblem({ actorId: "a1", targetId: "a1", newRole: "admin", activeAdminIds: admins })).toBeNull();
  });

  it("lets an admin demote another admin while one remains", () => {
    expect(roleChangeProblem({ actorId: "a1", targetId: "a2", newRole: "mentor", activeAdminIds: admins })).toBeNull();
  });

  it("keeps at least one active admin", () => {
    // The actor is no longer among the active admins (demoted meanwhile) and the target is the last one.
    expect(roleChangeProblem({ actorId: "a1", targetId: "a2", newRole: "staff", activeAdminIds: ["a2"] })).toBe(
      "last-admin",
    );
  });

  it("allows any change of a non-admin", () => {
    expect(roleChangeProblem({ actorId: "a1", targetId: "u1", newRole: "staff", activeAdminIds: admins })).toBeNull();
    expect(roleChangeProblem({ actorId: "a1", targetId: "u1", newRole: "admin", activeAdminIds: admins })).toBeNull();
  });
});
