import { describe, expect, it } from "vitest";
import { loader as homeLoader } from "~/routes/_index";
import { loader as healthLoader } from "~/routes/healthz";
import { call, dataOf, statusOf } from "../setup/requests";
import { useTestDatabase } from "../setup/database";

useTestDatabase();

describe("home page", () => {
  it("shows the Sơn La centre with its opening hours in Vietnamese by default", async () => {
    const result = await call(homeLoader, "/");
    const data = dataOf<Awaited<ReturnType<typeof homeLoader>>>(result);
    expect(data.centre.name).toBe("Trung tâm Đổi mới sáng tạo tỉnh Sơn La");
    expect(data.week.find((d) => d.weekday === 1)).toMatchObject({ opens: "07:30", closes: "17:00" });
    expect(data.week.find((d) => d.weekday === 7)).toMatchObject({ opens: null });
  });

  it("answers in English to a browser that asks for it", async () => {
    const result = await call(homeLoader, "/", { headers: { "Accept-Language": "en-GB,en;q=0.9" } });
    expect(dataOf<Awaited<ReturnType<typeof homeLoader>>>(result).centre.name).toBe("Sơn La Innovation Centre");
  });

  it("health check makes a real database round trip", async () => {
    const response = (await call(healthLoader, "/healthz")) as Response;
    expect(statusOf(response)).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });
});
