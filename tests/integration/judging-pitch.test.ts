// A judge reads the pitch document of an application assigned to them; nobody else gets it
// from the judging pages (staff download it from the staff pages).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { savePitch } from "~/features/uploads/pitch-files.server";
import { loader as scoreLoader } from "~/routes/judging.$roundId.$applicationId";
import { loader as pitchLoader } from "~/routes/judging.$roundId.$applicationId_.pitch";
import { db } from "~/utils/database.server";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { assign, createApplication, createProgramme, createRound } from "../setup/incubation";
import { call, dataOf, statusOf } from "../setup/requests";

// Pitch files go to a directory of this test file's own (useTestDatabase re-reads the environment).
const uploadDir = mkdtempSync(path.join(os.tmpdir(), "judge-pitches-"));
process.env.UPLOAD_DIR = uploadDir;
afterAll(() => rmSync(uploadDir, { recursive: true, force: true }));

useTestDatabase();

const PDF = new TextEncoder().encode("%PDF-1.4\n% pitch of Chè Tà Xùa\n%%EOF\n");

async function setUp() {
  const programme = await createProgramme();
  const unique = Math.random().toString(36).slice(2, 8);
  const withPitch = await createApplication(programme.id, {
    teamName: "Chè Shan tuyết Tà Xùa",
    email: `pitch-${unique}@test.example`,
    phone: "0988 111 222",
  });
  const key = await savePitch(PDF);
  await db()
    .updateTable("application")
    .set({ pitch_file_key: key, pitch_file_name: "Trình bày Tà Xùa.pdf" })
    .where("id", "=", withPitch.id)
    .execute();
  const withoutPitch = await createApplication(programme.id, {
    teamName: "Mận hậu Mộc Châu",
    email: `no-pitch-${unique}@test.example`,
    phone: "0988 333 444",
  });
  const { round } = await createRound(programme.id, {
    criteria: [{ nameVi: "Tính đổi mới", nameEn: "Innovation", weight: 1, min: 0, max: 10 }],
  });
  const judge = await createUser("mentor");
  await assign(round.id, judge.user.id, [withPitch.id, withoutPitch.id]);
  const pitchOf = (applicationId: string, cookie: string | null) =>
    call(pitchLoader, `/judging/${round.id}/${applicationId}/pitch`, {
      cookie,
      params: { roundId: round.id, applicationId },
    });
  return { round, judge, withPitch, withoutPitch, pitchOf };
}

describe("the pitch document on the judging pages", () => {
  it("downloads for the assigned judge as an attachment with the applicant's file name", async () => {
    const { round, judge, withPitch, pitchOf } = await setUp();
    const page = dataOf<{ application: { has_pitch: boolean } }>(
      await call(scoreLoader, `/judging/${round.id}/${withPitch.id}`, {
        cookie: judge.cookie,
        params: { roundId: round.id, applicationId: withPitch.id },
      }),
    );
    expect(page.application.has_pitch).toBe(true);

    const response = (await pitchOf(withPitch.id, judge.cookie)) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toContain("attachment;");
    expect(response.headers.get("Content-Disposition")).toContain(
      `filename*=UTF-8''${encodeURIComponent("Trình bày Tà Xùa.pdf")}`,
    );
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF);
  });

  it("is a 404 when there is none, and for anyone the application is not assigned to", async () => {
    const { round, judge, withPitch, withoutPitch, pitchOf } = await setUp();
    const page = dataOf<{ application: { has_pitch: boolean } }>(
      await call(scoreLoader, `/judging/${round.id}/${withoutPitch.id}`, {
        cookie: judge.cookie,
        params: { roundId: round.id, applicationId: withoutPitch.id },
      }),
    );
    expect(page.application.has_pitch).toBe(false);
    expect(statusOf(await pitchOf(withoutPitch.id, judge.cookie))).toBe(404);

    const otherJudge = await createUser("mentor");
    const staff = await createUser("staff");
    const founder = await createUser("founder");
    expect(statusOf(await pitchOf(withPitch.id, otherJudge.cookie))).toBe(404);
    expect(statusOf(await pitchOf(withPitch.id, staff.cookie))).toBe(404);
    expect(statusOf(await pitchOf(withPitch.id, founder.cookie))).toBe(403);
    const visitor = await pitchOf(withPitch.id, null);
    expect(statusOf(visitor)).toBe(302);
    // A made-up address is a 404 too, not an error page.
    expect(
      statusOf(
        await call(pitchLoader, `/judging/${round.id}/not-an-id/pitch`, {
          cookie: judge.cookie,
          params: { roundId: round.id, applicationId: "not-an-id" },
        }),
      ),
    ).toBe(404);
  });
});
