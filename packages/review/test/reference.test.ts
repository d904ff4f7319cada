// Scalar's configuration of the review page: its try-it console has one
// server, the mock, so no click sends the placeholder token to the spec's hosts.
import { loadSpec } from "@dingtalk-conference/spec/document";
import { describe, expect, it } from "vitest";
import { scalarConfiguration } from "../src/reference.js";

const spec = loadSpec() as Record<string, unknown> & { servers: { url: string }[] };
const tryIt = { mockUrl: "http://127.0.0.1:41235", accessToken: "placeholder-token" };

describe("scalarConfiguration with a try-it console", () => {
  it("lists the mock as the only server", () => {
    expect(spec.servers.length).toBeGreaterThan(0);
    const { content } = scalarConfiguration(spec, { tryIt });
    expect(content.servers).toEqual([{ url: tryIt.mockUrl, description: expect.any(String) }]);
  });

  it("leaves the rest of the spec as written", () => {
    const { content } = scalarConfiguration(spec, { tryIt });
    expect({ ...content, servers: spec.servers }).toEqual(spec);
  });

  it("opens the console with the placeholder token", () => {
    const { authentication } = scalarConfiguration(spec, { tryIt });
    expect(Object.values(authentication?.securitySchemes ?? {})).toEqual([
      { value: tryIt.accessToken },
    ]);
  });
});
