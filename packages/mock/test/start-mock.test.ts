import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MockStartError, startMock } from "../src/index.js";

const invitePath = "/v1.0/conference/videoConferences/644272f14ba33101xxxxxxxx/users/invite";

describe("startMock", () => {
  it("serves the spec on a free loopback port and stops cleanly", async () => {
    const [first, second] = await Promise.all([startMock(), startMock()]);
    try {
      expect(first.url).not.toBe(second.url);
      const response = await fetch(first.url + invitePath, {
        method: "POST",
        headers: { "content-type": "application/json", "x-acs-dingtalk-access-token": "t" },
        body: JSON.stringify({ inviteeList: [{ nick: "Test user" }] }),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ success: true });
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
    await expect(fetch(first.url)).rejects.toThrow();
    await first.stop();
  });

  it("reports what Prism printed when the spec cannot be served", async () => {
    const broken = join(tmpdir(), `broken-spec-${process.pid}.yaml`);
    await writeFile(broken, "openapi: 3.1.0\npaths: [not, a, map]\n");
    const error = await startMock({ spec: broken }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MockStartError);
    expect((error as MockStartError).message).toContain("Prism did not start");
  });
});
