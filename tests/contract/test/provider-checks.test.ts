// Authentication and a harmless invitation, asked of the server itself: the
// mock (which must answer a missing token as DingTalk does) and, when one is
// configured, the provider, which must also refuse a bad token as documented.
import { describe, expect, it } from "vitest";
import { providerChecks } from "../src/provider-checks.js";
import { contractTargets } from "../src/targets-in-test.js";

const { mock, provider } = contractTargets();

for (const target of [mock, provider].filter((candidate) => candidate !== undefined)) {
  describe(`provider checks (${target.name})`, () => {
    // A mock takes any token for a good one; its InvalidAuthentication answer is asked
    // for by name in documented-responses.test.ts instead.
    const checks = providerChecks.filter((check) => target.kind !== "mock" || check.mockCanAnswer);
    for (const check of checks) {
      it(check.name, async () => {
        expect(await check.run(target)).toEqual([]);
      });
    }
  });
}
